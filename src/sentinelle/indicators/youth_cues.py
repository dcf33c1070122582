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

import re

from sentinelle.indicators.benign_service import escort_kind
from sentinelle.indicators.indicator import Indicator
from sentinelle.records import Extraction
from sentinelle.text.normalize import fold

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


NOT_YET_ADULT = "age.not_yet_adult"
DISGUISED = "age.disguised_minor"


def minority_in_escort_ads(
    found: list[Indicator], haystack: str, extraction: Extraction
) -> list[Indicator]:
    """`found` with `age.not_yet_adult` ("bientôt majeure", "pas encore 18 ans") deciding only
    where it may: said of years of work it goes ("bientôt 18 ans que je fais ce métier");
    outside an ad of the escort kind (a teenager's own post, a pupil's job ad) or beside an
    adult age of 20 or over it becomes `age.disguised_minor`, evidence the model weighs."""
    if not any(indicator.code == NOT_YET_ADULT for indicator in found):
        return found
    found = [i for i in found if i.code != NOT_YET_ADULT or not _years_of_work(i, haystack)]
    codes = [indicator.code for indicator in found]
    if NOT_YET_ADULT not in codes or (
        ADULT not in codes and escort_kind(haystack, codes, extraction)
    ):
        return found
    return [
        Indicator(DISGUISED, i.evidence, i.span) if i.code == NOT_YET_ADULT else i for i in found
    ]


# "bientôt 18 ans que je fais ce métier", "almost 18 years in the industry", "depuis mes 18 ans":
# years of work, not an age
_YEARS_OF_WORK = re.compile(
    r" ?(?:que|de metier|d experience|d exp|dans le metier|ans? que|years? (?:in|of|doing))\b"
)


def _years_of_work(indicator: Indicator, haystack: str) -> bool:
    if indicator.span is None:
        return False
    start, end = indicator.span
    return bool(_YEARS_OF_WORK.match(haystack, end)) or haystack[
        max(0, start - 7) : start
    ].endswith("depuis ")


CLAIMED_18 = "youth.claimed_18"
STATED_18_19 = "age.stated_18_19"
# Cues a woman of 18 or 19 does not write of herself: secondary school, a pupil's day, parents
# kept in the dark. Not a student's classes ("car cours", "pas dispo le matin", "(cours)"): a
# student of 19 writes them (demo tuning seed 101: 6 adults among 23 posts).
_PUPIL_WORDS = (
    "lycee", "brevet", "bac blanc", "scolaire", "recre", "bahut", "prof principal",
    "bulletin", "conseil de classe", "ecoliere", "cartable", "du college", "le college",
    "au college", "high school", "highschool", "pas le droit de sortir", "parents sont pas",
    "parents ne sont pas", "parents savent", "parents ne savent", "cachette",
    "adolescente", "gamine", "lolita",
)  # fmt: skip
# A student's or a former pupil's words: a woman of 19 who names her lycée as a student or a
# place ("étudiante en BTS au lycée", "bac obtenu", "près du lycée") is not claiming 18
_NOT_A_PUPIL = re.compile(
    r"\b(?:etudiante?s?|bts|bac obtenu|ancienne|pres du lycee|fac|universite)\b"
)


def claimed_18_with_pupil_cue(
    found: list[Indicator], haystack: str, extraction: Extraction
) -> Indicator | None:
    """`youth.claimed_18` when an ad of the escort kind states 18 or 19 (and no age of 20 or
    over) beside a pupil's words (`_PUPIL_WORDS`): the claimed age is the disguise field
    reports describe, the school or the parents say who she is."""
    codes = [indicator.code for indicator in found]
    if STATED_18_19 not in codes or any(stated.age >= 20 for stated in extraction.stated_ages):
        return None  # an age of 20 or over beside it: two people, or a claim left to a person
    cue = next(
        (
            indicator
            for indicator in found
            if indicator.code in ("youth.school", "youth.language")
            and any(word in fold(indicator.evidence) for word in _PUPIL_WORDS)
        ),
        None,
    )
    if cue is None or _NOT_A_PUPIL.search(haystack) or not escort_kind(haystack, codes, extraction):
        return None
    age = next(indicator for indicator in found if indicator.code == STATED_18_19)
    return Indicator(CLAIMED_18, f"{age.evidence} + {cue.evidence}")
