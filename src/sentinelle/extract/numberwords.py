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


def _pattern(strict: bool) -> str:
    """Regex for one number word; `strict` joins compounds by hyphens only ("soixante-quinze"),
    so that "soixante quinze" reads as 60 then 15."""
    # a hyphen inside a compound is written tight: " - " separates two numbers
    sep = "-" if strict else r"(?:-|[ \t]+(?!-))"
    joined = rf"(?:[ \t]+et[ \t]+|-et-|{sep})"
    # "soixante quatre-vingt-deux" is 60 then 82, "quatre vingt-trois" 4 then 23: a hyphen
    # binds tighter than a space
    unit = r"(?:un|deux|trois|quatre(?!-vingt)|cinq|six|sept|huit|neuf)"
    teen = rf"(?:dix(?:{sep}(?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize)"
    eighty = "quatre-vingt" if strict else r"quatre(?:-|[ \t]+(?!vingt-))vingt"
    return (
        rf"(?i:(?<![^\W\d_])(?:{eighty}(?:s|{sep}(?:{teen}|{unit}))?"
        rf"|soixante(?:{joined}(?:{teen}|{unit}))?"
        rf"|(?:vingt|trente|quarante|cinquante)(?:{joined}{unit})?"
        rf"|{teen}|{unit}|z[eé]ro)(?![^\W\d_]))"
    )


NUMBER_WORD = _pattern(strict=False)
NUMBER_WORD_STRICT = _pattern(strict=True)
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
