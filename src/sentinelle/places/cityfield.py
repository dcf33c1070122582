"""Resolve a site's `city` metadata, as written there, to a commune.

Fields seen: "Clermont Ferrand", "PARIS 15", "Marseille (13)", "St-Étienne", "Lyon 3e",
"Bordeaux centre", "93 - Saint-Denis", "75015 Paris". The field names one city, so every commune
counts (no population threshold, no ambiguity guard), and numbers are department or postcode hints.
"""

from __future__ import annotations

from functools import lru_cache

from sentinelle.places.departments import departments
from sentinelle.places.gazetteer import Commune, gazetteer, preference
from sentinelle.places.hints import department_hints, pick
from sentinelle.places.matchform import match_form, name_key
from sentinelle.records import Place

MAX_NAME_WORDS = 8  # the longest name, "Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson"


@lru_cache(maxsize=1)
def department_only_keys() -> frozenset[str]:
    """Department names that are no commune's name ("seine saint denis", "val de marne")."""
    keys = {name_key(name) for name in departments().values()}
    return frozenset(keys - gazetteer().by_key.keys())


def _spans(words: list[str], hints: set[str]) -> list[tuple[int, float, int, int, Commune | None]]:
    """Every run of words naming a commune or a department: (length, rank, start, stop, commune).

    A department name ("Seine-Saint-Denis", "Val-de-Marne") that is no commune's name has no
    commune: it only keeps a shorter commune name inside it ("Saint-Denis") from being read.
    """
    by_key = gazetteer().by_key
    departments_only = department_only_keys()
    found: list[tuple[int, float, int, int, Commune | None]] = []
    for start in range(len(words)):
        for stop in range(min(len(words), start + MAX_NAME_WORDS), start, -1):
            key = " ".join(words[start:stop])
            if key in by_key:
                commune, _ = pick(by_key[key], hints)
                found.append((stop - start, preference(commune), start, stop, commune))
            elif key in departments_only:
                found.append((stop - start, float("inf"), start, stop, None))
    return found


def _best_span(words: list[str], hints: set[str]) -> Commune | None:
    """The commune named by the longest run of words (the more populous on a tie)."""
    blocked: set[int] = set()
    for _, _, start, stop, commune in sorted(
        _spans(words, hints), key=lambda s: s[:2], reverse=True
    ):
        if blocked.isdisjoint(range(start, stop)):
            if commune is not None:
                return commune
            blocked.update(range(start, stop))
    return None


def resolve_city(name: str | None) -> Place | None:
    """The commune a city name designates, or None when it names none."""
    if not name:
        return None
    words = match_form(name).split()
    hints = department_hints(words)
    commune = _best_span(words, hints)
    found = gazetteer()
    if commune is not None:
        return found.place_of(commune)
    for word in words:
        if word in found.by_postcode:
            return found.place_of(found.by_postcode[word][0])
    return None
