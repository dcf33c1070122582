"""Text normalisation shared by every step that matches words (extraction, indicators, linking).

Why one module: an indicator, a shingle and a phone pattern must all see the same text, or a
term that fires in one step silently misses in another.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Leetspeak seen in ads: only applied inside words that also hold letters, never to numbers.
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)


def nfkc(text: str) -> str:
    """Unicode NFKC: full-width letters and digits, ligatures and compatibility forms folded."""
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=65536)
def _strip_accents_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or char


def strip_accents(text: str) -> str:
    """Remove accents ("née" -> "nee") but keep emoji and other symbols as they are."""
    if text.isascii():
        return text
    return "".join(_strip_accents_char(c) if ord(c) < 0x2000 else c for c in text)


def deleet(word: str) -> str:
    """Map leetspeak inside a word that also has letters ("n0uvelle" -> "nouvelle")."""
    if word.isalpha() or not any(c.isalpha() for c in word):
        return word
    return word.translate(_LEET)


def fold(text: str) -> str:
    """The matching form of a text: NFKC, lower case, accents removed, emoji kept."""
    return strip_accents(nfkc(text).casefold())


def is_emoji(char: str) -> bool:
    """True for pictographic characters (emoji), which the pipeline keeps as tokens."""
    code = ord(char)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or code in (0x2764, 0x2728, 0x203C, 0x2049)
    )
