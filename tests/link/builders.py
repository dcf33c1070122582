"""Hand-built linking inputs for tests (logistics only)."""

from __future__ import annotations

import numpy as np

from sentinelle.link.config import LinkConfig
from sentinelle.link.inputs import LinkInput

# Small corpora: make "boilerplate" mean "in more than a handful of posts".
SMALL_CORPUS = LinkConfig(boilerplate_floor=6, boilerplate_share=0.0)


def link_input(posts: list[dict]) -> LinkInput:
    """Posts given as dicts with any of text, phones, handles, phashes, city, author."""
    count = len(posts)
    return LinkInput(
        post_pk=np.arange(1, count + 1, dtype=np.int64),
        texts=[p.get("text", "") for p in posts],
        phones=[p.get("phones", []) for p in posts],
        handles=[p.get("handles", []) for p in posts],
        phashes=[p.get("phashes", []) for p in posts],
        authors=[p.get("author") for p in posts],
    )


WORDS = (
    "appartement",
    "calme",
    "proche",
    "gare",
    "parking",
    "facile",
    "ascenseur",
    "quartier",
    "tranquille",
    "rendez-vous",
    "veille",
    "horaires",
    "souples",
    "semaine",
    "matin",
    "soir",
    "centre",
    "nord",
    "sud",
    "est",
    "ouest",
    "acces",
    "rapide",
    "tram",
    "metro",
    "bus",
    "ligne",
    "arret",
    "place",
    "rue",
    "avenue",
    "boulevard",
    "residence",
    "etage",
    "code",
    "porte",
)


def own_words(seed: int, count: int = 10) -> str:
    """A poster's own wording: words drawn for this poster only."""
    rng = np.random.default_rng(seed)
    return " ".join(f"{w}{rng.integers(1000)}" for w in rng.choice(WORDS, size=count))


def boilerplate_posters(count: int, start: int = 0) -> list[dict]:
    """Independent posters, each with their own phone, all using the same stock phrases."""
    return [
        {
            "text": f"Bonjour, dispo 7j/7, discrète, pas de sms. {own_words(start + i, 3)}",
            "phones": [f"+3361100{start + i:04d}"],
        }
        for i in range(count)
    ]
