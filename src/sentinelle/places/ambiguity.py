"""How much evidence free text needs before a commune name is read as the commune.

"Sens", "Tours", "Mer" or "Albert" are towns but also everyday words or first names: a post
that says "dans le sens", "vue sur mer" or signs "Albert" is not in Yonne, Loir-et-Cher or Somme.
The evidence: a department hint next to the name ("Sens (89)"), a capital that does not merely
start a sentence or a line ("je passe par Tours"), or a cue before it ("à Sens", "secteur Tours").
"""

from __future__ import annotations

import re
from enum import Enum

from sentinelle.places.gazetteer import Commune
from sentinelle.places.matchform import match_form

# A town this large is usually meant as the town even when its name is also a word
# ("Paris", "Rennes", "Limoges"), except for the words listed below.
BIG_TOWN = 50_000
# A town this large, named like a word, is the town when its name has a capital mid-sentence.
TOWN = 20_000
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
# Words whose capital says nothing ("mon forfait Orange", a mobile operator).
BRANDS = frozenset({"orange"})
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
        # English ads: "based in Tours", "near Sens"
        "in",
        "near",
        "around",
    }
)
# Cues too common before plain words to name a town written in lower case ("in nice weather").
WEAK_CUES = frozenset({"in", "near", "around"})
# "près de Sens", "ville de Tours": these cues are followed by "de".
CUES_WITH_DE = frozenset({"pres", "proche", "ville", "region", "secteur", "environs", "alentours"})
# Words that make a phrase of "à" and a word-like town name ("à tours de rôle", "à sens unique").
PHRASE_CONTINUATIONS = frozenset(
    {"de", "du", "des", "d", "unique", "inverse", "contraire", "interdit"}
)
SHORT_NAME = 2  # "Eu": too short to trust without a cue
# Articles of official names and their contractions after "à" and "de" ("au Mans", "du Havre").
_ARTICLE_WORDS = frozenset({"le", "la", "les", "l", "aux", "las", "los", "au", "du", "des"})
_WORD = re.compile(r"[^\W\d_]+")


class Guard(Enum):
    """The evidence a name needs in free text (besides a department hint, always enough)."""

    NONE = "none"  # "Toulouse", "Clermont-Ferrand", "Paris"
    PHRASE = "phrase"  # any capital or a cue: "Cheval-Blanc", "dispo cheval blanc"
    CAPITAL = "capital"  # a mid-sentence capital, or a capital and a cue: "par Tours", "A TOURS"
    CUE = "cue"  # a capital and a cue: "à Mer", "dispo Albert"; not "à mer", "Albert,"


def main_words(key: str) -> list[str]:
    """The words of a name key after its article or contraction ("au port" -> ["port"])."""
    words = key.split(" ")
    return words[1:] if len(words) > 1 and words[0] in _ARTICLE_WORDS else words


def guard(key: str, commune: Commune) -> Guard:
    """The evidence free text needs before the matched `key` is read as `commune`."""
    words = main_words(key)
    bare = " ".join(words)
    if bare in FIRST_NAMES or bare in BRANDS or len(bare) <= SHORT_NAME:
        return Guard.CUE
    if bare in COMMON_WORDS:
        return Guard.CAPITAL
    if not commune.word:
        return Guard.NONE
    if len(words) > 1:
        return Guard.PHRASE
    if commune.population >= BIG_TOWN:
        return Guard.NONE
    return Guard.CAPITAL if commune.population >= TOWN else Guard.CUE


def satisfied(
    needed: Guard, written: Capital, sentence_start: bool, cued: bool, strong: bool = False
) -> bool:
    """True when the evidence around a name is enough for its guard.

    `written` is how its main word is written in the post, `sentence_start` whether it opens
    a sentence or a line (so its capital may only be the sentence's), `cued` whether a cue or a
    place in a list comes just before it, `strong` whether that cue is more than "à" (which
    also starts phrases: "à tours de rôle", "à sens unique").
    """
    titled = written is Capital.TITLE and not sentence_start
    if needed is Guard.NONE:
        return True
    if needed is Guard.PHRASE:
        return written is not Capital.NONE or cued
    if needed is Guard.CAPITAL:
        return titled or (cued and (written is not Capital.NONE or strong))
    return written is not Capital.NONE and cued


def is_strong_cue(before: list[str], after: list[str]) -> bool:
    """True for a cue that names a town even in lower case: "sur gap", "à tours." or "à nice,".

    "à" is strong unless the words after it make a phrase of it: "à tours de rôle",
    "à sens unique".
    """
    if not is_cue(before) or before[-1] in WEAK_CUES:
        return False
    return before[-1] != "a" or not after or after[0] not in PHRASE_CONTINUATIONS


def is_cue(before: list[str]) -> bool:
    """True when the words just before a name (last one last) announce a place."""
    if not before:
        return False
    if before[-1] in CUES:
        return True
    return len(before) >= 2 and before[-1] == "de" and before[-2] in CUES_WITH_DE


class Capital(Enum):
    """How a word is written in a post."""

    NONE = "none"  # "sens", or not found
    UPPER = "upper"  # "SENS": the whole post may be in capitals
    TITLE = "title"  # "Sens"


def capitals(text: str) -> dict[str, Capital]:
    """Match form of each word written with a capital -> how (the title form wins)."""
    found: dict[str, Capital] = {}
    for word in _WORD.findall(text):
        if word[0].isupper():
            form = match_form(word).strip()
            upper = word.isupper() and len(word) > 1
            if not upper or form not in found:
                found[form] = Capital.UPPER if upper else Capital.TITLE
    return found


def written(key: str, capitalized: dict[str, Capital]) -> Capital:
    """How the name's main word (after any article or "au", "du"...) is written in the post."""
    return capitalized.get(main_words(key)[0], Capital.NONE)
