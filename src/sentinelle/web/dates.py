"""Dates as people read them (Europe/Paris), with the exact ISO instant on hover."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

PARIS = ZoneInfo("Europe/Paris")


def _moment(value) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):  # `when` hands `human` the moment it read
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, UTC)
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def human(value, with_time: bool = True) -> str:
    """13 Mar 2024 14:05 (Paris time), or the value as given when it is no date."""
    moment = _moment(value)
    if moment is None:
        return "" if value is None else str(value)
    local = moment.astimezone(PARIS)
    return local.strftime("%-d %b %Y %H:%M" if with_time else "%-d %b %Y")


def when(value, with_time: bool = True) -> Markup:
    """A <time> element: the human date, the ISO instant as its title and datetime."""
    moment = _moment(value)
    if moment is None:
        return Markup(escape("" if value is None else str(value)))
    iso = value if isinstance(value, str) else moment.isoformat(timespec="seconds")
    return Markup(
        f'<time datetime="{escape(moment.isoformat(timespec="seconds"))}" title="{escape(iso)}">'
        f"{escape(human(moment, with_time))}</time>"
    )
