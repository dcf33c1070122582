"""Text normalisation shared by every step that matches words (extraction, indicators, linking).

Why one module: an indicator, a shingle and a phone pattern must all see the same text, or a
term that fires in one step silently misses in another.
"""

from __future__ import annotations

import re
import unicodedata

# Leetspeak seen in ads: only undone between letters ("n0uvelle", "b3lle"), never in numbers
# or in a number followed by its unit ("18ans", "30min", "lea_77").
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_LEET_RUN = re.compile(r"(?<=[^\W\d_])[013457@$]+(?=[^\W\d_])")

# Pictographic ranges (Unicode Extended_Pictographic, coarsely): emoji, dingbats, arrows and
# symbols that posters use as words (👻 for Snapchat, 🍭, 🎀, ❤, ⏰, ▶).
_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0x2300, 0x23FF),
    (0x2190, 0x21FF),
    (0x25A0, 0x25FF),
    (0x2900, 0x297F),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
)
_EMOJI_SINGLES = frozenset({0x203C, 0x2049, 0x2122, 0x2139, 0x00A9, 0x00AE})
EMOJI_CLASS = "".join(
    f"\\U{low:08x}-\\U{high:08x}" if low != high else f"\\U{low:08x}" for low, high in _EMOJI_RANGES
) + "".join(f"\\U{code:08x}" for code in sorted(_EMOJI_SINGLES))

# A token is a word (letters, digits, underscore; leet '@'/'$' only inside it) or one emoji.
_TOKEN = re.compile(rf"\w+(?:[@$]+\w+)*|[{EMOJI_CLASS}]")


class _AccentTable(dict):
    """str.translate table that strips accents, filled lazily one character at a time."""

    def __missing__(self, code: int) -> str | int:
        char = chr(code)
        if code >= 0x2000:  # emoji and symbols keep their identity
            value: str | int = code
        else:
            decomposed = unicodedata.normalize("NFD", char)
            value = "".join(c for c in decomposed if not unicodedata.combining(c)) or code
        self[code] = value
        return value


_ACCENTS = _AccentTable()


def nfkc(text: str) -> str:
    """Unicode NFKC: full-width letters and digits, ligatures and compatibility forms folded."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def strip_accents(text: str) -> str:
    """Remove accents ("née" -> "nee") but keep emoji and other symbols as they are."""
    if text.isascii():
        return text
    return text.translate(_ACCENTS)


def deleet(word: str) -> str:
    """Undo leetspeak between letters ("n0uvelle" -> "nouvelle"); numbers and "18ans" stay."""
    if word.isalpha() or word.isdigit():
        return word
    return _LEET_RUN.sub(_undo_leet, word)


def fold(text: str) -> str:
    """The matching form of a text: NFKC, lower case, accents removed, emoji kept."""
    if text.isascii():
        return text.lower()
    return strip_accents(nfkc(text).casefold())


def is_emoji(char: str) -> bool:
    """True for pictographic characters (emoji), which the pipeline keeps as tokens."""
    code = ord(char)
    if code < 0x2000:
        return code in _EMOJI_SINGLES
    return code in _EMOJI_SINGLES or any(low <= code <= high for low, high in _EMOJI_RANGES)


def tokens(text: str) -> list[str]:
    """Folded words with leetspeak undone, and each emoji as a token of its own.

    Punctuation, apostrophes and variation selectors separate tokens: "J'ai 16ans 🍭🍭" ->
    ["j", "ai", "16ans", "🍭", "🍭"].
    """
    folded = fold(text)
    if any(char in folded for char in "013457@$"):
        folded = _LEET_RUN.sub(_undo_leet, folded)
    return _TOKEN.findall(folded)


def _undo_leet(match: re.Match[str]) -> str:
    return match.group().translate(_LEET)
