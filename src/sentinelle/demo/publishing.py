"""Turning written text into contract posts: ids, stamps, urls, site metadata, re-publications.

Everything here is about how a site presents a post, not what the post says.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sentinelle.demo.clock import MONTHS_EN, MONTHS_FR, WEEKDAYS_EN, WEEKDAYS_FR, parts, timestamp
from sentinelle.demo.communes import Commune
from sentinelle.text.normalize import strip_accents

_REPOST_PREFIXES = ("UP ", "⬆️ ", "[MAJ] ", "Re-", "🔝 ", "")
_REPOST_SUFFIXES = (
    " (toujours dispo)", " - encore là", " ✨", "\nMise à jour", " !!", "\nToujours présente",
    " (annonce remontée)", "",
)  # fmt: skip
_ARRONDISSEMENTS = {"Paris": ("750", 20), "Marseille": ("130", 16), "Lyon": ("6900", 9)}


@dataclass(slots=True)
class Draft:
    """A post and its truth, with the moment it was posted (for ordering the corpus)."""

    day: int
    minute: int
    post: dict
    truth: dict


class Publisher:
    """Hands out post ids (unique per source across the corpus) and site metadata.

    `first` is the block's offset in the corpus, so blocks never hand out the same id.
    """

    def __init__(self, first: int = 0) -> None:
        self.count = first

    def post_id(self, source: str, social: bool) -> str:
        self.count += 1
        if social:
            # a bijection of the counter modulo a prime: unique, but not sequential-looking
            return f"{(self.count * 48_271) % 2_147_483_647:x}"
        return str(1_000_000 + self.count)

    def frame(
        self, rng: random.Random, source: str, kind: str, day: int, minute: int, social: bool
    ) -> dict:
        """The post's envelope (text, title, author, city filled in by the caller)."""
        post_id = self.post_id(source, social)
        post = {
            "id": post_id,
            "source": source,
            "kind": kind,
            "text": "",
            "posted_at": timestamp(day, minute),
        }
        if rng.random() < 0.9:
            path = "p" if social else rng.choice(("annonce", "a", "ad"))
            post["url"] = f"https://{source}.example/{path}/{post_id}"
        return post


def add_extras(rng: random.Random, post: dict) -> None:
    """Unknown fields now and then, as real exports carry them."""
    roll = rng.random()
    if roll < 0.04:
        post["views"] = rng.randint(3, 5000)
    elif roll < 0.055:
        post["premium"] = rng.random() < 0.5
    elif roll < 0.06:
        post["lang"] = "fr"


def city_in_text(rng: random.Random, place: Commune) -> str:
    """A commune as people type it: mostly right, sometimes without accents or hyphens."""
    roll = rng.random()
    name = place.name
    if roll < 0.7:
        return name
    if roll < 0.8:
        return strip_accents(name)
    if roll < 0.88:
        return name.lower()
    if roll < 0.94:
        return name.replace("Saint-", "St-").replace("-", " ")
    return name.upper()


def city_metadata(rng: random.Random, place: Commune) -> str | None:
    """The site's `city` field: usually there, written the site's way."""
    roll = rng.random()
    if roll < 0.12:
        return None
    if roll < 0.6:
        return place.name
    if roll < 0.75:
        return f"{place.name} ({place.department})"
    if roll < 0.85:
        return f"{place.department} - {place.name}"
    if roll < 0.93:
        return strip_accents(place.name).lower()
    return place.name.upper()


def postcode(rng: random.Random, place: Commune) -> str:
    """A postcode of the commune (an arrondissement's for Paris, Marseille, Lyon)."""
    if place.name in _ARRONDISSEMENTS:
        stem, count = _ARRONDISSEMENTS[place.name]
        return f"{stem}{rng.randint(1, count):0{5 - len(stem)}d}"
    return place.postcode or place.department


def dates_phrase(rng: random.Random, first: int, last: int, today: int, english: bool) -> str:
    """How an ad says how long the author stays ("du 12 au 18 mars", "jusqu'au 18/03")."""
    _, m1, d1, _ = parts(first)
    _, m2, d2, wd2 = parts(last)
    if english:
        return rng.choice(
            (f"from {d1} to {d2} {MONTHS_EN[m2 - 1]}", f"until {d2:02d}/{m2:02d}",
             f"until {WEEKDAYS_EN[wd2]}", "this week", "for a few days", "")
        )  # fmt: skip
    month = MONTHS_FR[m2 - 1]
    choices = [
        f"du {d1} au {d2} {month}" if m1 == m2 else f"du {d1} {MONTHS_FR[m1 - 1]} au {d2} {month}",
        f"du {d1:02d}/{m1:02d} au {d2:02d}/{m2:02d}", f"jusqu'au {d2:02d}/{m2:02d}",
        f"jusqu'au {d2} {month}", "cette semaine", "pour quelques jours", "",
    ]  # fmt: skip
    if last - today < 7:
        choices.append(f"jusqu'à {WEEKDAYS_FR[wd2]}")
    return rng.choice(choices)


def weekday(ordinal: int, english: bool) -> str:
    return (WEEKDAYS_EN if english else WEEKDAYS_FR)[parts(ordinal)[3]]


def repost(rng: random.Random, draft: Draft, later: int) -> Draft:
    """The same post re-published `later` days on: same source and id, text slightly changed."""
    post = dict(draft.post)
    post["text"] = rng.choice(_REPOST_PREFIXES) + post["text"] + rng.choice(_REPOST_SUFFIXES)
    if post["text"] == draft.post["text"]:
        post["text"] += " ⬆️"
    day = draft.day + later
    minute = rng.randint(8 * 60, 23 * 60 + 59)
    post["posted_at"] = timestamp(day, minute)
    return Draft(day, minute, post, draft.truth)
