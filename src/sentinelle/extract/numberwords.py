"""French number words from zéro to quatre-vingt-dix-neuf, as posters spell phone digits.

A word for 0-9 stands for one digit ("zéro six" = "06"), a word for 10-99 for two
("soixante-dix-huit" = "78", "vingt et un" = "21").
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
}
_TEENS = {
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}
_TENS = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
_VALUES = {**_UNITS, **_TEENS, **_TENS, "et": 0}

_SEP = r"(?:\s*-\s*|[ \t]+)"
_AND = rf"(?:{_SEP}et{_SEP}|{_SEP})"
# "soixante quatre-vingt-deux" is 60 then 82, "quatre vingt-trois" 4 then 23: a hyphen binds
# tighter than a space
_UNIT = r"(?:un|deux|trois|quatre(?!\s*-\s*vingt)|cinq|six|sept|huit|neuf)"
_TEEN = rf"(?:dix(?:{_SEP}(?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize)"
NUMBER_WORD = (
    rf"(?i:(?<![^\W\d_])(?:quatre(?:\s*-\s*|[ \t]+(?!vingt\s*-))vingt(?:s|{_SEP}(?:{_TEEN}|{_UNIT}))?"
    rf"|soixante(?:{_AND}(?:{_TEEN}|{_UNIT}))?"
    rf"|(?:vingt|trente|quarante|cinquante)(?:{_AND}{_UNIT})?"
    rf"|{_TEEN}|{_UNIT}|z[eé]ro)(?![^\W\d_]))"
)
_WORD = re.compile(r"[a-zé]+")


def number_word_digits(words: str) -> str:
    """The digits a matched number word stands for: "zéro" -> "0", "soixante-dix-huit" -> "78"."""
    parts = _WORD.findall(words.lower().replace("é", "e"))
    if parts[:2] == ["quatre", "vingt"] or parts[:2] == ["quatre", "vingts"]:
        value = 80 + sum(_VALUES[part] for part in parts[2:])
    else:
        value = sum(_VALUES[part] for part in parts)
    if len(parts) == 1 and parts[0] in _UNITS:
        return str(value)
    return f"{value:02d}"
