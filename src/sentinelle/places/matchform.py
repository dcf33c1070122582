"""The form in which place names and post text are compared.

Why not `sentinelle.text.normalize.fold` directly: it costs ~60 µs on a 300-character post,
three times the whole budget of `find_places`. `match_form` gives the same letters as `fold`
for Latin-script text (tested on every commune name) at C speed: NFKC, Latin-1 encoding and one
byte table that lowers case, strips accents and turns everything else into a space.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from sentinelle.text.normalize import fold

# French letters outside Latin-1, spelled out before encoding.
_OUTSIDE_LATIN1 = (("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("Ÿ", "y"))
_ARTICLES = ("le", "la", "les", "l", "aux", "las", "los")
# Article contractions after "à" and "de": "au Mans", "aux Sables-d'Olonne", "du Havre".
_CONTRACTIONS = {"le": ("au", "du"), "les": ("aux", "des")}
_SAINTS = {"saint": "st", "sainte": "ste"}
BREAK = "|"  # the word a line break, "!" or "?" becomes in the match form
BREAKS = "\n\r!|"  # "?" is turned into "\n" first


@lru_cache(maxsize=1)
def _byte_table() -> bytes:
    """Latin-1 byte -> lower-case ASCII letter or digit without accent, a break, or a space."""
    table = bytearray(b" " * 256)
    for char in BREAKS:
        table[ord(char)] = ord(BREAK)
    for code in range(256):
        base = fold(chr(code))
        if len(base) == 1 and base.isascii() and base.isalnum():
            table[code] = ord(base)
    return bytes(table)


def match_form(text: str) -> str:
    """Words of `text` lower-cased, without accents, one space apart, with a space at each end.

    The padding lets a name be matched as " name " so that it only matches whole words. A line
    break, "!" or "?" becomes the word BREAK: no name spans it, and a cue before it ("dispo")
    says nothing of a word after it ("Prof dispo / Cours de maths").
    """
    text = unicodedata.normalize("NFKC", text)
    if "?" in text:  # "?" is also what Latin-1 encoding puts for an emoji, which is no break
        text = text.replace("?", "\n")
    if not text.isascii():
        for letter, spelled in _OUTSIDE_LATIN1:
            if letter in text:
                text = text.replace(letter, spelled)
    raw = text.encode("latin-1", errors="replace").translate(_byte_table())
    if b"|" in raw:
        raw = raw.replace(b"|", b" | ")
    return " " + b" ".join(raw.split()).decode("ascii") + " "


def name_key(name: str) -> str:
    """The matching key of a name: its words in match form, without the padding."""
    return match_form(name).strip()


def strip_article(key: str) -> str:
    """The key without its leading article ("le mans" -> "mans"), or the key itself."""
    head, _, rest = key.partition(" ")
    return rest if rest and head in _ARTICLES else key


def key_variants(key: str) -> set[str]:
    """Ways a name is written: "saint"/"st", "sainte"/"ste", "le"/"au"/"du", "les"/"aux"/"des"."""
    words = key.split(" ")
    if words[0] not in _CONTRACTIONS and "saint" not in words and "sainte" not in words:
        return {key}  # most names: no variant, and this runs for 37,000 names at first use
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
