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

from sentinelle.places.ambiguity import (
    Capital,
    Guard,
    capitals,
    guard,
    is_cue,
    is_strong_cue,
    satisfied,
    written,
)
from sentinelle.places.cityfield import department_only_keys
from sentinelle.places.gazetteer import ALIASES, Commune, gazetteer, keys_of
from sentinelle.places.hints import department_hint, named_department, pick
from sentinelle.places.matchform import BREAK, key_variants, match_form, name_key, strip_article
from sentinelle.records import Place

FREE_TEXT_MIN_POPULATION = 2_000
CONTEXT_CHARS = 40  # enough for the words before a name, or a department name after it
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
    keys: dict[Commune, set[str]] = {
        commune: _free_text_keys(commune)
        for commune in found.communes.values()
        if _in_free_text(commune)
    }
    machine = ahocorasick.Automaton()
    for key in set(ALIASES).union(*keys.values()):
        # found.by_key is ranked; keep the communes free text may name by this key.
        candidates = tuple(
            c for c in found.by_key[key] if key in keys.get(c, ()) or ALIASES.get(key) == c.code
        )
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
    return form[end : end + CONTEXT_CHARS].split()[:4]


def _hints(before: list[str], after: list[str]) -> set[str]:
    """The department written just after the name (code or name), or a postcode just before."""
    words = after[:1] + [word for word in before[-1:] if len(word) == 5]
    hints = {hint for word in words if (hint := department_hint(word))}
    named = named_department(after)
    return hints | {named} if named else hints


def find_places(text: str) -> list[Place]:
    """Every commune named in the text, in order of first mention."""
    form = match_form(text)
    places: list[Place] = []
    last_end: int | None = None
    capitalized: dict[str, Capital] | None = None  # computed only for an ambiguous name
    for hit in _hits(form):
        if not hit.candidates:
            continue
        before, after = _words_before(form, hit.start), _words_after(form, hit.end)
        commune, hinted = pick(list(hit.candidates), _hints(before, after))
        needed = guard(hit.key, commune)
        if needed is not Guard.NONE and not hinted:
            capitalized = capitals(text) if capitalized is None else capitalized
            cued = is_cue(before) or (last_end is not None and _joined(form, last_end, hit.start))
            opens = not before or before[-1] == BREAK
            how = written(hit.key, capitalized)
            strong = is_strong_cue(before, after)
            if not satisfied(needed, how, opens, cued, strong):
                continue
        last_end = hit.end
        place = gazetteer().place_of(commune)
        if place not in places:
            places.append(place)
    return places


def _joined(form: str, last_end: int, start: int) -> bool:
    """True when only a comma, "et" or "ou" separates a name from the place before it."""
    return tuple(form[last_end : start + 1].split()) in LIST_JOINERS
