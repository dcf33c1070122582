"""Which commune names need a context cue before free text is taken to name them.

"Sens", "Tours", "Mer" or "Albert" are towns but also everyday words or first names: a post
that says "dans le sens", "vue sur mer" or signs "Albert" is not in Yonne, Loir-et-Cher or Somme.
Such a name is only taken as a place when written with a capital after a cue ("à Sens",
"secteur Tours", "dispo Albert"), or next to a department hint ("Sens (89)").
"""

from __future__ import annotations

import re

from sentinelle.places.gazetteer import Commune
from sentinelle.places.matchform import match_form, strip_article

# A town this large is usually meant as the town even when its name is also a word
# ("Paris", "Rennes", "Limoges"), except for the words listed below.
BIG_TOWN = 50_000
# Large towns whose name is an everyday word in French or English ads.
COMMON_WORDS = frozenset(
    {"tours", "tampon", "grasse", "orange", "sens", "port", "possession", "nice", "lens", "gap"}
)
# Towns of at least 2,000 inhabitants named like a first name, a persona in an ad.
FIRST_NAMES = frozenset(
    {"nancy", "albert", "pia", "salome", "noe", "mathieu", "madeleine", "francois", "robert"}
)
# Cues that a following ambiguous word names a place: "à", "sur", "vers", "secteur Sens"...
CUES = frozenset(
    {
        "a",
        "sur",
        "vers",
        "secteur",
        "dispo",
        "dispos",
        "disponible",
        "disponibles",
        "region",
        "proche",
        "quartier",
        "environs",
        "alentours",
        "pres",
        "ville",
    }
)
# "près de Sens", "ville de Tours": these cues are followed by "de".
CUES_WITH_DE = frozenset({"pres", "proche", "ville", "region", "secteur", "environs", "alentours"})
SHORT_NAME = 2  # "Eu": too short to trust without a cue


def needs_cue(key: str, commune: Commune) -> bool:
    """True when the matched `key` may well be a word or a first name rather than `commune`."""
    bare = strip_article(key)
    if bare in COMMON_WORDS or bare in FIRST_NAMES or len(bare) <= SHORT_NAME:
        return True
    return commune.word and commune.population < BIG_TOWN


def is_cue(before: list[str]) -> bool:
    """True when the words just before a name (last one last) announce a place."""
    if not before:
        return False
    if before[-1] in CUES:
        return True
    return len(before) >= 2 and before[-1] == "de" and before[-2] in CUES_WITH_DE


_ARTICLE_WORDS = frozenset({"le", "la", "les", "l", "aux", "las", "los", "au", "du", "des"})
_WORD = re.compile(r"[^\W\d_]+")


def capitalized_words(text: str) -> frozenset[str]:
    """Match forms of the words written with a capital ("Sens", "SENS"): a town, not a word."""
    return frozenset(match_form(word).strip() for word in _WORD.findall(text) if word[0].isupper())


def is_capitalized(key: str, capitalized: frozenset[str]) -> bool:
    """True when the name's main word (after any article or "au", "du"...) has a capital."""
    words = key.split(" ")
    main = words[1] if len(words) > 1 and words[0] in _ARTICLE_WORDS else words[0]
    return main in capitalized
