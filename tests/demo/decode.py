"""A small, independent reader of written phone numbers, for checking the demo truth.

Deliberately simpler than the real extractor: it turns a whole text into the string of digits
it spells (number words, letters for digits, keycaps and Unicode digits included), so a test
can check that a truth phone's digits appear in it.
"""

from __future__ import annotations

import re
import unicodedata

_WORDS = {
    "zero": 0, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60,
}  # fmt: skip
_OLI = re.compile(r"[oli]+")
_AS_DIGITS = str.maketrans("oli", "011")
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*|\d|\S")


def _strip(text: str) -> str:
    text = _ASIDE.sub(" ", text)  # "(enlève les espaces)", "[anti-bot]": asides a reader skips
    text = unicodedata.normalize("NFKC", text)
    # accents and every other non-ASCII sign (emoji, keycap marks) go; digits are ASCII by now
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii")


def _compound(parts: list[str]) -> int | None:
    """Value of a hyphenated French number ("soixante-dix-huit" -> 78), None if not one."""
    if not parts or any(p not in _WORDS and p != "et" for p in parts):
        return None
    values = [_WORDS[p] for p in parts if p != "et"]
    if len(values) >= 2 and values[0] == 4 and values[1] == 20:  # quatre-vingt(s)
        values = [80, *values[2:]]
    return sum(values)


def digits_of(text: str) -> str:
    """Every digit the text spells, in order, with everything else dropped."""
    tokens = _letters_as_digits(_TOKEN.findall(_strip(text).lower()))
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.isdigit():
            out.append(token)
        else:
            value = _compound(token.split("-")) if token in _WORDS or "-" in token else None
            if value is not None:
                # "vingt et un": a ten followed by "et un/onze" is one number
                if value in (20, 30, 40, 50, 60) and tokens[index + 1 : index + 2] == ["et"]:
                    follow = tokens[index + 2] if index + 2 < len(tokens) else ""
                    if follow in ("un", "onze"):
                        value += _WORDS[follow]
                        index += 2
                out.append(str(value))
        index += 1
    return "".join(out)


def _letters_as_digits(tokens: list[str]) -> list[str]:
    """Read O/o as 0 and l/I as 1 in letter runs next to digits, spreading along the run."""
    candidates = [i for i, token in enumerate(tokens) if _OLI.fullmatch(token)]
    changed = True
    while changed and candidates:
        changed = False
        for index in candidates:
            if not tokens[index].isdigit() and _near_digit(tokens, index):
                tokens[index] = tokens[index].translate(_AS_DIGITS)
                changed = True
    return tokens


def _near_digit(tokens: list[str], index: int) -> bool:
    """True when the nearest word or digit on either side (punctuation skipped) is a digit."""
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(tokens) and not tokens[other].isalnum():
            other += step
        if 0 <= other < len(tokens) and tokens[other].isdigit():
            return True
    return False


def spelled_forms(e164: str) -> tuple[str, ...]:
    """Digit strings under which a number can appear (national French form, international)."""
    forms = [e164[1:]]
    if e164.startswith("+33"):
        forms.append("0" + e164[3:])
    return tuple(forms)
