"""Ages and school levels that belong to someone other than the person an ad offers.

A babysitting ad's "mes deux enfants de 7 et 12 ans" or a tutor's "pour élève en 3ème ou en
seconde" states a minor's age or school level, but not the poster's: such a statement must not
carry a minor flag (do no harm), so the matcher drops it. The cue is a word for a child or a
pupil, or of a teacher or a lesson ("prof au collège", "cours pour le lycée"), shortly before the
statement, in the same sentence; or an audience ("stage pour ados de 12 à 16 ans", "cours pour
lycéenne ou lycéen", "atelier pour les 13-15 ans"); or a parent naming children ("maman de 8 ans
et 14 ans", "mon grand a 16 ans", "mes deux petits de 3 et 13 ans"); or the clients an ad accepts
("clients de 30 ans", "messieurs de 40 ans"): never the age of the person offered. In a post
that offers nobody and speaks of a household (a mother, "ma fille", "mes enfants"), an age not
said in the first person is the family's too.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CUE = re.compile(
    r"\b(?:enfants?|b[ée]b[ée]s?|fils|(?:ma|mes|sa|ses|leur|leurs) filles?|[ée]l[èe]ves?"
    r"|neveux?|ni[èe]ces?|fr[èe]res?|s(?:oe|œ)urs?|gar[çc]ons?|jumeaux|jumelles"
    r"|profs?|professeure?s?|enseignante?s?|soutien|cours|tuteur|tutrice|surveillante?"
    r"|gosses?|minots?|bambins?|loulous?|marmots?|bouts?\s+de\s+chou|petits?-enfants?|cousine?s?"
    r"|filleule?s?|cadette?s?|a[îi]n[ée]e?s?|(?:mon|ma|mes|nos|leurs?)\s+ados?"
    r"|child(?:ren)?|kids?|sons?|daughters?|students?|pupils?|teachers?|tutors?"
    r"|brothers?|sisters?|nephews?|nieces?|grandchild(?:ren)?|toddlers?|bab(?:y|ies))\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
# The clients an ad accepts ("clients 30 ans minimum"): adults, so never the owner of an age
# under 18 ("Clients sérieux uniquement, Jade 16 ans" states Jade's).
_CLIENTS = re.compile(
    r"\b(?:clients?|client[èe]le|messieurs|gentlemen|customers?)\b[^.!?\n]{0,30}$", re.IGNORECASE
)
# Who an offer is for: "pour (les) ados", "aux lycéens", "pour les 13-", "pour " right before.
_AUDIENCE = re.compile(
    r"\b(?:pour|aux|destin[ée]e?s?\s+aux?|r[ée]serv[ée]e?s?\s+aux?|for)\s+"
    r"(?:(?:les|des|vos|tes|nos|un|une|votre|ton|ta|the|your)\s+)?"
    r"(?:(?:ados?|adolescent(?:e)?s?|jeunes(?!\s+(?:filles|femmes))|enfants?|lyc[ée]en(?:ne)?s?|coll[ée]gien(?:ne)?s?"
    r"|[ée]l[èe]ves?|juniors?|kids|teens?|teenagers?)\b[^.!?\n]{0,40}"
    r"|\d{1,2}\s*(?:-|–|à|a|/)\s*)?$",
    re.IGNORECASE,
)
# Children called by a family word ("mon grand a 16 ans", "mes deux petits de 3 et 13 ans", "ma
# puce de 12 ans"): read only where no person is offered, as "nos petites nouvelles" offers them.
_FAMILY = re.compile(
    r"\b(?:(?:mon|ma|mes|son|sa|ses|notre|nos|leurs?|deux|trois|quatre|[2-6]|des|les)"
    r"\s+(?:petite?s?|grande?s?|puces?|chou|choupette?s?)|my\s+(?:little|eldest|youngest))\b"
    r"[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
# A parent introduced by the children's ages: "maman de 8 ans et 14 ans", "père de 2 ados de 15".
_PARENT = re.compile(
    r"\b(?:maman|m[èe]re|papa|p[èe]re|parents?|mom|mum|dad|mother|father)\s+(?:de|d'|of)\b"
    r"[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
# A poster who is a parent, anywhere in the post ("Je suis maman. ... Elle a 16 ans", "pour ma
# fille. Elle a 16 ans"): in a post that offers nobody, an age not said in the first person is
# the children's (sentence windows miss "elle" a sentence later). Not "ma mère", "mes parents":
# a minor speaking of her own family.
_HOUSEHOLD = re.compile(
    r"(?<!\bma\s)(?<!\bta\s)(?<!\bsa\s)\b(?:maman|papa)\b"
    r"|\b(?:m[èe]re|p[èe]re|mother|father)\s+(?:de|d'|of)\b"
    r"|\b(?:(?:ma|mes|notre|nos)\s+(?:filles?|enfants?)|(?:mon|mes|notre|nos)\s+(?:fils|enfants?)"
    r"|my\s+(?:daughters?|sons?|kids|children))\b",
    re.IGNORECASE,
)
# The poster's own age said in the first person: "j'ai 16 ans", "je suis 16", "moi 16 ans".
_FIRST_PERSON = re.compile(
    r"(?:\bj['’ ]\s?ai|\bje\s+suis|\bmoi|\bi['’]?m|\bi\s+am)\s*(?:[,:-]\s*)?"
    r"(?:seulement\s+|only\s+)?$",
    re.IGNORECASE,
)
# An age said of a group, not of one person: a plural before it ("les 15-17 ans", "groupe des
# 14 ans", "des jeunes de 16 ans", "mes élèves de 14") or a range ending at it ("15-17 ans",
# "13/16 ans"): a coach's or a teacher's category. Not read in ads that offer people.
_GROUP = re.compile(
    r"(?:\b(?:les|des|aux)\s+(?:\d{1,2}\s*[-/–à]\s*)?"
    r"|\b(?:les|des|aux|nos|vos|mes|ses|leurs)\s+(?:jeunes|ados?|adolescent(?:e)?s|enfants"
    r"|gar[çc]ons|joueu(?:r|se)s|nageu(?:r|se)s|athl[èe]tes|[ée]l[èe]ves|[ée]quipes?)\b"
    r"[^.!?\n]{0,20}|\b\d{1,2}\s*[-/–]\s*)$",
    re.IGNORECASE,
)
_WINDOW = 60  # characters before the statement
# A youth word owned by someone ("mon ado", "ma petite lycéenne", "my teen"): another person.
_POSSESSED = re.compile(
    r"\b(?:mon|ma|mes|son|sa|ses|notre|nos|leurs?|my|his|her|our|their)\s+"
    r"(?:(?:petite?s?|grande?s?|deux|trois|[2-6]|two|three|little|young)\s+)?$",
    re.IGNORECASE,
)


def about_someone_else(
    text: str, start: int, *, offers_people: bool = False, minor: bool = False
) -> bool:
    """True when the statement starting at `start` is about a child, pupil, audience or client.

    In a post that offers or recruits people (`offers_people`: escort, recruitment or control
    language), an audience is not set aside: "argent facile pour ados de 16 ans" recruits minors;
    and an age under 18 (`minor`) is never set aside there: "ma petite sœur de 16 ans", "son
    frère gère, elle a 16 ans" offer a minor whoever else the ad names (the certain rule).
    """
    if start <= 0 or (offers_people and minor):
        return False
    before = text[max(0, start - _WINDOW) : start]
    lowered = _lowered_unless_odd(before)
    if not minor and _cue_in(_CLIENTS, before, lowered):
        return True
    if offers_people:
        return _cue_in(_CUE, before, lowered) or _cue_in(_PARENT, before, lowered)
    if text[start : start + 1].isalpha() and possessed(text, start):
        return True  # "mon ado de 15 ans" (an age said with a number first is "mes 16 ans")
    if (
        _cue_in(_CUE, before, lowered)
        or _cue_in(_AUDIENCE, before, lowered)
        or _cue_in(_PARENT, before, lowered)
        or _cue_in(_FAMILY, before, lowered)
        or _cue_in(_GROUP, before, lowered)
    ):
        return True
    return _FIRST_PERSON.search(before[-20:]) is None and _household(text)


# Words every match of _HOUSEHOLD contains: a text lowered holds one of them, else the pattern
# (tried at every character of the whole post, with its look-behinds) is not searched. Ignoring
# case, İ, ı and ſ match letters of these words without lowering to them: a text holding one is
# searched anyway (`tests/indicators/test_someone_else.py` checks both).
_HOUSEHOLD_WORDS = (
    "maman", "papa", "mere", "mère", "pere", "père", "mother", "father", "fille", "enfant",
    "fils", "daughter", "son", "kids", "children",
)  # fmt: skip
_FOLDED_LIKE_ASCII = ("İ", "ı", "ſ")


@lru_cache(maxsize=1024)
def _household(text: str) -> bool:
    """True when the poster speaks of a household (`_HOUSEHOLD`) anywhere in `text`; cached,
    as a post's every stated age asks it of the same text."""
    lowered = text.lower()
    if not any(word in lowered for word in _HOUSEHOLD_WORDS) and not any(
        odd in text for odd in _FOLDED_LIKE_ASCII
    ):
        return False
    return _HOUSEHOLD.search(text) is not None


# Words every match of a cue holds, its text lowered: a window holding none of a cue's words is
# not searched (the cues open with long alternatives, tried at every character). A cue without
# hint words (_AUDIENCE, _GROUP: too common or any digit) is always searched.
# `tests/indicators/test_someone_else.py` samples each cue and requires its words in every match.
CUE_WORDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _CUE: (
        "enfant", "beb", "béb", "fils", "fille", "leve", "lève", "neveu", "niece", "nièce",
        "frere", "frère", "soeur", "sœur", "garçon", "garcon", "jume", "prof", "enseignant",
        "soutien", "cours", "tut", "surveillant", "gosse", "minot", "bambin", "loulou", "marmot",
        "chou", "cousin", "filleul", "cadet", "aîn", "ain", "ado", "child", "kid", "son",
        "daughter", "student", "pupil", "teacher", "brother", "sister", "nephew", "toddler",
        "bab",
    ),
    _CLIENTS: ("client", "messieurs", "gentlemen", "customer"),
    _PARENT: (
        "maman", "mere", "mère", "papa", "pere", "père", "parent", "mom", "mum", "dad",
        "mother", "father",
    ),
    _FAMILY: ("petit", "grand", "puce", "chou", "little", "eldest", "youngest"),
}  # fmt: skip
_WORDS_BY_CUE = {id(cue): words for cue, words in CUE_WORDS.items()}


def _lowered_unless_odd(window: str) -> str | None:
    """The window in lower case, or None when it holds a character that `(?i)` matches to a
    hint word's letter without lowering to it (İ ı ſ): then every cue is searched."""
    for odd in _FOLDED_LIKE_ASCII:
        if odd in window:
            return None
    return window.lower()


def _cue_in(cue: re.Pattern[str], window: str, lowered: str | None) -> bool:
    """`cue.search(window)`, skipped when the lowered window holds none of the cue's words."""
    words = _WORDS_BY_CUE.get(id(cue))  # by identity: a pattern's own hash reads its code
    if words is not None and lowered is not None:
        for word in words:
            if word in lowered:
                break
        else:
            return False
    return cue.search(window) is not None


def possessed(text: str, start: int) -> bool:
    """True when a possessive stands right before `start`: "mon ado", "ma petite lycéenne"."""
    return start > 0 and _POSSESSED.search(text[max(0, start - 30) : start]) is not None


def statement_start(text: str, evidence: str) -> int:
    """Where `evidence` first stands in `text` (-1 when it does not stand there as written)."""
    return text.find(evidence) if evidence else -1
