"""Several kinds of youth cue in one ad of the escort kind: a minor who states no age.

One youth word is weak alone (an adult writes "petite nouvelle" or 🍒 now and then), and a
minor's ad that states no age is left to the model, whose score one cue rarely lifts over the
threshold: on a held-out corpus 13 % of such minors were flagged. Cues of different kinds in
the same ad (youth words, school life, youth emoji, an age hedge) are what field reports
describe, and an adult's ad rarely carries two kinds. The rule fires only in an ad of the
escort kind (`benign_service.escort_kind`), never where an age of 20 or over is stated, and
does not count a student's words ("jeune étudiante" is most often an adult's).
"""

from __future__ import annotations

from sentinelle.indicators.benign_service import escort_kind
from sentinelle.indicators.indicator import Indicator
from sentinelle.records import Extraction

CODE = "youth.several_cues"
KINDS = ("youth.language", "youth.school", "youth.emoji", "age.disguised_minor")
ADULT = "age.stated_adult"
_STUDENT = ("etudiant", "étudiant", "student")
NEEDED = 2


def several_youth_cues(
    found: list[Indicator], haystack: str, extraction: Extraction
) -> Indicator | None:
    """`youth.several_cues` naming one cue of each kind, when an ad of the escort kind shows
    youth cues of two kinds or more and states no adult age; else None."""
    codes = [indicator.code for indicator in found]
    if ADULT in codes:
        return None
    kinds: dict[str, str] = {}
    for indicator in found:
        if indicator.code in KINDS and not any(
            w in indicator.evidence.casefold() for w in _STUDENT
        ):
            kinds.setdefault(indicator.code, indicator.evidence)
    if len(kinds) < NEEDED or not escort_kind(haystack, codes, extraction):
        return None
    return Indicator(CODE, " + ".join(kinds.values()))
