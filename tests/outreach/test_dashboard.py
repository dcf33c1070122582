"""Dashboard figures: counts by month and département, median delay to first contact."""

from __future__ import annotations

from sentinelle.outreach.dashboard import bar_figure, outreach_figures

DAY = 86400.0
JAN = 1_704_067_200.0  # 2024-01-01


def file(first_ts, contact_after_days, department="69", answered=0, status="attempted", refs=0):
    contact = None if contact_after_days is None else first_ts + contact_after_days * DAY
    return {
        "first_ts": first_ts,
        "department": department,
        "opened_at": contact or first_ts,
        "first_contact_at": contact,
        "status": status,
        "answered": answered,
        "referrals": refs,
    }


def test_counts_and_median():
    persons = [{"first_ts": JAN, "department": "69"}] * 3 + [{"first_ts": JAN, "department": "13"}]
    files = [
        file(JAN, 2, answered=1, status="accompanied", refs=1),
        file(JAN, 4),
        file(JAN, 9, department="13", answered=2),
        file(JAN, None),
    ]
    figures = outreach_figures(persons, files)
    assert figures["totals"] == {
        "found": 4,
        "contacted": 3,
        "answered": 2,
        "accompanied": 1,
        "referred": 1,
    }
    assert figures["median_days"] == 4.0
    assert figures["by_department"]["13"]["answered"] == 1
    assert list(figures["by_month"]) == ["2024-01"]


def test_no_contact_yet_has_no_median():
    assert outreach_figures([], [])["median_days"] is None


def test_the_figure_has_one_trace_per_measure():
    figure = bar_figure({"2024-01": dict.fromkeys(("found", "contacted", "answered",
                         "accompanied", "referred"), 1)})  # fmt: skip
    assert figure["data"][0]["name"] == "found"
    assert len(figure["data"]) == 5
