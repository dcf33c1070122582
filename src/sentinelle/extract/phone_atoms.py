"""Turn a text into the digit atoms a phone number can be made of, and the gaps between them.

An atom is a run of characters that stands for digits however it is written: ASCII or other
Unicode digits, keycap emoji, O/o/l/I mixed with digits, French number words. Numbers that
are not phones (prices, dates, times, ages) are found by `phone_barriers`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sentinelle.extract.numberwords import NUMBER_WORD, NUMBER_WORD_STRICT, number_word_digits
from sentinelle.extract.phone_barriers import barrier_at

# Digits outside Unicode category Nd that posters use: superscripts, subscripts, circled.
_EXTRA_DIGITS = {
    **{char: str(value) for value, char in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")},
    **{char: str(value) for value, char in enumerate("₀₁₂₃₄₅₆₇₈₉")},
    **{char: str(value) for value, char in enumerate("⓪①②③④⑤⑥⑦⑧⑨")},
    **{char: str(value + 1) for value, char in enumerate("❶❷❸❹❺❻❼❽❾")},
    **{char: str(value + 1) for value, char in enumerate("➀➁➂➃➄➅➆➇➈")},
    **{char: str(value + 1) for value, char in enumerate("➊➋➌➍➎➏➐➑➒")},
}
_EXTRA_CLASS = "".join(_EXTRA_DIGITS)
# S and B (capitals only: "s" and "b" start too many words) stand for 5 and 8 ("O6 lS 4B ...")
_LETTER_DIGITS = {"O": "0", "o": "0", "l": "1", "I": "1", "S": "5", "B": "8"}
_LETTER_TABLE = str.maketrans(_LETTER_DIGITS)
_LETTER_SET = frozenset(_LETTER_DIGITS)
_KEYCAP_MARKS = "\ufe0f\u20e3"

# Every pattern here starts with a character class so that the regex engine skips the letters
# between numbers quickly instead of trying alternatives at each position.
# Runs of digits, ASCII or not; O/o/l/I allowed between digits ("O672l3831o" is one run).
DIGIT_RUN = re.compile(rf"[\d{_EXTRA_CLASS}]+(?:[OolISB]+[\d{_EXTRA_CLASS}]+)*")
_WORD = re.compile(NUMBER_WORD)
_WORD_STRICT = re.compile(NUMBER_WORD_STRICT)
# lone O/o/l/I near digits ("O 6 I 2 ..."): digits only when digit atoms sit right next to them
_WEAK = re.compile(r"[OolISB](?<![^\W\d_][OolISB])[OolISB]{0,3}+(?![^\W\d_]|['’])")
_WEAK_REACH = 30
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*$")

_SEPARATORS = frozenset(" \t\r\n\u00a0\u202f\u2009.-–—/_*·•|\\#=;:,+()[]'\"")
_ODD = frozenset("/_*·•|\\#=;:,")
WORD_ODD = frozenset("/_*|\\")  # between number words, "," and " - " are ordinary
_MAX_GAP = 40
_MAX_FILLER_WORDS = 6
_DIGITS_AFTER_SOFT_DATE = 8


@dataclass(slots=True)
class Atom:
    """Digits written somewhere in the text, and how."""

    start: int
    end: int
    digits: str
    kind: str  # "plain", "unicode", "keycap", "letter", "word" or "weak"
    plus: bool = False  # a "+" precedes it: the digits start with a country code
    barrier: bool | None = None  # part of a price, date, time...; computed when needed
    soft_start: int | None = None  # part of a yearless date starting there (phone_barriers)


@dataclass(frozen=True, slots=True)
class Gap:
    """What lies between two atoms of one chain."""

    filler: bool  # words or other non-separator content ("pas de sms")
    line_break: bool
    odd: bool  # slashes, underscores, stars, commas...
    separator: str  # normalised separator (" ", ".", "-") or "" when not a plain separator
    odd_between_words: bool = False  # slashes, underscores, stars (odd even between words)
    sign: bool = False  # the filler is one sign ("~"): costs no more than a separator


def scan(
    text: str,
    words: bool,
    strict: bool = False,
    runs: list[tuple[int, int]] | None = None,
    every_run: bool = False,
) -> list[Atom]:
    """Every digit atom that may belong to a phone, in order; number words too if `words`
    (with compounds joined by hyphens only if `strict`). `runs`: DIGIT_RUN spans if known.

    Without words, runs far from any other digits (a lone price, age or hour) are skipped:
    they cannot make ten digits, and most posts are mostly such runs. `every_run` keeps them
    all (numbers of a country the text names need not start with 0).
    """
    atoms: list[Atom] = []
    if runs is None:
        runs = [match.span() for match in DIGIT_RUN.finditer(text)]
    spans = runs if words or every_run else phone_like(text, runs)
    for start, end in spans:
        _add_digit_run(text, start, end, atoms)
    if words:
        taken = [(atom.start, atom.end) for atom in atoms]
        for match in (_WORD_STRICT if strict else _WORD).finditer(text):
            if not any(start < match.end() and match.start() < end for start, end in taken):
                atoms.append(Atom(*match.span(), number_word_digits(match.group()), "word"))
        atoms.sort(key=lambda atom: atom.start)
    if atoms and _WEAK.search(text):
        atoms = _add_weak(text, atoms)
    if "+" in text:
        for atom in atoms:
            atom.plus = text[max(0, atom.start - 3) : atom.start].rstrip(" (").endswith("+")
    return atoms


def phone_like(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs in clusters (runs at most a gap apart) where a phone number could start."""
    kept: list[tuple[int, int]] = []
    cluster: list[tuple[int, int]] = []
    for span in spans:
        before = text[span[0] - 1] if span[0] else " "
        if (before.isalpha() or before == "_") and _in_word(text, *span):
            continue
        if cluster and span[0] - cluster[-1][1] > _MAX_GAP:
            if _worth_reading(text, cluster):
                kept.extend(cluster)
            cluster = []
        cluster.append(span)
    if cluster and _worth_reading(text, cluster):
        kept.extend(cluster)
    return kept


def _worth_reading(text: str, cluster: list[tuple[int, int]]) -> bool:
    """Every number starts with 0 (however written), "+" or "33": no such run, no phone."""
    # a yearless date may open a number, unless too few digits follow it ("du 15/04 au")
    soft_counts = sum(end - start for start, end in cluster) < _DIGITS_AFTER_SOFT_DATE
    return any(
        _may_start(text, start, first=index == 0)
        and not _in_barrier(text, cluster, index, soft_counts)
        for index, (start, _) in enumerate(cluster)
    )


def _in_barrier(text: str, cluster: list[tuple[int, int]], index: int, soft: bool) -> bool:
    """The run is part of a price, date or time starting at it or at one of the two before."""
    start = cluster[index][0]
    for earlier in range(index, max(-1, index - 3), -1):
        match = barrier_at(text, cluster[earlier][0])
        if match and match.end() > start and (soft or match.group("soft") is None):
            return True
    return False


def _may_start(text: str, start: int, first: bool) -> bool:
    char = text[start]
    if char == "0" or (not char.isascii() and _digit_values(char) == "0"):
        return True
    before = text[max(0, start - 2) : start].strip()
    if before.endswith(("+", "O", "o")):  # "+33", "O6", "o 7"
        return True
    return first and text.startswith("33", start)


def _add_digit_run(text: str, start: int, end: int, atoms: list[Atom]) -> None:
    run = text[start:end]
    if text.startswith("\u20e3", end) or text.startswith("\ufe0f\u20e3", end):
        # the last digit wears a keycap: "6️⃣"
        if len(run) > 1:
            _add_digit_run(text, start, end - 1, atoms)
        mark_end = end + (1 if text.startswith("\u20e3", end) else 2)
        atoms.append(Atom(end - 1, mark_end, _digit_values(run[-1]), "keycap"))
        return
    if not run.isascii():
        atoms.append(Atom(start, end, _digit_values(run), "unicode"))
        return
    atom = _with_letters(text, start, end, run)
    if len(atom.digits) < 8 and _inside_word(text, atom.start):
        return  # "lea77", "Yas_18": part of a name, not of a number
    atoms.append(atom)


def _with_letters(text: str, start: int, end: int, run: str) -> Atom:
    """Extend a digit run over O/o/l/I that touch it ("O6", "7O") unless inside a word."""
    left = start
    while left > 0 and text[left - 1] in _LETTER_DIGITS:
        left -= 1
    if left > 0 and text[left - 1].isalpha():
        left = start
    right = end
    while right < len(text) and text[right] in _LETTER_DIGITS:
        right += 1
    if right < len(text) and text[right].isalpha():
        right = end
    if left == start and right == end and run.isdigit():
        return Atom(start, end, run, "plain")
    written = text[left:right]
    return Atom(left, right, written.translate(_LETTER_TABLE), "letter")


def _in_word(text: str, start: int, end: int) -> bool:
    """A short run inside a word ("n0uv3ll3", "lea77"), unless O/o/l/I lead it ("O6")."""
    if end - start >= 8:
        return False
    left = start
    while left > 0 and text[left - 1] in _LETTER_DIGITS:
        left -= 1
    if left < start and (left == 0 or not text[left - 1].isalpha()):
        return False
    return _inside_word(text, start)


def _inside_word(text: str, start: int) -> bool:
    before = text[start - 1] if start else " "
    if before == "." and start > 1 and text[start - 2].isalpha():
        return text[start - 2] not in _LETTER_DIGITS  # "emma.2330" is a handle; "O.12" not
    if before == "_":  # "Yas_18" is a name; "5O_O2" and "sept_56" are numbers
        word = _WORD_BEFORE.search(text, max(0, start - 20), start - 1)
        if not word:
            return False
        written = word.group()
        return not (set(written) <= _LETTER_SET or _WORD.fullmatch(written))
    if before.isalpha():
        # "zero6", "zéro6": a number word glued to the digits it starts is no name
        word = _WORD_BEFORE.search(text, max(0, start - 20), start)
        return not (word and _WORD.fullmatch(word.group()))
    return False


def _digit_values(run: str) -> str:
    return "".join(
        _EXTRA_DIGITS.get(char) or _LETTER_DIGITS.get(char) or str(unicodedata.digit(char))
        for char in run
    )


def _add_weak(text: str, atoms: list[Atom]) -> list[Atom]:
    """Add lone O/o/l/I runs found right around digit atoms, then keep those in a digit run."""
    found: dict[int, Atom] = {}
    for index, atom in enumerate(atoms):
        previous_end = atoms[index - 1].end if index else 0
        next_start = atoms[index + 1].start if index + 1 < len(atoms) else len(text)
        windows = (
            (max(previous_end, atom.start - _WEAK_REACH), atom.start),
            (atom.end, min(next_start, atom.end + _WEAK_REACH)),
        )
        for begin, end in windows:
            for match in _WEAK.finditer(text, begin, end):
                digits = match.group().translate(_LETTER_TABLE)
                found[match.start()] = Atom(*match.span(), digits, "weak")
    if not found:
        return atoms
    return _keep_weak(sorted(atoms + list(found.values()), key=lambda atom: atom.start), text)


def _keep_weak(atoms: list[Atom], text: str) -> list[Atom]:
    """Keep lone letter runs ("O", "lO") only in a tight run of atoms that holds real digits
    or at least two of them."""
    kept: list[Atom] = []
    run: list[Atom] = []
    for atom in atoms:
        if run and not _tight(text[run[-1].end : atom.start]):
            kept.extend(_settle(run))
            run = []
        run.append(atom)
    kept.extend(_settle(run))
    return kept


def _tight(between: str) -> bool:
    return len(between) <= 3 and all(char in _SEPARATORS for char in between)


def _settle(run: list[Atom]) -> list[Atom]:
    if any(atom.kind in ("plain", "unicode", "letter", "keycap", "word") for atom in run):
        return run
    if sum(len(atom.digits) for atom in run if atom.kind == "weak") >= 2:
        return run  # "l o", "Io" after a filler: two digits
    return [atom for atom in run if atom.kind != "weak"]


@lru_cache(maxsize=4096)
def gap(between: str) -> Gap | None:
    """Classify the text between two atoms; None when it is too much to be inside one number."""
    if between == " ":
        return Gap(False, False, False, " ")
    if len(between) > _MAX_GAP or between.count("\n") > 1:
        return None
    line_break = "\n" in between or "\u2028" in between
    core = "".join(char for char in between if char not in _SEPARATORS and not char.isspace())
    if "..." in between or "…" in between or "**" in between or "--" in between:
        core += "…"  # "...", "***", "-- x --" read as filler, not as separators
    if core:
        if len(core) > 30 or len(between.split()) > _MAX_FILLER_WORDS:
            return None
        return Gap(True, line_break, False, "", sign=core == "~")
    odd = any(char in _ODD for char in between)
    odd_between_words = any(char in WORD_ODD for char in between)
    marks = "".join(char for char in between if not char.isspace() and char not in "()+")
    separator = marks or (" " if any(char.isspace() for char in between) else "")
    return Gap(False, line_break, odd, "" if line_break else separator, odd_between_words)
