"""What else a post mentions: emoji, URLs and the platforms it names.

Emoji carry meaning in ads (youth cues such as 🍭🎀, 👻 for Snapchat); the platforms named
say where the conversation moves to (Snapchat, Telegram, OnlyFans...).
"""

from __future__ import annotations

import re

from sentinelle.text.literals import leftmost_longest, literal_automaton
from sentinelle.text.normalize import EMOJI_CLASS

_URL = re.compile(
    r"(?i)\bhttps?://[^\s<>\"']+|\bwww\.[^\s<>\"']+"
    r"|\b(?:t\.me|wa\.me|signal\.me|snapchat\.com|instagram\.com|onlyfans\.com|mym\.fans|"
    r"linktr\.ee|tiktok\.com|twitter\.com|x\.com|facebook\.com|fb\.me)/[^\s<>\"']*"
)
# A part of every `_URL` match, found fast (`_URL` opens with "\b", tried at every character).
_URL_HINT = re.compile(r"(?i)://|www\.|\.(?:me|com|fans|ee)/")
_PLATFORM_WORDS = {
    "snapchat": "snapchat",
    "snap": "snapchat",
    "sc": "snapchat",
    "telegram": "telegram",
    "tg": "telegram",
    "t.me": "telegram",
    "instagram": "instagram",
    "insta": "instagram",
    "ig": "instagram",
    "whatsapp": "whatsapp",
    "whats'app": "whatsapp",
    "wa.me": "whatsapp",
    "wtsp": "whatsapp",
    "watsap": "whatsapp",
    "signal": "signal",
    "onlyfans": "onlyfans",
    "only fans": "onlyfans",
    "mym": "mym",
    "tiktok": "tiktok",
    "facebook": "facebook",
    "fb": "facebook",
    "messenger": "messenger",
    "twitter": "twitter",
    "discord": "discord",
    "kik": "kik",
    "wickr": "wickr",
    "tinder": "tinder",
    "grindr": "grindr",
    "skype": "skype",
    "viber": "viber",
}
# The words as the alternation "|".join(longest first) would find them (`text.literals`).
_PLATFORM = literal_automaton(tuple(_PLATFORM_WORDS))
_EMOJI = re.compile(f"[{EMOJI_CLASS}]")
_URL_TAIL = ".,;:!?)]}»"


def find_emoji(text: str) -> list[str]:
    """Each distinct emoji in order of first appearance (variation selectors dropped)."""
    if text.isascii():
        return []
    return list(dict.fromkeys(_EMOJI.findall(text)))


def find_urls(text: str) -> list[str]:
    """URLs and bare links ("t.me/x"), trailing punctuation removed, deduplicated."""
    if ("/" not in text and "www." not in text) or not _URL_HINT.search(text):
        return []
    found = (match.group().rstrip(_URL_TAIL) for match in _URL.finditer(text))
    return list(dict.fromkeys(found))


def find_platforms(text: str, emoji: list[str]) -> list[str]:
    """Platforms the text names, by canonical name, in order of first mention."""
    lowered = text.lower()
    found: dict[str, None] = {}
    for start, end in leftmost_longest(_PLATFORM, lowered):
        before = lowered[start - 1 : start]
        after = lowered[end : end + 1]
        if before.isalnum() or before in ("_", "@") or after.isalnum() or after == "_":
            continue
        found[_PLATFORM_WORDS[lowered[start:end]]] = None
    if "👻" in emoji:
        found["snapchat"] = None
    return list(found)
