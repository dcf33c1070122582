"""Match the catalogue on a post: Aho–Corasick over folded text, with word boundaries.

One automaton holds every term of every language, so a post costs one pass over its text
whatever the size of the catalogue.
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

from sentinelle.indicators.catalogue import catalogue
from sentinelle.indicators.indicator import Indicator
from sentinelle.records import Extraction
from sentinelle.text.normalize import deleet, fold

# Apostrophes and hyphens become spaces so "l'argent", "l’argent" and "l-argent" match
# "l argent"; the translation keeps every offset so spans still point into the post.
_SEPARATORS = str.maketrans({"'": " ", "’": " ", "`": " ", "-": " ", "_": " ", "\u00a0": " "})
_SPACE_RUN = re.compile(r"\s{2,}")
_MIXED_WORD = re.compile(r"\b(?=\w*\d)(?=\w*[^\W\d])\w+\b")


def _matching_form(text: str) -> str:
    return fold(text).translate(_SEPARATORS)


@cache
def automaton() -> ahocorasick.Automaton:
    """The automaton of every catalogue term, built once per process."""
    table: dict[str, list[str]] = {}
    for spec in catalogue().values():
        for term in spec.terms:
            key = _SPACE_RUN.sub(" ", _matching_form(term)).strip()
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
    if not _SPACE_RUN.search(text):
        return text, None
    kept = [
        i for i, char in enumerate(text) if not (char.isspace() and i and text[i - 1].isspace())
    ]
    return "".join(" " if text[i].isspace() else text[i] for i in kept), kept


def _haystacks(text: str) -> list[tuple[str, list[int] | None]]:
    folded = _matching_form(text)
    forms = [folded]
    if any(char.isdigit() for char in folded):
        unleet = _MIXED_WORD.sub(lambda word: deleet(word.group()), folded)
        if unleet != folded:
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


def term_indicators(text: str) -> list[Indicator]:
    """Every catalogue term in the text, with the original words as evidence."""
    hits: set[tuple[str, int, int]] = set()
    for haystack, offsets in _haystacks(text):
        for code, start, end in _term_hits(haystack):
            if offsets is not None:
                start, end = offsets[start], offsets[end - 1] + 1
            hits.add((code, start, end))
    same_length = len(fold(text)) == len(text)
    source = text if same_length else _matching_form(text)
    return [
        Indicator(code, source[start:end], (start, end)) for code, start, end in _keep_longest(hits)
    ]


def extraction_indicators(extraction: Extraction) -> list[Indicator]:
    """Indicators that come from what extraction found: stated ages and obscured numbers."""
    found = []
    ages = extraction.stated_ages
    for stated in ages:
        if stated.age < 18:
            found.append(Indicator("age.stated_minor", stated.evidence))
        elif stated.age < 20:
            found.append(Indicator("age.stated_18_19", stated.evidence))
    if ages and all(stated.age >= 20 for stated in ages):
        found.append(Indicator("age.stated_adult", ages[0].evidence))
    for hit in extraction.phones:
        if hit.obfuscated:
            found.append(Indicator("contact.obfuscated", f"{hit.raw} ({', '.join(hit.tricks)})"))
    return found


def match_indicators(text: str, extraction: Extraction) -> list[Indicator]:
    """Every indicator that fires on one post: catalogue terms, then extraction rules."""
    return term_indicators(text) + extraction_indicators(extraction)
