"""Resolve a site's `city` metadata, as written there, to a commune.

Fields seen: "Clermont Ferrand", "PARIS 15", "Marseille (13)", "St-Étienne", "Lyon 3e",
"Bordeaux centre", "93 - Saint-Denis", "75015 Paris". The field names one city, so every commune
counts (no population threshold, no ambiguity guard), and numbers are department or postcode hints.
"""

from __future__ import annotations

from functools import lru_cache

from sentinelle.places.departments import departments
from sentinelle.places.gazetteer import Commune, gazetteer, preference
from sentinelle.places.hints import department_hint, pick
from sentinelle.places.matchform import match_form, name_key
from sentinelle.records import Place

MAX_NAME_WORDS = 8  # "Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson" has 7


@lru_cache(maxsize=1)
def department_only_keys() -> frozenset[str]:
    """Department names that are no commune's name ("seine saint denis", "val de marne")."""
    keys = {name_key(name) for name in departments().values()}
    return frozenset(keys - gazetteer().by_key.keys())


def _without_department_names(words: list[str]) -> list[str]:
    """The words with any department name removed, so "Seine-Saint-Denis" is not Saint-Denis."""
    text = " " + " ".join(words) + " "
    for key in department_only_keys():
        text = text.replace(f" {key} ", " | ")
    return text.split()


def _best_span(words: list[str], hints: set[str]) -> Commune | None:
    """The commune named by the longest run of words (the more populous on a tie)."""
    by_key = gazetteer().by_key
    best: tuple[int, float, Commune] | None = None
    for start in range(len(words)):
        for stop in range(min(len(words), start + MAX_NAME_WORDS), start, -1):
            candidates = by_key.get(" ".join(words[start:stop]))
            if candidates:
                commune, _ = pick(candidates, hints)
                score = (stop - start, preference(commune), commune)
                if best is None or score[:2] > best[:2]:
                    best = score
                break
    return best[2] if best else None


def resolve_city(name: str | None) -> Place | None:
    """The commune a city name designates, or None when it names none."""
    if not name:
        return None
    words = _without_department_names(match_form(name).split())
    hints = {hint for word in words if (hint := department_hint(word))}
    commune = _best_span(words, hints)
    found = gazetteer()
    if commune is not None:
        return found.place_of(commune)
    for word in words:
        if word in found.by_postcode:
            return found.place_of(found.by_postcode[word][0])
    return None
