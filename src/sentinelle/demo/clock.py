"""Calendar of the demo corpus: days as ordinals, Paris local times with their UTC offset.

Posts are stamped in Europe/Paris local time (+01:00 in winter, +02:00 in summer) because that
is how French sites show them; days are plain `date.toordinal()` integers so that generation
only does integer arithmetic and formats strings from a small cache.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

FIRST_DAY = date(2024, 1, 1).toordinal()
LAST_DAY = date(2025, 12, 31).toordinal()

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)
    return day - timedelta(days=(day.weekday() - 6) % 7)


@lru_cache(maxsize=4096)
def day_stamp(ordinal: int) -> tuple[str, str]:
    """The ISO date and the Paris UTC offset of a day (posts are stamped after 03:00)."""
    day = date.fromordinal(ordinal)
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return day.isoformat(), "+02:00" if summer else "+01:00"


def timestamp(ordinal: int, minute_of_day: int) -> str:
    """ISO 8601 local time with offset, e.g. `2024-03-13T21:05:00+01:00`."""
    iso_day, offset = day_stamp(ordinal)
    hour, minute = divmod(minute_of_day, 60)
    return f"{iso_day}T{hour:02d}:{minute:02d}:00{offset}"


@lru_cache(maxsize=4096)
def year_end(ordinal: int) -> int:
    """The last day of the day's year (a re-published "née en 2005" must keep its age)."""
    return date(date.fromordinal(ordinal).year, 12, 31).toordinal()


@lru_cache(maxsize=4096)
def parts(ordinal: int) -> tuple[int, int, int, int]:
    """(year, month, day, weekday) of a day ordinal."""
    day = date.fromordinal(ordinal)
    return day.year, day.month, day.day, day.weekday()
