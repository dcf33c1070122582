"""Phone numbers however they are written: plain, spaced, in words, keycaps, with filler.

The text becomes a stream of digit atoms (`phone_atoms`); atoms joined by short gaps form
chains; every run of whole atoms that reads as a valid number of a covered region is a
candidate, and the cleanest non-overlapping candidates win. How the number was written is
recorded as tricks, since an obscured number is itself an indicator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sentinelle.extract.dialing import read_international, read_national
from sentinelle.extract.phone_atoms import Atom, Gap, gap, scan
from sentinelle.records import PhoneHit

TRICKS = (
    "letter_digits",
    "spaced_digits",
    "keycap_emoji",
    "unicode_digits",
    "number_words",
    "inserted_filler",
    "line_break",
    "odd_separators",
)
_KIND_TRICK = {
    "letter": "letter_digits",
    "weak": "letter_digits",
    "keycap": "keycap_emoji",
    "unicode": "unicode_digits",
    "word": "number_words",
}
_SPACED_MIN_SINGLES = 4
_MAX_READING = 15  # digits after "+" or "00"

# Cheap test that a text may hold a phone at all: a digit, a keycap or a number word stem.
_PREFILTER = re.compile(
    r"\d|[⁰¹²³⁴-⁹₀-₉⓪①-⑨❶-❾➀-➈➊-➒]|(?i:z[eé]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf"
    r"|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante)"
)


@dataclass(slots=True)
class _Chain:
    atoms: list[Atom]
    gaps: list[Gap]  # gaps[i] lies between atoms[i] and atoms[i + 1]


@dataclass(slots=True)
class _Reading:
    first: int  # atom indexes in the chain, inclusive
    last: int
    e164: str
    kind: str
    digits: int

    def rank(self, chain: _Chain) -> tuple[int, int, int, int, int]:
        inner = chain.gaps[self.first : self.last]
        fillers = sum(g.filler for g in inner)
        breaks = sum(g.line_break for g in inner)
        return (fillers, breaks, self.kind != "mobile", -self.digits, self.first)


def find_phones(text: str) -> list[PhoneHit]:
    """Every phone number in the text, in order of appearance (duplicates kept)."""
    if not _PREFILTER.search(text):
        return []
    hits = []
    for chain in _chains(text, scan(text)):
        for reading in _choose(chain, _readings(chain)):
            hits.append(_hit(text, chain, reading))
    return hits


def _chains(text: str, atoms: list[Atom]) -> list[_Chain]:
    chains: list[_Chain] = []
    current = _Chain([], [])
    for atom in atoms:
        if atom.kind == "barrier":
            chains.append(current)
            current = _Chain([], [])
            continue
        if current.atoms:
            between = gap(text[current.atoms[-1].end : atom.start])
            if between is None or atom.plus:
                chains.append(current)
                current = _Chain([], [])
            else:
                current.gaps.append(between)
        current.atoms.append(atom)
    chains.append(current)
    return [chain for chain in chains if sum(len(a.digits) for a in chain.atoms) >= 9]


def _readings(chain: _Chain) -> list[_Reading]:
    offsets = [0]
    for atom in chain.atoms:
        offsets.append(offsets[-1] + len(atom.digits))
    digits = "".join(atom.digits for atom in chain.atoms)
    ends = {offset: index for index, offset in enumerate(offsets)}
    readings = []
    for first, atom in enumerate(chain.atoms):
        start = offsets[first]
        international = atom.plus or digits.startswith("00", start)
        if international:
            skip = 0 if atom.plus else 2
            reading = _longest_international(digits, start, skip, first, offsets)
        elif digits.startswith("0", start) and start + 10 in ends:
            reading = _national(digits[start : start + 10], first, ends[start + 10] - 1)
        elif first == 0 and digits.startswith("33", start) and start + 11 in ends:
            # "33612345678" without "+": accepted only for French mobiles
            reading = _bare_french(digits[start : start + 11], first, ends[start + 11] - 1)
        else:
            reading = None
        if reading:
            readings.append(reading)
    return readings


def _national(digits: str, first: int, last: int) -> _Reading | None:
    found = read_national(digits)
    return _Reading(first, last, found[0], found[1], len(digits)) if found else None


def _bare_french(digits: str, first: int, last: int) -> _Reading | None:
    found = read_international(digits)
    if found and found[0].startswith("+33") and found[1] == "mobile":
        return _Reading(first, last, found[0], found[1], len(digits))
    return None


def _longest_international(
    digits: str, start: int, skip: int, first: int, offsets: list[int]
) -> _Reading | None:
    begin = start + skip
    for last in range(len(offsets) - 2, first - 1, -1):
        end = offsets[last + 1]
        if end - begin > _MAX_READING or end - begin < 8:
            continue
        found = read_international(digits[begin:end])
        if found:
            return _Reading(first, last, found[0], found[1], end - start)
    return None


def _choose(chain: _Chain, readings: list[_Reading]) -> list[_Reading]:
    """The cleanest readings that do not share an atom, in text order."""
    taken: list[_Reading] = []
    for reading in sorted(readings, key=lambda r: r.rank(chain)):
        if all(reading.last < other.first or reading.first > other.last for other in taken):
            taken.append(reading)
    return sorted(taken, key=lambda r: r.first)


def _hit(text: str, chain: _Chain, reading: _Reading) -> PhoneHit:
    atoms = chain.atoms[reading.first : reading.last + 1]
    gaps = chain.gaps[reading.first : reading.last]
    start = atoms[0].start
    if atoms[0].plus:
        start = text.rindex("+", 0, start)
    raw = text[start : atoms[-1].end]
    international = atoms[0].plus or atoms[0].digits.startswith("00")
    return PhoneHit(reading.e164, raw, _tricks(atoms, gaps, international))


def _tricks(atoms: list[Atom], gaps: list[Gap], international: bool) -> tuple[str, ...]:
    found = {_KIND_TRICK[atom.kind] for atom in atoms if atom.kind in _KIND_TRICK}
    singles = sum(
        len(atom.digits) == 1 and atom.kind != "word" and _apart(gaps, index)
        for index, atom in enumerate(atoms)
    )
    if singles >= _SPACED_MIN_SINGLES:
        found.add("spaced_digits")
    if any(g.filler for g in gaps):
        found.add("inserted_filler")
    if any(g.line_break for g in gaps):
        found.add("line_break")
    # the gap after a country code ("+33 6.12...") may differ from the rest without being odd
    plain = gaps[1:] if international else gaps
    separators = {g.separator for g in plain if g.separator and not g.filler}
    if any(g.odd for g in gaps) or len(separators) > 1:
        found.add("odd_separators")
    return tuple(trick for trick in TRICKS if trick in found)


def _apart(gaps: list[Gap], index: int) -> bool:
    """True when the atom is written apart from a neighbour (keycaps often touch)."""
    before = gaps[index - 1] if index > 0 else None
    after = gaps[index] if index < len(gaps) else None
    return any(g is not None and (g.separator or g.filler) for g in (before, after))


def merge_hits(hits: list[PhoneHit]) -> list[PhoneHit]:
    """One hit per number, in order of first appearance, with the tricks of every writing."""
    merged: dict[str, PhoneHit] = {}
    for hit in hits:
        seen = merged.get(hit.e164)
        if seen is None:
            merged[hit.e164] = hit
        elif not set(hit.tricks) <= set(seen.tricks):
            union = set(seen.tricks) | set(hit.tricks)
            tricks = tuple(trick for trick in TRICKS if trick in union)
            merged[hit.e164] = PhoneHit(seen.e164, seen.raw, tricks)
    return list(merged.values())
