"""Recruitment offers in the recruiter's own sentence shapes, not only in fixed phrases.

French police and NGO reports on recruitment describe the same offer again and again: a share
of the earnings promised to the recruit ("tu gardes 60%", "70% pour toi", "on prend que 30%"),
and what the recruiter provides ("appart fourni", "logement payé", "sécu sur place", "on gère
les annonces", "on te fournit le pack"). The catalogue holds fixed phrases; these patterns hold
the shapes, with any amount or any of the things provided. They fire existing codes, so a model
trained before them reads them in the columns it knows: `recruitment.money_offer` for the share
promised, `control.housing_security` (control and recruitment) for what is provided.

Run on the matching form of the folded text (lower case, no accents, apostrophes and hyphens as
spaces), whose offsets are the post's.
"""

from __future__ import annotations

import re
from functools import cache

from sentinelle.indicators.indicator import Indicator
from sentinelle.indicators.word_gates import Required, WordGates

MONEY = "recruitment.money_offer"
PROVIDED = "control.housing_security"

_SHARE = (
    r"(?:\d{1,3}\s?%|\d{2}\s?/\s?\d{2}|la moitie|les trois quarts|\d{2,5}\s?(?:€|euros|balles))"
)
# What a recruiter provides: housing, security, transport, the ads, the clients, a phone.
_THINGS = (
    r"(?:logement|logements|appart|apparts|appartement|studio|hotel|hotels|chambre|annonces?|pub"
    r"|secu|securite|protection|transport|transports|deplacements?|trajets?|chauffeur|telephone"
    r"|tel|puce|clients?|clientele|pack|packs)"
)
# Not "inclus", "compris": an independent's "déplacement inclus" is her own price.
_PROVIDED_WORDS = (
    r"(?:fournie?s?|payee?s?|offerte?s?|assuree?s?"
    r"|(?:gere|geree|geres|gerees|faite?s?|trouvee?s?|pris en charge) par nous)"
)

_SHAPES: tuple[tuple[str, str], ...] = (
    # the share promised: "tu gardes 60%", "tu touches la moitié", "70% pour toi"
    (
        MONEY,
        r"\btu (?:gardes|garde|touches|touche|prends|recuperes|encaisses|empoches|te fais)"
        rf" (?:(?:au moins|jusqu a|minimum) )?{_SHARE}",
    ),
    (MONEY, rf"\b{_SHARE} (?:pour toi|pour vous|dans ta poche|direct pour toi)\b"),
    (
        MONEY,
        r"\bon (?:prend|garde|recupere) (?:que |seulement |juste |uniquement )?"
        r"(?:\d{1,3}\s?%|la moitie|une commission|une petite part|une part)",
    ),
    # what is provided: "appart fourni", "logement + sécu payés", "sécu sur place"
    (PROVIDED, rf"\b{_THINGS}(?: (?:\+|et|,) {_THINGS}){{0,3}} {_PROVIDED_WORDS}\b"),
    (
        PROVIDED,
        r"\b(?:secu|securite|protection) (?:sur place|24\s?h|24\s?/\s?24|assuree|garantie)\b",
    ),
    (
        PROVIDED,
        r"\bon (?:te |vous )?(?:fournit|fournis|paye|paie|gere|loge|heberge|trouve|fait)"
        r" (?:le |la |les |l |ton |ta |tes |tout |des |du )?"
        rf"{_THINGS}\b",
    ),
    (PROVIDED, rf"\bon s occupe (?:de la |du |des |de l |de tes |de ton |de ta ){_THINGS}\b"),
)
# Posters double spaces: every space of a shape stands for a run of them.
_PATTERNS = tuple((code, re.compile(shape.replace(" ", " +"))) for code, shape in _SHAPES)

# Words every match of a shape contains, shape by shape: groups of which the text must hold at
# least one word each (as a substring), else the shape is not searched (`word_gates`: one
# Aho–Corasick pass for all). Each word is part of a word or sign the shape requires, so a
# shape skipped could not have matched: `tests/indicators/test_recruitment_offer.py` checks it
# on strings sampled from each shape.
_SHARE_SIGNS = ("%", "/", "moitie", "quarts", "€", "euros", "balles")
_THINGS_WORDS = (
    "logement", "appart", "studio", "hotel", "chambre", "annonce", "pub", "secu", "protection",
    "transport", "deplacement", "trajet", "chauffeur", "tel", "puce", "client", "pack",
)  # fmt: skip
REQUIRED: Required = (
    (
        ("garde", "touche", "prend", "recupere", "encaisse", "empoche", "fais"),
        ("tu",),
        _SHARE_SIGNS,
    ),
    (("toi", "vous", "poche"), _SHARE_SIGNS),
    (("prend", "garde", "recupere"), ("%", "moitie", "commission", "part"), ("on",)),
    (("fourni", "paye", "offert", "assure", "nous"), _THINGS_WORDS),
    (("secu", "protection"), ("place", "24", "assure", "garantie")),
    (
        ("fourni", "paye", "paie", "gere", "loge", "heberge", "trouve", "fait"),
        _THINGS_WORDS,
        ("on",),
    ),
    (("occupe",), _THINGS_WORDS),
)


@cache
def _gates() -> WordGates:
    return WordGates(REQUIRED)


def recruitment_indicators(haystack: str, source: str) -> list[Indicator]:
    """The offers' shapes in the matching form `haystack`, with the words of `source` (the text
    the offsets point into) as evidence; one indicator per stretch of words."""
    if " " not in haystack:
        return []
    found: list[Indicator] = []
    for (code, pattern), may_match in zip(_PATTERNS, _gates().open(haystack), strict=True):
        if not may_match:
            continue
        for match in pattern.finditer(haystack):
            start, end = match.span()
            if not any(start < i.span[1] and i.span[0] < end for i in found if i.span):
                found.append(Indicator(code, source[start:end], (start, end)))
    return found
