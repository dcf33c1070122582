"""French departments: their codes and names, and department codes written in posts."""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from sentinelle.places.matchform import name_key, strip_article

POSTCODE_LENGTH = 5


@lru_cache(maxsize=1)
def departments() -> dict[str, str]:
    """Department code ("01", "2A", "971") -> name ("Ain", "Corse-du-Sud", "Guadeloupe")."""
    raw = resources.files("sentinelle.places").joinpath("departments.tsv.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line]
    return {code: name for code, name in rows}


@lru_cache(maxsize=1)
def department_keys() -> dict[str, str]:
    """Department name in match form, with and without article -> code ("reunion" -> "974")."""
    keys: dict[str, str] = {}
    for code, name in departments().items():
        key = name_key(name)
        keys[key] = keys[strip_article(key)] = code
    return keys


def normalize_code(code: str) -> str | None:
    """A known department code from how it is written ("6" -> "06", "2a" -> "2A"), else None."""
    code = code.strip().upper()
    if code.isdigit() and len(code) == 1:
        code = "0" + code
    return code if code in departments() else None


def department_name(code: str) -> str:
    """The department's name ("93" -> "Seine-Saint-Denis"); KeyError for an unknown code."""
    known = normalize_code(code)
    if known is None:
        raise KeyError(f"unknown French department code {code!r} (expected e.g. '01', '2A', '971')")
    return departments()[known]


def department_of_postcode(postcode: str) -> str | None:
    """The department a postcode most likely lies in ("75015" -> "75", "20000" -> "2A")."""
    if len(postcode) != POSTCODE_LENGTH or not postcode.isdigit():
        return None
    if postcode.startswith("97"):
        return normalize_code(postcode[:3])
    if postcode.startswith("20"):
        return "2A" if postcode < "20200" else "2B"
    return normalize_code(postcode[:2])
