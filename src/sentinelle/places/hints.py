"""Department hints written next to a place name: "Sens (89)", "93 - Saint-Denis", "69003 Lyon"."""

from __future__ import annotations

from sentinelle.places.departments import department_keys, department_of_postcode, normalize_code
from sentinelle.places.gazetteer import Commune

MAX_CODE_LENGTH = 3  # "13", "2a", "974"
MAX_DEPARTMENT_WORDS = 4  # "alpes de haute provence"


def department_hint(word: str) -> str | None:
    """The department a word names when it is a department code or a postcode, else None."""
    if len(word) <= MAX_CODE_LENGTH and (word.isdigit() or word in ("2a", "2b")):
        return normalize_code(word)
    return department_of_postcode(word)


def named_department(words: list[str]) -> str | None:
    """The department whose name the words start with ("reunion", "seine saint denis"), if any."""
    keys = department_keys()
    for stop in range(min(len(words), MAX_DEPARTMENT_WORDS), 0, -1):
        code = keys.get(" ".join(words[:stop]))
        if code:
            return code
    return None


def department_hints(words: list[str]) -> set[str]:
    """Every department a list of words names by code, postcode or name."""
    hints = {hint for word in words if (hint := department_hint(word))}
    hints.update(code for start in range(len(words)) if (code := named_department(words[start:])))
    return hints


def pick(candidates: list[Commune], hints: set[str]) -> tuple[Commune, bool]:
    """The best candidate in a hinted department (and True), else the best candidate (and False)."""
    if hints:
        for commune in candidates:
            if commune.department in hints:
                return commune, True
    return candidates[0], False
