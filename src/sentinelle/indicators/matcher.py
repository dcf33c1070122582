"""Match the catalogue on a post: Aho–Corasick over folded text, with word boundaries.

One automaton holds every term of every language, so a post costs one pass over its text
whatever the size of the catalogue.
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

from sentinelle.indicators.benign_service import STATED_MINOR, set_aside_youth
from sentinelle.indicators.catalogue import catalogue
from sentinelle.indicators.indicator import Indicator
from sentinelle.indicators.recruitment_offer import recruitment_indicators
from sentinelle.indicators.someone_else import about_someone_else, possessed, statement_start
from sentinelle.indicators.third_party import third_party_indicators
from sentinelle.indicators.youth_cues import (
    claimed_18_with_pupil_cue,
    minority_in_escort_ads,
    several_youth_cues,
)
from sentinelle.privacy.masking import mask_handle, mask_in_text
from sentinelle.records import Extraction
from sentinelle.text.normalize import deleet, fold

# Apostrophes and hyphens become spaces so "l'argent", "l’argent" and "l-argent" match
# "l argent"; each is one character for one, so spans still point into the post.
_SEPARATORS = ("'", "’", "`", "-", "_", "\u00a0", "\n", "\t", "\r")
_SPACE_RUN = re.compile(r" {2,}")  # other whitespace is a space by then
# Folded text is mostly ASCII, and ASCII classes are many times faster than Unicode ones.
MINOR_AGES = (12, 17)
# says who the ad offers, when said of the poster
_PERSONAL = frozenset({"youth.school_level", "age.not_yet_adult"})
# "duo possible avec une amie", "possibilité de duo avec ma copine": the poster and her friend,
# two women working together, not a third party's several persons (demo tuning seed 102: 467
# independents' posts, the most common control evidence among them after shared contacts).
_HER_FRIEND = re.compile(
    # read with each run of one letter made single: posters stretch words ("avecc ma copinee")
    r" ?(?:posibles? |dispo )?avec (?:ma|mon|une|un) (?:copine|amie|ami|pote|colegue)s?\b"
)
_RUNS = re.compile(r"([a-z])\1+")
_DUO_WORDS = frozenset({"duo", "on est 2", "on est deux"})
# Posts with these indicators offer or recruit people: an audience there is not set aside.
_OFFERS_PEOPLE = ("activity.", "control.", "recruitment.")
# Words of a business or a function in a contact's name ("vip_8224", "planning_64", "la_agence4"):
# an account run for someone, not in her name. Agencies and managers advertise under such names.
_AGENCY_WORDS = frozenset((
    "agence", "agency", "agent", "vip", "team", "boss", "manager", "management", "manag",
    "planning", "booking", "bookings", "resa", "reservation", "reservations", "rdv", "staff",
    "models", "girls", "filles", "club", "prod", "events", "secretariat", "bureau", "elite",
    "prestige", "lux", "luxe",
))  # fmt: skip
_HANDLE_WORD = re.compile(r"[a-z]+")
_MIXED_WORD = re.compile(r"\b[a-z0-9@$]*(?:[a-z][0-9@$]|[0-9@$][a-z])[a-z0-9@$]*")
# What `deleet` undoes in a word of letters and digits: leet signs between two letters. A text
# without it has nothing to undo, and most posts have digits by letters ("18ans", "h24", "20h")
# but none of it: the words are not rewritten (`tests/indicators/test_matcher.py` checks it).
_LEET_BETWEEN = re.compile(r"[a-z][013457@$]+[a-z]")


def _matching_form(folded: str) -> str:
    for separator in _SEPARATORS:  # chained replace: much faster than a translate table
        if separator in folded:
            folded = folded.replace(separator, " ")
    return folded


@cache
def automaton() -> ahocorasick.Automaton:
    """The automaton of every catalogue term, built once per process."""
    table: dict[str, list[str]] = {}
    for spec in catalogue().values():
        for term in spec.terms:
            key = _SPACE_RUN.sub(" ", _matching_form(fold(term))).strip()
            if key and spec.code not in table.setdefault(key, []):
                table[key].append(spec.code)
    machine = ahocorasick.Automaton()
    for key, term_codes in table.items():
        machine.add_word(key, (tuple(term_codes), len(key), key[0].isalnum(), key[-1].isalnum()))
    machine.make_automaton()
    return machine


def _term_hits(haystack: str) -> list[tuple[str, int, int]]:
    hits = []
    size = len(haystack)
    for end, (term_codes, length, left, right) in automaton().iter(haystack):
        start = end - length + 1
        if left and start > 0 and haystack[start - 1].isalnum():
            continue
        if right and end + 1 < size and haystack[end + 1].isalnum():
            continue
        hits.extend((code, start, end + 1) for code in term_codes)
    return hits


def _collapse_spaces(text: str) -> tuple[str, list[int] | None]:
    """Collapse runs of spaces; return the offsets back into the uncollapsed text if needed."""
    if "  " not in text:
        return text, None
    parts, offsets, last = [], [], 0
    for run in _SPACE_RUN.finditer(text):
        start, end = run.span()
        parts.append(text[last : start + 1])
        offsets.extend(range(last, start + 1))
        last = end
    parts.append(text[last:])
    offsets.extend(range(last, len(text)))
    return "".join(parts), offsets


def _haystacks(haystack: str) -> list[tuple[str, list[int] | None]]:
    """The forms the automaton reads, from the matching form: as written, and with leetspeak
    undone when that changes a word."""
    forms = [haystack]
    if _LEET_BETWEEN.search(haystack):
        unleet = _MIXED_WORD.sub(lambda word: deleet(word.group()), haystack)
        if unleet != haystack:
            forms.append(unleet)
    return [_collapse_spaces(form) for form in forms]


def _keep_longest(hits: set[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop a hit inside a longer hit of the same code ("pack" inside "pack logement")."""
    ordered = sorted(hits, key=lambda hit: (hit[0], hit[1], -hit[2]))
    kept: list[tuple[str, int, int]] = []
    for code, start, end in ordered:
        if kept and kept[-1][0] == code and kept[-1][1] <= start and end <= kept[-1][2]:
            continue
        kept.append((code, start, end))
    return sorted(kept, key=lambda hit: (hit[1], hit[0]))


def term_indicators(text: str, folded: str | None = None) -> list[Indicator]:
    """Every catalogue term in the text, with the original words as evidence.

    `folded` is `fold(text)` when the caller already has it (folding is most of the cost).
    """
    folded = fold(text) if folded is None else folded
    return _terms(text, folded, _matching_form(folded))


def _terms(text: str, folded: str, haystack: str) -> list[Indicator]:
    """`term_indicators` given the matching form `haystack` of `folded` too."""
    forms = _haystacks(haystack)
    hits = []
    for haystack, offsets in forms:
        found = _term_hits(haystack)
        if offsets is not None:
            found = [(code, offsets[start], offsets[end - 1] + 1) for code, start, end in found]
        hits.extend(found)
    if not hits:
        return []
    if len(hits) > 1:
        hits = _keep_longest(set(hits))
    source = text if len(folded) == len(text) else folded
    return [Indicator(code, source[start:end], (start, end)) for code, start, end in hits]


def extraction_indicators(
    extraction: Extraction, text: str = "", *, offers_people: bool = False
) -> list[Indicator]:
    """Indicators that come from what extraction found: stated ages and obscured numbers.

    With the post's `text`, an age stated of someone else (a child, a pupil, an audience) is
    left out; `offers_people` says the post offers or recruits people (see `about_someone_else`).
    """
    found = []
    ages = [
        stated
        for stated in extraction.stated_ages
        if not about_someone_else(
            text,
            statement_start(text, stated.evidence),
            offers_people=offers_people,
            minor=stated.age < 18,
        )
    ]
    for stated in ages:
        # Under 12 is a child someone else mentions (babysitting, tutoring), not a poster's age.
        if MINOR_AGES[0] <= stated.age <= MINOR_AGES[1]:
            found.append(Indicator(STATED_MINOR, stated.evidence))
        elif 18 <= stated.age < 20:
            found.append(Indicator("age.stated_18_19", stated.evidence))
    if ages and all(stated.age >= 20 for stated in ages):
        found.append(Indicator("age.stated_adult", ages[0].evidence))
    for handle in extraction.handles:
        words = _HANDLE_WORD.findall(handle.partition(":")[2])
        if any(word in _AGENCY_WORDS for word in words) and not _names_a_person(words):
            found.append(Indicator("control.agency_handle", mask_handle(handle)))
            break
    for hit in extraction.phones:
        if hit.obfuscated:
            evidence = f"{mask_in_text(hit.raw)} ({', '.join(hit.tricks)})"  # how, not which
            found.append(Indicator("contact.obfuscated", evidence))
    return found


def _names_a_person(words: list[str]) -> bool:
    """A handle holding a first name ("jessica_vip4243") is a person's own, however styled:
    on tuning seeds such agency-word handles were independents' or look-alikes' 73 times in
    85, and those without one were groups' or recruiters' in 2,284 of 2,285 posts."""
    from sentinelle.link.personas import FIRST_NAMES

    return any(word in FIRST_NAMES for word in words)


def match_indicators(
    text: str, extraction: Extraction, folded: str | None = None
) -> list[Indicator]:
    """Every indicator that fires on one post: catalogue terms, then extraction rules.

    A school level stated of someone else (a tutor's pupil) is left out, like such an age;
    a pupil's own youth cues in a benign service ad are set aside (`benign_service`).
    """
    folded = fold(text) if folded is None else folded
    source = text if len(folded) == len(text) else folded
    haystack = _matching_form(folded)  # made once for the terms and every shape
    found = _terms(text, folded, haystack)
    shapes = [
        shape
        for shape in third_party_indicators(haystack, source)
        if not any(_overlaps(shape, term) for term in found)
    ]
    shapes += [
        offer
        for offer in recruitment_indicators(haystack, source)
        if not any(_overlaps(offer, term) for term in found)
    ]
    offers_people = any(
        indicator.code.startswith(_OFFERS_PEOPLE) for indicator in (*found, *shapes)
    )
    terms = [
        indicator
        for indicator in found
        if not _of_someone_else(indicator, source, offers_people)
        and not _with_her_friend(indicator, haystack)
    ]
    extracted = extraction_indicators(extraction, text, offers_people=offers_people)
    terms, extracted = set_aside_youth(terms, shapes, extracted, haystack, source, extraction)
    fired = minority_in_escort_ads(terms + shapes + extracted, haystack, extraction)
    several = several_youth_cues(fired, haystack, extraction)
    claimed = claimed_18_with_pupil_cue(fired, haystack, extraction)
    return [*fired, *(rule for rule in (several, claimed) if rule is not None)]


def _of_someone_else(indicator: Indicator, source: str, offers_people: bool) -> bool:
    """A school level said of a pupil, or a youth word someone owns ("mon ado", "ma petite
    lycéenne") where no person is offered: not the poster's."""
    if indicator.span is None:
        return False
    start = indicator.span[0]
    if indicator.code in _PERSONAL and about_someone_else(
        source, start, offers_people=offers_people, minor=True
    ):
        return True
    return indicator.code.startswith("youth.") and not offers_people and possessed(source, start)


def _with_her_friend(indicator: Indicator, haystack: str) -> bool:
    """A duo the poster offers with her own friend ("duo possible avec une amie")."""
    if indicator.code != "control.several_persons" or indicator.span is None:
        return False
    if fold(indicator.evidence) not in _DUO_WORDS:
        return False
    after = _RUNS.sub(r"\1", haystack[indicator.span[1] : indicator.span[1] + 60])
    return _HER_FRIEND.match(after) is not None


def _overlaps(one: Indicator, other: Indicator) -> bool:
    """Same code over overlapping words: one reason, shown once."""
    if one.code != other.code or one.span is None or other.span is None:
        return False
    return one.span[0] < other.span[1] and other.span[0] < one.span[1]
