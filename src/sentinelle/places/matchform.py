"""The form in which place names and post text are compared.

Why not `sentinelle.text.normalize.fold` directly: it costs ~60 µs on a 300-character post,
three times the whole budget of `find_places`. `match_form` gives the same letters as `fold`
for Latin-script text (tested on every commune name) at C speed: NFKC, lower case, Windows-1252
encoding and one byte table that strips accents and turns everything else into a space.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from sentinelle.text.normalize import fold

_LIGATURES = (("œ", "oe"), ("æ", "ae"))
_ARTICLES = ("le", "la", "les", "l", "aux", "las", "los")
# Article contractions after "à" and "de": "au Mans", "aux Sables-d'Olonne", "du Havre".
_CONTRACTIONS = {"le": ("au", "du"), "les": ("aux", "des")}
_SAINTS = {"saint": "st", "sainte": "ste"}


@lru_cache(maxsize=1)
def _byte_table() -> bytes:
    """Windows-1252 byte -> ASCII letter or digit with accents removed, anything else -> space."""
    table = bytearray(b" " * 256)
    for code in range(256):
        char = bytes([code]).decode("cp1252", errors="replace")
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalnum():
            table[code] = ord(base)
    return bytes(table)


def match_form(text: str) -> str:
    """Words of `text` lower-cased, without accents, one space apart, with a space at each end.

    The padding lets a name be matched as " name " so that it only matches whole words.
    """
    lowered = unicodedata.normalize("NFKC", text).lower()
    if not lowered.isascii():
        for ligature, letters in _LIGATURES:
            if ligature in lowered:
                lowered = lowered.replace(ligature, letters)
    raw = lowered.encode("cp1252", errors="replace").translate(_byte_table())
    return " " + " ".join(raw.decode("ascii").split()) + " "


def name_key(name: str) -> str:
    """The matching key of a name: its words in match form, without the padding."""
    return match_form(name).strip()


def strip_article(key: str) -> str:
    """The key without its leading article ("le mans" -> "mans"), or the key itself."""
    head, _, rest = key.partition(" ")
    return rest if rest and head in _ARTICLES else key


def key_variants(key: str) -> set[str]:
    """Ways a name is written: "saint"/"st", "sainte"/"ste", "le"/"au"/"du", "les"/"aux"/"des"."""
    variants = {key}
    for long, short in _SAINTS.items():
        for variant in list(variants):
            words = variant.split(" ")
            if long in words:
                variants.add(" ".join(short if word == long else word for word in words))
    head, _, rest = key.partition(" ")
    for contraction in _CONTRACTIONS.get(head, ()) if rest else ():
        variants |= {f"{contraction} {variant.partition(' ')[2]}" for variant in list(variants)}
    return variants
