"""Phone numbers however they are written: plain, spaced, in words, keycaps, with filler.

The text becomes a stream of digit atoms (`phone_atoms`); atoms joined by short gaps form
chains; every run of whole atoms that reads as a number is a candidate, and the cleanest
non-overlapping candidates win. How the number was written is recorded as tricks, since an
obscured number is itself an indicator.

A candidate is a French number in or out of today's plan ("0" + 9 digits), any country's valid
number after "+" or "00", or a valid national number of a country the text names next to it
(`phone_cues`). French numbers outside the plan and French special numbers (08) need a contact
context: written tight, or next to a contact word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sentinelle.extract.dialing import (
    UNALLOCATED,
    in_plan,
    read_french,
    read_in_region,
    read_international,
)
from sentinelle.extract.numberwords import NUMBER_WORD
from sentinelle.extract.phone_atoms import (
    DIGIT_RUN,
    Atom,
    Gap,
    gap,
    phone_like,
    scan,
)
from sentinelle.extract.phone_barriers import mark_barriers, reference_before
from sentinelle.extract.phone_cues import (
    CountryCue,
    contact_near,
    contact_own,
    country_cues,
    named_regions,
    regions_at,
)
from sentinelle.records import PHONE_TRICKS as TRICKS
from sentinelle.records import PhoneHit

_KIND_TRICK = {
    "letter": "letter_digits",
    "weak": "letter_digits",
    "keycap": "keycap_emoji",
    "unicode": "unicode_digits",
    "word": "number_words",
}
_SPACED_MIN_SINGLES = 4
_MAX_READING = 15  # digits after "+" or "00"
_MIN_CHAIN = 9  # digits of the shortest number read without a country named
_MIN_CHAIN_CUED = 8  # and with one (national numbers of some countries are shorter)
_MIN_CUED = 8
_UNALLOCATED_COST = 300  # a number outside the plan is less likely than a line break in one
_SPECIAL = "+338"  # French special numbers (free, shared cost, premium): taken with a cue only

# The common case, a plainly written French number with one separator throughout
# ("06 12 34 56 78", "+33 6.12.34.56.78", "0612345678"): read without the atom machinery.
_PLAIN = re.compile(
    r"(?:(?:\+|00)33 ?(?:\(0\) ?)?|0)[1-9]([ .\-]?)\d\d(?:\1\d\d){3}"
    r"|(?:\+|00)(?:32|34|39|41|49|352)\d{8,12}"
)
_LIST_MARKS = ("/", "|", ";", "-", "–", "•")
_TOUCHING = re.compile(r"[ .\-/_*]?\d")
# a reading whose filler holds number words may be the digits of a longer written number
_WORD = re.compile(NUMBER_WORD)


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

    def cost(self, chain: _Chain) -> int:
        """How unlikely this reading is: a date inside, filler, line breaks, mixed separators,
        a fixed line."""
        inner = chain.gaps[self.first : self.last]
        fillers = sum(g.filler and not g.sign for g in inner)
        breaks = sum(g.line_break for g in inner)
        opening = chain.atoms[self.first]
        after_code = inner[1:] if opening.plus or opening.digits.startswith("00") else inner
        separators = {g.separator for g in after_code if g.separator}
        mixed = max(0, len(separators) - 1)
        atoms = chain.atoms[self.first + 1 : self.last + 1]
        dated = any(
            atom.soft_start is not None and atom.soft_start > opening.start for atom in atoms
        )
        unallocated = self.kind == UNALLOCATED
        return (
            dated * 2000
            + fillers * 1000
            + unallocated * _UNALLOCATED_COST
            + breaks * 100
            + mixed * 10
            + (self.kind != "mobile")
        )


def find_phones(text: str) -> list[PhoneHit]:
    """Every phone number in the text, in order of appearance (duplicates kept)."""
    lowered = text.lower()
    has_zero = "zero" in lowered or "zéro" in lowered
    runs = [match.span() for match in DIGIT_RUN.finditer(text)]
    if not runs and not has_zero:
        return []
    cues = country_cues(text)
    if not has_zero and not cues:
        plain = _plain_only(text, runs)
        if plain is not None:
            return plain
    hits, complete = _read(text, cues, words=False, runs=runs)
    if complete and not has_zero and not any(_WORD.search(hit.raw) for hit in hits):
        return hits
    # a "0"-led or "+"-led atom left unread, or "zéro" in the text: digits may be words
    hits, complete = _read(text, cues, words=True)
    if complete:
        return hits
    # "soixante quinze" may be 75 or 60 then 15: try spaces as separators between numbers
    strict, _ = _read(text, cues, words=True, strict=True)
    return strict if len(strict) > len(hits) else hits


def _plain_only(text: str, runs: list[tuple[int, int]]) -> list[PhoneHit] | None:
    """The hits when every phone-like number is plainly written, else None."""
    hits = []
    spans = []
    for match in _PLAIN.finditer(text):
        start, end = match.span()
        before = text[max(0, start - 2) : start]
        if _TOUCHING.match(text, end) or (before and before[-1:].isdigit()):
            return None
        if (before[-1:] in ".-/_*" and before[:1].isdigit()) or reference_before(text, start):
            return None
        written = match.group()
        digits = "".join(char for char in written if char.isdigit())
        if written.startswith("00"):
            found = read_international(digits[2:])
        elif written.startswith("+"):
            found = read_international(digits)
        else:
            found = read_french(digits)
        if not found:
            return None
        if found[0].startswith(_SPECIAL) and not contact_near(text, start, end):
            return None
        hits.append(PhoneHit(found[0], written, (), in_plan(found[1])))
        spans.append((start, end))
    rest = [run for run in runs if not any(s <= run[0] < e for s, e in spans)]
    if phone_like(text, rest):
        return None
    return hits


def _read(
    text: str,
    cues: list[CountryCue],
    words: bool,
    strict: bool = False,
    runs: list[tuple[int, int]] | None = None,
) -> tuple[list[PhoneHit], bool]:
    """The hits, and whether every atom that could start a number was read."""
    # a named country may write its numbers without a leading 0 ("612 345 678" in Spain)
    atoms = scan(text, words, strict, runs, every_run=bool(cues))
    hits: list[PhoneHit] = []
    for chain in _chains(text, atoms, _MIN_CHAIN_CUED if cues else _MIN_CHAIN):
        for reading in _choose(chain, _readings(text, chain, cues)):
            hits.append(_hit(text, chain, reading))
    return hits, _all_starts_read(text, atoms, hits)


def _all_starts_read(text: str, atoms: list[Atom], hits: list[PhoneHit]) -> bool:
    spans = [(text.find(hit.raw), len(hit.raw)) for hit in hits]
    for index, atom in enumerate(atoms):
        if not (atom.plus or atom.digits.startswith("0")) or len(atom.digits) >= 10:
            continue
        if any(start <= atom.start < start + length for start, length in spans):
            continue
        mark_barriers(text, atoms, index, index)
        if not atom.barrier:
            return False
    return True


def _chains(text: str, atoms: list[Atom], min_digits: int) -> list[_Chain]:
    chains: list[_Chain] = []
    current = _Chain([], [])
    for atom in atoms:
        if current.atoms:
            between = gap(text[current.atoms[-1].end : atom.start])
            if between is None or atom.plus:
                chains.append(current)
                current = _Chain([], [])
            else:
                current.gaps.append(between)
        current.atoms.append(atom)
    chains.append(current)
    return [chain for chain in chains if sum(len(a.digits) for a in chain.atoms) >= min_digits]


def _readings(text: str, chain: _Chain, cues: list[CountryCue]) -> list[_Reading]:
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
            candidates = _international(digits, start, skip, first, offsets)
            reading = next((r for r in candidates if _fits(text, chain, r)), None)
        else:
            reading = _national_reading(text, chain, digits, first, (offsets, ends), cues)
        if reading and _fits(text, chain, reading):
            readings.append(reading)
    return readings


def _national_reading(
    text: str,
    chain: _Chain,
    digits: str,
    first: int,
    bounds: tuple[list[int], dict[int, int]],
    cues: list[CountryCue],
) -> _Reading | None:
    """A number written without "+" from atom `first`: in a country named right next to it,
    else French, else in a country named elsewhere in the post if France has no such line
    (or only one outside the plan, written in a foreign grouping: "0721 234 567").
    `bounds`: where each atom starts in `digits`, and the atom ending at each offset."""
    offsets, ends = bounds
    start = offsets[first]
    opening = chain.atoms[first].start
    if cues:
        cued = _in_regions(
            text,
            chain,
            digits,
            first,
            offsets,
            lambda last: regions_at(text, cues, opening, chain.atoms[last].end),
        )
        reading = next((r for r in cued if _fits(text, chain, r)), None)
        if reading:
            return reading
    reading = None
    if digits.startswith("0", start) and start + 10 in ends:
        reading = _national(digits[start : start + 10], first, ends[start + 10] - 1)
    elif first == 0 and digits.startswith("33", start) and start + 11 in ends:
        # "33612345678" without "+": accepted only for French mobiles
        reading = _bare_french(digits[start : start + 11], first, ends[start + 11] - 1)
    if cues and (reading is None or _foreign_looking(chain, reading)):
        named = named_regions(cues)
        cued = _in_regions(text, chain, digits, first, offsets, lambda last: named)
        far = next((r for r in cued if _far_fits(text, chain, r)), None)
        reading = far or reading
    return reading


def _far_fits(text: str, chain: _Chain, reading: _Reading) -> bool:
    """A country named away from the number is taken only for a number written as one (no
    filler, no line break) that a contact word of its own introduces: "Je suis roumaine ...
    appelle 0721 234 567", not "chambre 522, étage 1, digicode 4151"."""
    if any(g.filler or g.line_break for g in chain.gaps[reading.first : reading.last]):
        return False
    start, end = chain.atoms[reading.first].start, chain.atoms[reading.last].end
    return _fits(text, chain, reading) and contact_own(text, start, end)


def _foreign_looking(chain: _Chain, reading: _Reading) -> bool:
    """A French reading grouped as France never writes it ("0721 234 567", in the plan or not):
    pairs, single digits ("07 09 45 01 77") or one run ("0709450177") look French. Only then
    may a country the poster names elsewhere ("je suis roumaine") read the number. A number in
    the plan must be grouped wholly in threes and fours ("Zero741070977" is a French mobile)."""
    if reading.first == reading.last:
        return False
    sizes = [len(atom.digits) for atom in chain.atoms[reading.first : reading.last + 1]]
    if reading.kind != UNALLOCATED:
        return all(size in (3, 4) for size in sizes)
    return any(size > 2 for size in sizes)


def _in_regions(
    text: str,
    chain: _Chain,
    digits: str,
    first: int,
    offsets: list[int],
    regions_for: Callable[[int], tuple[str, ...]],
) -> Iterator[_Reading]:
    """Valid readings in the regions named for each reading's span (`regions_for(last)`),
    longest first, fixed lines excepted.

    Posters give mobiles (or personal, VoIP numbers), and fixed-line plans are broad enough to
    read years, amounts and account numbers as numbers.
    """
    start = offsets[first]
    for last in range(len(offsets) - 2, first - 1, -1):
        end = offsets[last + 1]
        if not _MIN_CUED <= end - start <= 13:
            continue
        regions = regions_for(last)
        if not regions or not _standalone(text, chain, first, last):
            continue
        for region in regions:
            found = read_in_region(digits[start:end], region)
            if found and found[1] != "fixed":
                yield _Reading(first, last, found[0], found[1], end - start)


def _standalone(text: str, chain: _Chain, first: int, last: int) -> bool:
    """Atoms first..last are a number of their own: no digits written right before or after
    (a national number without a trunk "0" may otherwise be the tail of any long number)."""
    if first > 0 and not _apart_from(text, chain, first - 1, first - 1):
        return False
    return last == len(chain.atoms) - 1 or _apart_from(text, chain, last, last + 1)


def _apart_from(text: str, chain: _Chain, gap: int, neighbour: int) -> bool:
    """The gap ends a number: words, a line break, a comma, or a price, date or age beyond."""
    between = chain.gaps[gap]
    if between.filler or between.line_break or between.separator in (",", ", "):
        return True
    written = text[chain.atoms[gap].end : chain.atoms[gap + 1].start]
    if written.strip(" ()") in _LIST_MARKS and written[:1].isspace() and " " in written[1:]:
        return True  # "06 12 34 56 78 / 0470 12 34 56": two numbers in a list
    mark_barriers(text, chain.atoms, neighbour, neighbour)
    return bool(chain.atoms[neighbour].barrier)


def _fits(text: str, chain: _Chain, reading: _Reading) -> bool:
    """Clear of prices and dates, and, for a number outside the plan or a special number, in a
    contact context: next to a contact word, or (outside the plan) written in digits, tight.

    Number words and letters are left to a contact word: read loosely they can make a number
    of any run of words, and the plan no longer checks the reading.
    """
    if not _clear(text, chain, reading):
        return False
    special = reading.e164.startswith(_SPECIAL)
    if reading.kind != UNALLOCATED and not special:
        return True
    if not special and _tight_digits(chain, reading):
        return True
    start, end = chain.atoms[reading.first].start, chain.atoms[reading.last].end
    return contact_near(text, start, end)


def _clear(text: str, chain: _Chain, reading: _Reading) -> bool:
    """No atom of the reading belongs to a price, date, time, age or reference."""
    mark_barriers(text, chain.atoms, reading.first, reading.last)
    atoms = chain.atoms[reading.first : reading.last + 1]
    if any(atom.barrier for atom in atoms):
        return False
    # a yearless date may open a number ("06.01 00 00 00") or sit in one ("07 31.12.01 99"),
    # never start before it
    opening = atoms[0].start
    starts = {atom.soft_start for atom in atoms if atom.soft_start is not None}
    if any(start < opening for start in starts):
        return False
    # a date and other digits with words between ("01/01 tel 100 000", "010 00000 tel 01/01")
    # are not one number written with filler: a date is in a number only written tight, or
    # opening a mobile ("06/12 ⚠️ 21 80/78": a mobile's first pairs look like a date)
    opens_mobile = reading.kind == "mobile" and starts == {opening}
    if (
        starts
        and not opens_mobile
        and any(g.filler for g in chain.gaps[reading.first : reading.last])
    ):
        return False
    # two dates ("du 05/11 au 23/11", "01/01 01/02") read as a number only by accident
    return len(starts) < 2


def _tight_digits(chain: _Chain, reading: _Reading) -> bool:
    """Written in digits (ASCII or Unicode), without filler or line break."""
    atoms = chain.atoms[reading.first : reading.last + 1]
    if any(atom.kind not in ("plain", "unicode") for atom in atoms):
        return False
    return not any(g.filler or g.line_break for g in chain.gaps[reading.first : reading.last])


def _national(digits: str, first: int, last: int) -> _Reading | None:
    found = read_french(digits)
    return _Reading(first, last, found[0], found[1], len(digits)) if found else None


def _bare_french(digits: str, first: int, last: int) -> _Reading | None:
    found = read_international(digits)
    if found and found[0].startswith("+33") and found[1] == "mobile":
        return _Reading(first, last, found[0], found[1], len(digits))
    return None


def _international(
    digits: str, start: int, skip: int, first: int, offsets: list[int]
) -> Iterator[_Reading]:
    """Valid readings after "+" or "00": mobiles and fixed lines longest first, then others,
    then French numbers outside the plan."""
    begin = start + skip
    others = []
    unallocated = []
    for last in range(len(offsets) - 2, first - 1, -1):
        end = offsets[last + 1]
        if end - begin > _MAX_READING or end - begin < 8:
            continue
        found = read_international(digits[begin:end])
        if found:
            reading = _Reading(first, last, found[0], found[1], end - start)
            if found[1] == "other":
                others.append(reading)
            elif found[1] == UNALLOCATED:
                unallocated.append(reading)
            else:
                yield reading
    yield from others
    yield from unallocated


def _choose(chain: _Chain, readings: list[_Reading]) -> list[_Reading]:
    """The most readings that do not share an atom, then the cleanest, in text order."""
    if len(readings) <= 1:
        return readings
    ordered = sorted(readings, key=lambda r: (r.last, r.first))
    costs = [reading.cost(chain) for reading in ordered]
    # best[i]: (count, -cost, chosen indexes) over the first i readings
    best: list[tuple[int, int, tuple[int, ...]]] = [(0, 0, ())]
    for index, reading in enumerate(ordered):
        before = max((i for i in range(index) if ordered[i].last < reading.first), default=-1)
        count, gain, chosen = best[before + 1]
        take = (count + 1, gain - costs[index], (*chosen, index))
        best.append(max(best[-1], take, key=lambda option: option[:2]))
    return [ordered[index] for index in best[-1][2]]


def _hit(text: str, chain: _Chain, reading: _Reading) -> PhoneHit:
    atoms = chain.atoms[reading.first : reading.last + 1]
    gaps = chain.gaps[reading.first : reading.last]
    start = atoms[0].start
    if atoms[0].plus:
        start = text.rindex("+", 0, start)
    raw = text[start : atoms[-1].end]
    international = atoms[0].plus or atoms[0].digits.startswith("00")
    tricks = _tricks(atoms, gaps, international)
    return PhoneHit(reading.e164, raw, tricks, in_plan(reading.kind))


def _tricks(atoms: list[Atom], gaps: list[Gap], international: bool) -> tuple[str, ...]:
    found = {_KIND_TRICK[atom.kind] for atom in atoms if atom.kind in _KIND_TRICK}
    singles = sum(
        len(atom.digits) == 1 and atom.kind != "word" and _apart(gaps, index, atom.kind)
        for index, atom in enumerate(atoms)
    )
    if singles >= _SPACED_MIN_SINGLES:
        found.add("spaced_digits")
    if any(g.filler for g in gaps):
        found.add("inserted_filler")
    if any(g.line_break for g in gaps):
        found.add("line_break")
    if _odd(atoms, gaps, international):
        found.add("odd_separators")
    return tuple(trick for trick in TRICKS if trick in found)


def _odd(atoms: list[Atom], gaps: list[Gap], international: bool) -> bool:
    """Slashes, stars, underscores, or separators that change along the number.

    The gap after a country code ("+33 6.12...") may differ from the rest, and in a number
    written with words commas and dashes are ordinary ("zéro six, douze - 34").
    """
    separators = set()
    in_words = any(atom.kind == "word" for atom in atoms)
    for index, between in enumerate(gaps):
        if in_words:
            if between.odd_between_words:
                return True
            continue
        if between.odd:
            return True
        if between.separator and not between.filler and not (international and index == 0):
            separators.add(between.separator)
    return len(separators) > 1


def _apart(gaps: list[Gap], index: int, kind: str) -> bool:
    """True when the atom is written apart from a neighbour (keycaps often touch)."""
    neighbours = [gaps[i] for i in (index - 1, index) if 0 <= i < len(gaps)]
    apart = [bool(g.separator or g.filler) for g in neighbours]
    # keycaps are often written in glued pairs ("0⃣6⃣ 1⃣2⃣"): spaced only when apart on all sides
    return all(apart) if kind == "keycap" else any(apart)


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
            merged[hit.e164] = PhoneHit(seen.e164, seen.raw, tricks, seen.in_plan)
    return list(merged.values())
