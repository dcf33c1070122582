"""Messaging handles ("snap: lea_77", "t.me/lea77", "👻 lea.77") as "platform:handle".

Handles are what link an actor's posts across sites, so a wrong one merges strangers: a bare
word after a platform name is taken only when it does not read as an ordinary word.
"""

from __future__ import annotations

import re

from sentinelle.text.literals import leftmost_longest, literal_automaton

# Platform keywords as posters write them, and the platform each names.
_KEYWORDS = {
    "snapchat": "snapchat",
    "snap": "snapchat",
    "sc": "snapchat",
    "👻": "snapchat",
    "telegram": "telegram",
    "telegramme": "telegram",
    "tg": "telegram",
    "tlg": "telegram",
    "télégram": "telegram",
    "instagram": "instagram",
    "insta": "instagram",
    "📸": "instagram",
    "ig": "instagram",
    "signal": "signal",
    "whatsapp": "whatsapp",
    "watsap": "whatsapp",
    "wtsp": "whatsapp",
}
_LINKS = (
    (re.compile(r"\bsnapchat\.com/add/([A-Za-z0-9._-]+)"), "snapchat"),
    (re.compile(r"\b(?:t|telegram)\.me/([A-Za-z0-9_.]+)"), "telegram"),
    (re.compile(r"\binstagram\.com/([A-Za-z0-9._]+)"), "instagram"),
    (re.compile(r"\bwa\.me/\+?(\d{8,15})"), "whatsapp"),
    (re.compile(r"\bsignal\.me/#p/\+?(\d{8,15})"), "signal"),
)
_KEYWORD = re.compile(
    "|".join(sorted((re.escape(word) for word in _KEYWORDS), key=len, reverse=True))
)
_KEYWORDS_FOUND = literal_automaton(tuple(_KEYWORDS))  # finds what _KEYWORD finds, faster
# after the keyword: optional "c'est", ":", "=", "->", then the handle (an "@" makes it explicit)
_TAIL = re.compile(
    r"\s*((?:(?:(?:c['’]?est|est|moi|me)\b|=|:|->|→|➡|⇒|👉|>|-)\ufe0f?\s*)*)"
    r"(@?)([a-z0-9][a-z0-9._-]{1,29})(?!\w)"
)
# Platform names that are also common words: a bare word after them is not a handle.
_WEAK_KEYWORDS = frozenset({"signal", "sc", "ig"})
# Words that follow a platform name without being a handle ("snap dispo", "insta uniquement").
_ORDINARY = frozenset(
    [
        "dispo",
        "disponible",
        "uniquement",
        "seulement",
        "only",
        "ou",
        "et",
        "pour",
        "par",
        "sur",
        "avec",
        "sans",
        "aussi",
        "que",
        "qui",
        "priv",
        "prive",
        "privee",
        "direct",
        "directement",
        "svp",
        "stp",
        "merci",
        "si",
        "pas",
        "plus",
        "ici",
        "la",
        "le",
        "les",
        "un",
        "une",
        "des",
        "de",
        "du",
        "mon",
        "ma",
        "mes",
        "ton",
        "ta",
        "tes",
        "son",
        "sa",
        "ses",
        "me",
        "moi",
        "toi",
        "nous",
        "vous",
        "en",
        "dm",
        "mp",
        "msg",
        "message",
        "messages",
        "sms",
        "appel",
        "appels",
        "tel",
        "contact",
        "contacter",
        "ajoute",
        "ajouter",
        "ajoutez",
        "add",
        "follow",
        "suis",
        "suivre",
        "suit",
        "story",
        "snap",
        "snapchat",
        "insta",
        "instagram",
        "telegram",
        "tg",
        "ig",
        "sc",
        "whatsapp",
        "signal",
        "wa",
        "then",
        "and",
        "or",
        "to",
        "me",
        "my",
        "the",
        "pseudo",
        "compte",
        "id",
        "lien",
        "link",
        "profil",
        "bio",
        "photo",
        "photos",
        "video",
        "videos",
        "dans",
        "au",
        "aux",
        "a",
        "est",
        "c",
        "cest",
        "rdv",
        "dispos",
        "premium",
        "vip",
        "gratuit",
        "free",
        "envoie",
        "envoyer",
        "ecris",
        "ecrire",
        "ecrit",
        "demande",
        "demander",
        "infos",
        "info",
        "uniquement.",
        "juste",
        "slt",
        "salut",
        "coucou",
        "bisous",
        "bisou",
        "nouvelle",
        "nouveau",
    ]
)


def find_handles(text: str) -> list[str]:
    """Every handle named in the text as "platform:handle", lower case, in order, deduplicated."""
    lowered = text.lower()
    found: dict[str, None] = {}
    if any(hint in lowered for hint in (".me/", ".com/")):
        for pattern, platform in _LINKS:
            for match in pattern.finditer(lowered):
                found[f"{platform}:{match.group(1).rstrip('._-')}"] = None
    named_after = _names_before_platform(lowered)
    consumed = {start for start, _ in named_after}
    for keyword, tail in _mentions(lowered):
        if tail.start() in consumed and not _explicit(tail):
            continue  # "xyz sur snap dispo": the platform closes a name, it opens none
        handle = _handle(keyword, tail)
        if handle:
            found[handle] = None
    for _, handle in named_after:
        found[handle] = None
    return list(found)


# The platform after the name: "xyz_77 sur insta", "@xyz (snap)", "lea.77 on tg". Only a name
# that looks like a handle (written with "@", or holding a letter and a digit, "_" or "."), and
# is no ordinary word even read back from digits: "dispo sur snap", "24h sur snap",
# "écrivez-moi sur signal" and "c0nt4ct sur insta" name no one.
_NAME_THEN_PLATFORM = re.compile(
    r"(?<![\w.@/'’-])(@?)([a-z0-9][a-z0-9._-]{2,29})(?<![._-])"
    r"(?:\s+(?:sur|on|via)\s+|\s*\(\s*)(" + _KEYWORD.pattern + r")(?!\w|\.\w)"
)
# A part of every `_NAME_THEN_PLATFORM` match, found fast (that pattern opens with look-behinds,
# so it is tried at every character): "sur"/"on"/"via" or "(" right before a platform keyword.
_PLATFORM_AFTER_NAME = re.compile(r"(?:\s(?:sur|on|via)\s+|\(\s*)(?:" + _KEYWORD.pattern + ")")
_HANDLE_LIKE = re.compile(r"(?=.*[a-z])(?=.*[0-9._])")
_LEET = str.maketrans("013457", "oleast")


def _names_before_platform(lowered: str) -> list[tuple[int, str]]:
    """(where the platform word ends, "platform:name") for each name written before its
    platform."""
    if not any(word in lowered for word in (" sur ", " on ", " via ", "(")):
        return []
    if not _PLATFORM_AFTER_NAME.search(lowered):
        return []
    found = []
    for match in _NAME_THEN_PLATFORM.finditer(lowered):
        at, name, keyword = match.groups()
        platform = _KEYWORDS.get(keyword)
        if platform is None or platform == "whatsapp" or name.translate(_LEET) in _ORDINARY:
            continue
        if name.isdigit() or _TIME_LIKE.fullmatch(name) or not (at or _HANDLE_LIKE.match(name)):
            continue
        found.append((match.end(3), f"{platform}:{name}"))
    return found


def _explicit(tail: re.Match[str]) -> bool:
    connector, at, _ = tail.groups()
    return bool(at) or any(mark in connector for mark in ":=>→➡⇒👉")


# "@name" written alone ("DM @teddy_lyon", "contact en pv @nono94"): an account on the platform
# the post is on. Not inside an e-mail or a link, not a time ("@20h") or a bare number.
_AT_MENTION = re.compile(r"(?<![\w.@/])@([a-z0-9][a-z0-9._-]{2,29})(?![\w@])")
_TIME_LIKE = re.compile(r"\d{1,2}h\d{0,2}")


def find_mentions(text: str, handles: list[str] | None = None) -> list[str]:
    """Names of the bare "@name" mentions (no platform written before them), lower case, in
    order, deduplicated: `extract_post` reads them as accounts of the post's own source.
    `handles`: what `find_handles` found in `text`, when the caller has it already."""
    if "@" not in text:
        return []
    lowered = text.lower()
    found_handles = find_handles(text) if handles is None else handles
    named = {handle.partition(":")[2] for handle in found_handles}
    found: dict[str, None] = {}
    for match in _AT_MENTION.finditer(lowered):
        name = match.group(1).rstrip("._-")
        if (
            len(name) < 3
            or name.isdigit()
            or _TIME_LIKE.fullmatch(name)
            or name in _ORDINARY
            or name in named
        ):
            continue
        found[name] = None
    return list(found)


def _mentions(lowered: str) -> list[tuple[str, re.Match[str]]]:
    """(keyword, what follows it) for each platform keyword standing as a word."""
    mentions = []
    for start, end in leftmost_longest(_KEYWORDS_FOUND, lowered):
        before = lowered[start - 1 : start] if start else " "
        after = lowered[end : end + 1]
        if before.isalnum() or before in "_.@/" or after.isalnum() or after in "_.":
            continue
        tail = _TAIL.match(lowered, end)
        if tail:
            mentions.append((lowered[start:end], tail))
    return mentions


def _handle(keyword: str, tail: re.Match[str]) -> str | None:
    name = tail.group(3)
    platform = _KEYWORDS.get(keyword)
    if platform is None:
        return None
    name = name.rstrip("._-").lower()
    if len(name) < 3 or name.isdigit():
        return None
    explicit = _explicit(tail)
    if not explicit and (name in _ORDINARY or (name.isalpha() and keyword in _WEAK_KEYWORDS)):
        return None
    if platform == "whatsapp":  # a WhatsApp contact is a phone number, found as a phone
        return None
    return f"{platform}:{name}"


def author_handle(source: str, author: str | None) -> str | None:
    """The poster's own account as "<source>:<author>", lower case."""
    if not author or not author.strip():
        return None
    return f"{source.strip().lower()}:{author.strip().lstrip('@').lower()}"
