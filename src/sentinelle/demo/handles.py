"""Messaging handles and account names, and the ways ads write them ("snap: x", "👻 x", "t.me/x").

Handles are unique across the corpus (a platform handle belongs to one account), so a shared
handle in the truth always means a shared actor.
"""

from __future__ import annotations

import random
from typing import Protocol

from sentinelle.text.normalize import strip_accents

PLATFORMS = ("snapchat", "telegram", "instagram", "signal")

_WRITTEN = {
    "snapchat": (
        "snap: {h}", "snap {h}", "👻 {h}", "👻: {h}", "sc @{h}", "sc: {h}", "snapchat: {h}",
        "mon snap {h}", "Snap 👉 {h}", "SNAP : {h}",
    ),
    "telegram": ("t.me/{h}", "telegram @{h}", "tg: @{h}", "télégram: {h}", "https://t.me/{h}"),
    "instagram": ("insta {h}", "insta: @{h}", "ig @{h}", "instagram.com/{h}", "📸 insta @{h}"),
    "signal": ("signal: {h}", "signal {h}", "Signal 👉 {h}"),
}  # fmt: skip
_WRITTEN_EN = {
    "snapchat": ("snap: {h}", "👻 {h}", "add me on snap {h}", "sc: {h}"),
    "telegram": ("t.me/{h}", "telegram @{h}", "tg: @{h}"),
    "instagram": ("insta @{h}", "ig: @{h}", "instagram.com/{h}"),
    "signal": ("signal: {h}",),
}  # fmt: skip
_PREFIXES = ("miss_", "la_", "its", "real_", "mlle", "")
_BOOKING = ("resa", "booking", "rdv", "agence", "vip", "planning", "contact", "secretariat")


def ascii_name(name: str) -> str:
    """A first name as it can appear in a handle ("Maëlys" -> "maelys")."""
    return strip_accents(name).lower().replace(" ", "").replace("'", "")


class Tags(Protocol):
    """Where handle numbers come from: a slice of numbers no other part of the corpus uses."""

    handles: set[str]
    authors: set[str]

    def tag(self, rng: random.Random) -> int: ...


def new_handle(rng: random.Random, tags: Tags, stem: str, platform: str) -> str:
    """An unused handle built on `stem` (a persona's name or a booking word).

    Every handle ends in a tag number, which makes it unique across the corpus.
    """
    # what each platform allows: no "." on Telegram, "-" only on Snapchat
    dot = "_" if platform == "telegram" else "."
    sep = rng.choice(("_", "_", dot, "", "-" if platform == "snapchat" else "_"))
    while True:
        tag = tags.tag(rng)
        shape = rng.random()
        if platform == "signal":
            handle = f"{stem}.{tag:02d}"
        elif shape < 0.55:
            handle = f"{stem}{sep}{tag:02d}"
        elif shape < 0.8:
            handle = f"{rng.choice(_PREFIXES)}{stem}{tag:02d}"
        else:
            handle = f"{stem}{sep}{rng.choice(('off', 'xx', 'dispo', 'vip', 'new'))}{tag:02d}"
        key = f"{platform}:{handle.lower()}"
        if len(handle) >= 5 and key not in tags.handles:
            tags.handles.add(key)
            return handle


def booking_stem(rng: random.Random) -> str:
    """The stem of a group's shared booking handle ("resa", "agence"...)."""
    return rng.choice(_BOOKING)


def written_handle(rng: random.Random, platform: str, handle: str, english: bool = False) -> str:
    """How an ad writes the handle."""
    forms = (_WRITTEN_EN if english else _WRITTEN)[platform]
    return rng.choice(forms).format(h=handle)


def whatsapp_link(rng: random.Random, e164: str) -> tuple[str, str]:
    """A wa.me link for a number and the handle it stands for: the digits as the link writes
    them, as the extractor does ("whatsapp:33612345678")."""
    digits = e164[1:]
    return rng.choice(
        ("wa.me/", "https://wa.me/", "whatsapp: wa.me/")
    ) + digits, f"whatsapp:{digits}"


def new_author(rng: random.Random, tags: Tags, source: str, stem: str) -> str:
    """An account name on a site, unique on that site (case kept; the truth lower-cases it)."""
    while True:
        tag = tags.tag(rng)
        shape = rng.random()
        if shape < 0.4:
            author = f"{stem.capitalize()}{tag}"
        elif shape < 0.7:
            author = f"{stem}_{tag}"
        else:
            word = rng.choice(("new", "dispo", "off", "annonces", "fr"))
            author = f"{stem.capitalize()}-{word}{tag}"
        key = f"{source}:{author.lower()}"
        if key not in tags.authors:
            tags.authors.add(key)
            return author
