"""The outreach dashboard: counts only, no identifier, no name, no note.

Persons found, contacted, answered, accompanied and referred, by month and by département, and
the median time from a person's first post to the organisation's first contact.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import UTC, datetime

MEASURES = ("found", "contacted", "answered", "accompanied", "referred")
_COLOURS = {
    "found": "#aab7c4",
    "contacted": "#1f5f8b",
    "answered": "#117a65",
    "accompanied": "#d68910",
    "referred": "#6c3483",
}


def _month(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m")


def outreach_figures(persons: list[dict], files: list[dict]) -> dict:
    """Totals, the median delay in days, and count tables by month and by département."""
    by_month: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(MEASURES, 0))
    by_department: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(MEASURES, 0))
    for person in persons:
        by_month[_month(person["first_ts"])]["found"] += 1
        by_department[person["department"] or "?"]["found"] += 1
    delays = []
    for file in files:
        reached = _measures(file)
        month = _month(file["first_contact_at"] or file["opened_at"])
        for measure in reached:
            by_month[month][measure] += 1
            by_department[file["department"] or "?"][measure] += 1
        if file["first_contact_at"] is not None:
            delays.append(max(0.0, file["first_contact_at"] - file["first_ts"]) / 86400)
    totals = {m: sum(row[m] for row in by_month.values()) for m in MEASURES}
    return {
        "totals": totals,
        "median_days": round(statistics.median(delays), 1) if delays else None,
        "by_month": dict(sorted(by_month.items())),
        "by_department": dict(sorted(by_department.items())),
    }


def _measures(file: dict) -> list[str]:
    reached = []
    if file["first_contact_at"] is not None:
        reached.append("contacted")
    if file["answered"]:
        reached.append("answered")
    if file["status"] == "accompanied":
        reached.append("accompanied")
    if file["referrals"]:
        reached.append("referred")
    return reached


def bar_figure(table: dict[str, dict[str, int]]) -> dict:
    """Grouped bars, one trace per measure (a plotly figure as a plain dict); the page titles
    it, so plotly's tool bar never covers the title on a phone."""
    keys = list(table)
    data = [
        {
            "type": "bar",
            "name": measure,
            "x": keys,
            "y": [table[key][measure] for key in keys],
            "marker": {"color": _COLOURS[measure]},
        }
        for measure in MEASURES
    ]
    layout = {
        "barmode": "group",
        "height": 300,
        "margin": {"l": 40, "r": 10, "t": 30, "b": 40},
        "font": {"family": "system-ui, sans-serif", "size": 12, "color": "#1f2933"},
        "legend": {"orientation": "h", "y": -0.2},
        "xaxis": {"type": "category"},
    }
    return {"data": data, "layout": layout}
