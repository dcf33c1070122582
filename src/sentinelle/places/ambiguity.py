"""How much evidence free text needs before a commune name is read as the commune.

"Sens", "Tours", "Mer" or "Albert" are towns but also everyday words or first names: a post
that says "dans le sens", "vue sur mer" or signs "Albert" is not in Yonne, Loir-et-Cher or Somme.
Such a one-word name is read as a place only when written with a capital after a cue ("à Sens",
"secteur Tours", "dispo Albert") or next to a department hint ("Sens (89)"). A name made of
everyday words ("Cheval-Blanc", "Grand-Champ") needs a capital or a cue.
"""

from __future__ import annotations

import re
from enum import Enum

from sentinelle.places.gazetteer import Commune
from sentinelle.places.matchform import match_form

# A town this large is usually meant as the town even when its name is also a word
# ("Paris", "Rennes", "Limoges"), except for the words listed below.
BIG_TOWN = 50_000
# Towns of at least 2,000 inhabitants (or large) whose name is an everyday word in ads,
# in English, or a foreign city's French name, though not in the French word list.
COMMON_WORDS = frozenset(
    {
        "tours",
        "tampon",
        "grasse",
        "orange",
        "sens",
        "port",
        "possession",
        "nice",
        "lens",
        "gap",
        "die",
        "ham",
        "bias",
        "boos",
        "brains",
        "hinges",
        "pace",
        "lure",
        "nay",
        "bury",
        "isle",
        "spay",
        "sees",
        "anvers",
        "mons",
        "baden",
        "bruges",
    }
)
# Towns of at least 2,000 inhabitants named like a first name, a persona in an ad.
FIRST_NAMES = frozenset(
    {
        "nancy",
        "albert",
        "pia",
        "salome",
        "noe",
        "mathieu",
        "madeleine",
        "francois",
        "robert",
        "charly",
        "luce",
        "bram",
    }
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
# Articles of official names and their contractions after "à" and "de" ("au Mans", "du Havre").
_ARTICLE_WORDS = frozenset({"le", "la", "les", "l", "aux", "las", "los", "au", "du", "des"})
_WORD = re.compile(r"[^\W\d_]+")


class Guard(Enum):
    """The evidence a name needs in free text."""

    NONE = "none"  # "Toulouse", "Clermont-Ferrand", "Paris"
    CAPITAL = "capital"  # a capital or a cue: "Cheval-Blanc", not "cheval blanc"
    CUE = "cue"  # a capital and a cue: "à Sens", not "Sens" nor "à sens"


def main_words(key: str) -> list[str]:
    """The words of a name key after its article or contraction ("au port" -> ["port"])."""
    words = key.split(" ")
    return words[1:] if len(words) > 1 and words[0] in _ARTICLE_WORDS else words


def guard(key: str, commune: Commune) -> Guard:
    """The evidence free text needs before the matched `key` is read as `commune`."""
    words = main_words(key)
    bare = " ".join(words)
    if bare in COMMON_WORDS or bare in FIRST_NAMES or len(bare) <= SHORT_NAME:
        return Guard.CUE
    if not commune.word or (commune.population >= BIG_TOWN and len(words) == 1):
        return Guard.NONE
    return Guard.CUE if len(words) == 1 else Guard.CAPITAL


def is_cue(before: list[str]) -> bool:
    """True when the words just before a name (last one last) announce a place."""
    if not before:
        return False
    if before[-1] in CUES:
        return True
    return len(before) >= 2 and before[-1] == "de" and before[-2] in CUES_WITH_DE


def capitalized_words(text: str) -> frozenset[str]:
    """Match forms of the words written with a capital ("Sens", "SENS"): a town, not a word."""
    return frozenset(match_form(word).strip() for word in _WORD.findall(text) if word[0].isupper())


def is_capitalized(key: str, capitalized: frozenset[str]) -> bool:
    """True when the name's main word (after any article or "au", "du"...) has a capital."""
    return main_words(key)[0] in capitalized
