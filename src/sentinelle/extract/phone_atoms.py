"""Turn a text into the digit atoms a phone number can be made of, and the gaps between them.

An atom is a run of characters that stands for digits however it is written: ASCII or other
Unicode digits, keycap emoji, O/o/l/I mixed with digits, French number words. Numbers that are
not phones (prices, dates, times, ages, durations) become barriers that no number may cross.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sentinelle.extract.numberwords import NUMBER_WORD, number_word_digits

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
_LETTER_DIGITS = {"O": "0", "o": "0", "l": "1", "I": "1"}
_KEYCAP_MARKS = "\ufe0f\u20e3"

_ATOM = re.compile(
    rf"(?P<keycap>[0-9]\ufe0f?\u20e3)"
    # O/o/l/I count as digits only in a run that also holds a digit, and not inside a word
    rf"|(?P<letter>(?<![^\W\d_])(?=[OolI]*[0-9])[0-9OolI]++(?![^\W\d_]))"
    rf"|(?P<digits>(?:[0-9](?![{_KEYCAP_MARKS}])|(?![0-9])\d|[{_EXTRA_CLASS}])+)"
    rf"|(?P<word>{NUMBER_WORD})"
    # lone O/o/l/I runs: digits only when a digit atom sits right next to them (see _weak)
    rf"|(?P<weak>(?<![^\W\d_])[OolI]{{1,4}}+(?![^\W\d_]))"
)

# Numbers that are not phones. A digit atom inside one of these is a barrier.
_BARRIER = re.compile(
    r"(?i:"
    # prices: 150€, 150 €, € 150, 150 euros, 100 roses, 200 chf, 50$
    r"\d+(?:[.,]\d+)?\s*(?:€|eur(?:os?)?\b|roses?\b|chf\b|\$|balles\b|francs?\b)"
    r"|[€$]\s*\d+"
    # dates: 12/03/2024, 12.03.24, 12/03 (not the start or middle of a longer run: the
    # same characters write "06/12/34/56/78")
    r"|(?<![\d/.\-])(?:0?[1-9]|[12]\d|3[01])([/.\-])(?:0?[1-9]|1[0-2])\1(?:19|20)?\d\d"
    r"(?!\d|\s?\1\s?\d)"
    r"|(?<![\d/.\-])(?:0[1-9]|[12]\d|3[01])([/.\-])(?:0[1-9]|1[0-2])"
    r"(?![\d/\-_*|\\~#:]|\s?[/\-_*|\\~#:]\s?\d|\.\d)"
    # times and availability: 22h, 14h30, 22:00, 7j/7, 24/24, h24
    r"|\b\d{1,2}\s?h(?:[0-5]\d)?\b|(?<![\d:])\d{1,2}:[0-5]\d(?![:\d])|\b\d\s?j\s?/\s?7\b|\b24\s?/\s?24\b"
    # durations, ages, quantities: 30min, 2 heures, 19 ans, 19a, 19yo, 50%, 1er, 3ème, 2x
    r"|\b\d+\s?(?:min(?:utes?)?|mn|heures?|hrs?|ans?|yo|y\.o|years?|%|kg|cm|km|m2|m²"
    r"|ers?|eres?|[eè]me|e|x|jours?|nuits?|semaines?|mois|fois|pers(?:onnes)?|places?)\b"
    r"|\b\d{1,2}a\b"
    # postcodes before a town ("75015 Paris"), years after "en/depuis/de" ("née en 2008")
    r"|\b\d{5}(?=\s+[A-ZÉ][a-zé])"
    r"|\b(?:en|depuis|de|d'|annee|année)\s*(?:19|20)\d\d\b"
    # references and order numbers
    r"|\b(?:r[ée]f(?:[ée]rence)?|commande|cmd|order|siret|siren|code|id|ticket|colis)"
    r"\s*(?:n°|#|:)?\s*[\dA-Z\-]+"
    r")"
)

_SEPARATORS = frozenset(" \t\r\n\u00a0\u202f\u2009.-–—/_*·•|\\~#=;:,+()[]'\"")
_ODD = frozenset("/_*·•|\\~#=;:,")
_MAX_GAP = 40
_MAX_FILLER_WORDS = 6


@dataclass(slots=True)
class Atom:
    """Digits written somewhere in the text, and how."""

    start: int
    end: int
    digits: str
    kind: str  # "plain", "unicode", "keycap", "letter", "word", "weak" or "barrier"
    plus: bool = False  # a "+" precedes it: the digits start with a country code


@dataclass(frozen=True, slots=True)
class Gap:
    """What lies between two atoms of one chain."""

    filler: bool  # words or other non-separator content ("pas de sms")
    line_break: bool
    odd: bool  # slashes, underscores, stars...
    separator: str  # normalised separator (" ", ".", "-") or "" when not a plain separator


def _unicode_digits(run: str) -> str:
    return "".join(_EXTRA_DIGITS.get(char) or str(unicodedata.digit(char)) for char in run)


def _atom(match: re.Match[str], text: str) -> Atom:
    kind = match.lastgroup or "digits"
    run = match.group()
    if kind == "letter" and run.isdigit():
        kind = "digits"
    start, end = match.span()
    if kind == "digits":
        if run.isascii():
            atom = Atom(start, end, run, "plain")
        else:
            atom = Atom(start, end, _unicode_digits(run), "unicode")
    elif kind == "keycap":
        atom = Atom(start, end, run[0], "keycap")
    elif kind == "word":
        atom = Atom(start, end, number_word_digits(run), "word")
    else:
        digits = "".join(_LETTER_DIGITS.get(char, char) for char in run)
        atom = Atom(start, end, digits, kind)
    atom.plus = text[max(0, start - 3) : start].rstrip(" (").endswith("+")
    return atom


def _mark_barriers(text: str, atoms: list[Atom]) -> None:
    spans = [match.span() for match in _BARRIER.finditer(text)]
    if not spans:
        return
    index = 0
    for atom in atoms:
        while index < len(spans) and spans[index][1] <= atom.start:
            index += 1
        if index < len(spans) and spans[index][0] < atom.end:
            atom.kind = "barrier"


def _keep_weak(atoms: list[Atom], text: str) -> list[Atom]:
    """Keep lone letter runs ("O", "lO") only in a tight run of atoms that holds real digits."""
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
    if any(atom.kind in ("plain", "unicode", "letter", "keycap") for atom in run):
        return run
    return [atom for atom in run if atom.kind != "weak"]


def scan(text: str) -> list[Atom]:
    """Every digit atom of the text in order, barriers included (they break chains)."""
    atoms = [_atom(match, text) for match in _ATOM.finditer(text)]
    if not atoms:
        return atoms
    if any(atom.kind == "weak" for atom in atoms):
        atoms = _keep_weak(atoms, text)
    _mark_barriers(text, atoms)
    return atoms


@lru_cache(maxsize=4096)
def gap(between: str) -> Gap | None:
    """Classify the text between two atoms; None when it is too much to be inside one number."""
    if between == " ":
        return Gap(False, False, False, " ")
    if len(between) > _MAX_GAP or between.count("\n") > 1:
        return None
    line_break = "\n" in between or "\u2028" in between
    core = "".join(char for char in between if char not in _SEPARATORS and not char.isspace())
    if "..." in between or "…" in between:
        core += "…"  # an ellipsis reads as filler, not as a separator
    if core:
        if len(core) > 30 or len(between.split()) > _MAX_FILLER_WORDS:
            return None
        return Gap(True, line_break, False, "")
    odd = any(char in _ODD for char in between)
    marks = "".join(char for char in between if not char.isspace() and char not in "()+")
    separator = marks or (" " if any(char.isspace() for char in between) else "")
    return Gap(False, line_break, odd, "" if line_break else separator)
