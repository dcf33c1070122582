"""Ages the text states ("16 ans", "16yo", "âge : 16", "j'ai 16", "née en 2008").

A stated age is strong evidence for the minor indicator, so durations ("depuis 2 ans"),
experience ("10 ans d'expérience") and other people's ages are left out.
A birth year gives the age reached in the year of posting: `age = year(posted_at) - birth year`
(the birthday may not have passed yet; we keep the simple, stated reading).
"""

from __future__ import annotations

import re

from sentinelle.records import StatedAge

_MIN_AGE = 10
_MAX_AGE = 79

_AGE = re.compile(
    r"(?i)(?:"
    r"(?P<before>\b(?:depuis|pendant|durant|il\s+y\s+a|[çc]a\s+fait|plus\s+de|moins\s+de|"
    r"apr[eè]s|dans|en|tou(?:te)?s\s+les)\s+)?"
    r"(?<![\d.,/:+])\b(?P<n>\d{1,2})(?P<unit>\s?(?:ans|an|yo|y\.o\.?|years?\s+old)|a)\b"
    r"(?P<after>\s*(?:d['’]\s*(?:exp|anc|[ée]tude|activit|mariage)|de\s+(?:m[ée]tier|carri|"
    r"pratique|exp)|r[ée]volus|et\s+plus|\+|et\s+\d+\s+mois|minimum|min\b))?"
    r"|\b[âa]ge\s*[:=]?\s*(?P<n2>\d{1,2})\b(?!\s?(?:€|h|min|kg|cm|%))"
    r"|\bj['’]\s*ai\s+(?P<n3>\d{1,2})\b(?!\s?(?:€|h\b|min|kg|cm|%|euros|roses|enfants?|ans\s+d))"
    r"(?:\s?ans\b)?"
    r"|\b(?:n[ée]e?|ann[ée]e)\s+(?:en\s+)?(?P<y>(?:19|20)\d\d)\b"
    r"|\b(?:de|d['’])\s*(?P<y2>(?:19[5-9]|20[0-2])\d)\b(?!\s*(?:à|a|-|au)\s*\d)"
    r")"
)


def find_ages(text: str, year: int | None) -> list[StatedAge]:
    """Ages stated in the text, deduplicated by value, with their evidence."""
    found: dict[int, StatedAge] = {}
    for match in _AGE.finditer(text):
        age = _age(match, year)
        if age is not None and _MIN_AGE <= age <= _MAX_AGE and age not in found:
            found[age] = StatedAge(age, _evidence(match))
    return list(found.values())


def _age(match: re.Match[str], year: int | None) -> int | None:
    groups = match.groupdict()
    if groups["n"]:
        if groups["before"] or groups["after"]:
            return None  # "depuis 2 ans", "10 ans d'expérience", "18 ans et plus"
        return int(groups["n"])
    if groups["n2"] or groups["n3"]:
        return int(groups["n2"] or groups["n3"])
    birth = groups["y"] or groups["y2"]
    if birth and year:
        return year - int(birth)
    return None


def _evidence(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups["n"]:
        return match.group().strip()[len(groups["before"] or "") :].strip()
    return match.group().strip()


def posting_year(posted_at: str) -> int | None:
    """The year of an ISO 8601 timestamp ("2024-03-13T01:00:00+01:00" -> 2024)."""
    head = posted_at[:4]
    return int(head) if head.isdigit() else None
