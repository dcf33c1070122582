"""Communes named in free text ("dispo à Nice ce week-end", "de passage sur Tours").

One Aho-Corasick automaton over the match form of the text finds every whole-word name of a
commune of at least FREE_TEXT_MIN_POPULATION inhabitants (or a prefecture). Names that are also
words or first names need more evidence (see `ambiguity`): a department hint ("Sens (89)"),
a capital, a cue ("à Sens") or a list after an accepted place ("Nice, Tours et Sens").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from sentinelle.places.ambiguity import Guard, capitalized_words, guard, is_capitalized, is_cue
from sentinelle.places.cityfield import department_only_keys
from sentinelle.places.gazetteer import ALIASES, Commune, gazetteer, keys_of
from sentinelle.places.hints import department_hint, pick
from sentinelle.places.matchform import key_variants, match_form, name_key, strip_article
from sentinelle.records import Place

FREE_TEXT_MIN_POPULATION = 2_000
CONTEXT_CHARS = 40  # enough for the two words before or after a name
LIST_JOINERS = ((), ("et",), ("ou",))  # "Nice, Cannes", "Nice et Cannes", "Nice ou Cannes"


@dataclass(frozen=True, slots=True)
class Hit:
    """A name found in the match form: form[start] and form[end] are the spaces around it."""

    start: int
    end: int
    key: str
    candidates: tuple[Commune, ...]  # empty for a department name, which blocks its words


def _free_text_keys(commune: Commune) -> set[str]:
    """The keys under which free text may name a commune: not a bare "mans" for "Le Mans"."""
    key = name_key(commune.name)
    bare = strip_article(key)
    keys = key_variants(key)
    if " " in bare:  # "sables d olonne" is as clear as "les sables d olonne"
        keys |= key_variants(bare)
    return keys & keys_of(commune)


def _in_free_text(commune: Commune) -> bool:
    return commune.population >= FREE_TEXT_MIN_POPULATION or commune.prefecture


@lru_cache(maxsize=1)
def automaton() -> ahocorasick.Automaton:
    """The automaton of free-text names, built on first use."""
    found = gazetteer()
    keys: set[str] = set(ALIASES)
    for commune in found.communes.values():
        if _in_free_text(commune):
            keys |= _free_text_keys(commune)
    machine = ahocorasick.Automaton()
    for key in keys:
        candidates = tuple(c for c in found.by_key[key] if _in_free_text(c) or key in ALIASES)
        machine.add_word(f" {key} ", (key, candidates))
    for key in department_only_keys():
        machine.add_word(f" {key} ", (key, ()))
    machine.make_automaton()
    return machine


def _hits(form: str) -> list[Hit]:
    """Leftmost-longest names in the match form, without overlaps."""
    found = [
        Hit(end - len(key) - 1, end, key, candidates)
        for end, (key, candidates) in automaton().iter(form)
    ]
    found.sort(key=lambda hit: (hit.start, -hit.end))
    chosen: list[Hit] = []
    for hit in found:
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    return chosen


def _words_before(form: str, start: int) -> list[str]:
    window = form[max(0, start - CONTEXT_CHARS) : start + 1].split()
    return window[1:] if start > CONTEXT_CHARS else window


def _words_after(form: str, end: int) -> list[str]:
    return form[end : end + CONTEXT_CHARS].split()[:2]


def _hints(before: list[str], after: list[str]) -> set[str]:
    """Department codes written just after the name, or a postcode just before it."""
    words = after[:1] + [word for word in before[-1:] if len(word) == 5]
    return {hint for word in words if (hint := department_hint(word))}


def find_places(text: str) -> list[Place]:
    """Every commune named in the text, in order of first mention."""
    form = match_form(text)
    places: list[Place] = []
    last_end: int | None = None
    capitalized: frozenset[str] | None = None  # computed only for an ambiguous name
    for hit in _hits(form):
        if not hit.candidates:
            continue
        before = _words_before(form, hit.start)
        commune, hinted = pick(list(hit.candidates), _hints(before, _words_after(form, hit.end)))
        needed = guard(hit.key, commune)
        if needed is not Guard.NONE and not hinted:
            capitalized = capitalized_words(text) if capitalized is None else capitalized
            written = is_capitalized(hit.key, capitalized)
            cued = is_cue(before) or (last_end is not None and _joined(form, last_end, hit.start))
            if not (written and cued if needed is Guard.CUE else written or cued):
                continue
        last_end = hit.end
        place = gazetteer().place_of(commune)
        if place not in places:
            places.append(place)
    return places


def _joined(form: str, last_end: int, start: int) -> bool:
    """True when only a comma, "et" or "ou" separates a name from the place before it."""
    return tuple(form[last_end : start + 1].split()) in LIST_JOINERS
