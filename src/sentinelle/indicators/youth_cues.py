"""Several kinds of youth cue in one ad of the escort kind: a minor who states no age.

One youth word is weak alone (an adult writes "petite nouvelle" or 🍒 now and then), and a
minor's ad that states no age is left to the model, whose score one cue rarely lifts over the
threshold: on a held-out corpus 13 % of such minors were flagged. Cues of different kinds in
the same ad (youth words, school life, youth emoji, an age hedge) are what field reports
describe, and an adult's ad rarely carries two kinds. The rule fires only in an ad of the
escort kind (`benign_service.escort_kind`), never where an age of 20 or over is stated, and
does not count a student's words ("jeune étudiante" is most often an adult's) nor two cues
written as one phrase ("petite puce 🧸").
"""

from __future__ import annotations

from sentinelle.indicators.benign_service import escort_kind
from sentinelle.indicators.indicator import Indicator
from sentinelle.records import Extraction

CODE = "youth.several_cues"
KINDS = ("youth.language", "youth.school", "youth.emoji", "age.disguised_minor")
ADULT = "age.stated_adult"
_STUDENT = ("etudiant", "étudiant", "student")
GAP = 3  # characters between two cues for them to be two, not one phrase


def several_youth_cues(
    found: list[Indicator], haystack: str, extraction: Extraction
) -> Indicator | None:
    """`youth.several_cues` naming one cue of each kind, when an ad of the escort kind shows
    youth cues of two kinds or more and states no adult age; else None."""
    codes = [indicator.code for indicator in found]
    if ADULT in codes:
        return None
    cues = [
        indicator
        for indicator in found
        if indicator.code in KINDS
        and indicator.span is not None
        and not any(word in indicator.evidence.casefold() for word in _STUDENT)
    ]
    pair = _apart(cues)
    if pair is None or not escort_kind(haystack, codes, extraction):
        return None
    return Indicator(CODE, " + ".join(cue.evidence for cue in pair))


def _apart(cues: list[Indicator]) -> tuple[Indicator, Indicator] | None:
    """Two cues of different kinds in different places of the ad: "petite puce 🧸" is one
    phrase (adults in one synthetic corpus's groups wrote it; demo tuning seeds 101 and 102:
    5 adults among 72 posts when phrases counted, 1 among 20 when not)."""
    for one in cues:
        for other in cues:
            if one.code == other.code or one.span is None or other.span is None:
                continue
            first, second = (one, other) if one.span < other.span else (other, one)
            if second.span[0] - first.span[1] > GAP:  # type: ignore[index]
                return first, second
    return None
