"""Department hints written next to a place name: "Sens (89)", "93 - Saint-Denis", "69003 Lyon"."""

from __future__ import annotations

from sentinelle.places.departments import department_of_postcode, normalize_code
from sentinelle.places.gazetteer import Commune

MAX_CODE_LENGTH = 3  # "13", "2a", "974"


def department_hint(word: str) -> str | None:
    """The department a word names when it is a department code or a postcode, else None."""
    if len(word) <= MAX_CODE_LENGTH and (word.isdigit() or word in ("2a", "2b")):
        return normalize_code(word)
    return department_of_postcode(word)


def pick(candidates: list[Commune], hints: set[str]) -> tuple[Commune, bool]:
    """The best candidate in a hinted department (and True), else the best candidate (and False)."""
    if hints:
        for commune in candidates:
            if commune.department in hints:
                return commune, True
    return candidates[0], False
