"""Reports to child protection, pre-filled from a person's file: an *information préoccupante*
for the département's CRIP, or a *signalement* to the prosecutor when the danger is immediate.

The author reviews and completes it before sending it through the usual channel; the project
sends nothing. Posts and the contact are masked unless the author chooses to include them.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import jinja2
import orjson

from sentinelle.outreach.services import KIND_LABELS
from sentinelle.privacy import mask_identifier
from sentinelle.privacy.masking import raw_identifiers
from sentinelle.privacy.recognise import mask_text

KINDS = {
    "ip": "Information préoccupante",
    "signalement": "Signalement au procureur de la République",
}
CHANNELS = {
    "sms": "SMS",
    "whatsapp": "WhatsApp",
    "snapchat": "Snapchat",
    "telegram": "Telegram",
    "instagram": "Instagram",
    "call": "appel",
    "platform": "messagerie de la plateforme",
    "other": "autre",
}
STATUSES = {
    "new": "nouveau",
    "attempted": "contact tenté",
    "in_contact": "en contact",
    "accompanied": "accompagnement",
    "closed": "clos",
}
OUTCOMES = {
    "no_answer": "pas de réponse",
    "answered": "a répondu",
    "refused": "a refusé",
    "blocked": "a bloqué",
    "met": "rencontre",
}


def _day(ts: float | None) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%d/%m/%Y") if ts else "—"


@cache
def _environment() -> jinja2.Environment:
    loader = jinja2.PackageLoader("sentinelle.outreach", "report_templates")
    env = jinja2.Environment(loader=loader, autoescape=True)
    env.filters["day"] = _day
    return env


def report_context(
    kind: str,
    person: dict,
    file: dict,
    posts: list[dict],
    attempts: list[dict],
    referrals: list[dict],
    *,
    organisation: str,
    author: str,
    crip: dict | None,
    include_identifiers: bool,
    now: float,
) -> dict:
    """Everything the report shows, identifiers masked unless `include_identifiers`."""
    contact = person.get("contact_value")
    if contact and not include_identifiers:
        contact = mask_identifier(person["contact_kind"], contact)
    shown = []
    for post in posts:
        text = f"{post['title']}\n{post['text']}" if post.get("title") else post["text"]
        if not include_identifiers:
            # by recognition: every written form of a number, not only the one extraction kept
            text = mask_text(text, raw_identifiers(post["phones"], post["handles"]))
        shown.append(
            {
                "date": post["posted_at"][:10],
                "source": post["source"],
                "city": post.get("city") or "—",
                "text": text[:600],
                "url": post.get("url") if include_identifiers else None,
            }
        )
    return {
        "kind": kind,
        "title": KINDS[kind],
        "organisation": organisation,
        "author": author,
        "made_on": _day(now),
        "crip": crip,
        "person": person,
        "contact": contact,
        "include_identifiers": include_identifiers,
        "posts": shown,
        "attempts": [
            {
                "day": a["day"],
                "channel": CHANNELS.get(a["channel"], a["channel"]),
                "outcome": OUTCOMES.get(a["outcome"], a["outcome"]),
            }
            for a in sorted(attempts, key=lambda a: a["at"])
        ],
        "referrals": [
            {**r, "kind_label": KIND_LABELS.get(r["kind"], r["kind"])}
            for r in sorted(referrals, key=lambda r: r["at"])
        ],
        "file": file,
        "status_label": STATUSES.get(file["status"], file["status"]),
        "reasons": orjson.loads(person.get("reasons") or "[]"),
    }


def report_html(context: dict) -> str:
    return _environment().get_template("report.html").render(**context)


def report_pdf(html: str) -> bytes:
    """The report printed by headless Chromium (the project's one PDF path)."""
    from sentinelle.cases.pdf import print_pdf

    with tempfile.TemporaryDirectory(prefix="sentinelle-report-") as folder:
        html_path = Path(folder) / "report.html"
        html_path.write_text(html, encoding="utf-8")
        return print_pdf(html_path, Path(folder) / "report.pdf").read_bytes()
