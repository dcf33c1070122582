"""Third-party control said in the poster's own sentence shapes, not only in fixed phrases.

Police and NGO reports on pimping describe the same few arrangements again and again: someone
else answers the phone or takes the bookings ("c'est Kevin qui répond", "mon mec gère",
"appelez Sam pour rdv"), someone else sets the schedule ("le planning est fait par mon boss"),
someone else takes a share ("on partage avec mon agent"), someone else drives the person
("le chauffeur me dépose"), or the client may not deal with the person herself ("pas de
négociation avec moi"). The catalogue's terms hold fixed phrases; these patterns hold the shapes,
with any helper noun or first name in the middle. An independent adult's own words ("je gère
moi-même", "c'est moi qui réponds") have no third party in them and match none of them.

Run on the matching form of the folded text (lower case, no accents, apostrophes and hyphens as
spaces), whose offsets are the post's.
"""

from __future__ import annotations

import re
from functools import cache

from sentinelle.indicators.indicator import Indicator
from sentinelle.indicators.word_gates import Required, WordGates

CODE = "control.explicit_third_party"

# Who may stand for the person: a helper noun, with or without a possessive.
_HELPER = (
    r"(?:manager|manageur|agent|ami|pote|mec|copain|gars|cousin|frere|boss|patron|patronne"
    r"|homme|chauffeur|associe|gerant|gerante|secretaire|responsable|protecteur|daron|keum"
    r"|booker|tante|oncle|assistant|assistante)"
)
# Close relations: a friend or a sister "with" her is no third party, so they count only where
# they answer or take the bookings for her
_CLOSE = r"(?:amie|copine|soeur|cousine)"
_BOOKS = (
    r"(?:repond(?:s|ent)?|decroche"
    r"|(?:gere|s occupe de|s occupe des|prend) (?:mes |les |mon |tous les )?"
    r"(?:rdv|rendez vous|reservations?|resas?|appels|messages|planning|agenda|clients)\b)"
)
_OWNER = r"(?:mon |ma |notre |le |la |l )"  # with its space
# What the third party does for her: answers, books, manages, takes the calls or the money.
_DOES = (
    r"(?:gere|repond(?:s|ent)?"
    r"|prend (?:les|mes|tes|vos) (?:appels|rdv|rendez vous|reservations|resas)"
    r"|s occupe (?:de tout|des|de mes|de la)|fixe|organise|encaisse|recupere l argent"
    r"|garde l argent|fait le planning|fait les rdv|prend sa part|prend la moitie)"
)
_NOT_HER = frozenset({"moi", "nous", "je", "elle", "toi", "vous", "ca", "pas", "ce", "qui"})

_SHAPES = (
    # "mon mec gère", "mon ami gère les rendez-vous", "le chauffeur répond"
    rf"\b{_OWNER}{_HELPER} (?:qui )?{_DOES}\b",
    # "ma soeur gère mon planning", "c'est ma copine qui s'occupe des réservations"
    rf"\b(?:c est )?(?:ma|notre) {_CLOSE} (?:qui )?{_BOOKS}",
    # "c'est mon manager qui répond", "c'est Kevin qui gère les rdv"
    rf"\bc est (?:{_OWNER})?(?P<who>[a-z]+) qui (?:{_DOES})\b",
    # "le planning est fait par mon boss", "rdv fixés par l'agence"
    (
        r"\b(?:fait|faits|fixe|fixes|gere|geres|organise|tenu|impose|imposes|decide|valide"
        r"|fourni|fournie|paye|payee|loue|louee)"
        rf" par {_OWNER}(?:{_HELPER}|agence|secretariat|standard)\b"
    ),
    # "on partage 50/50 avec mon agent", "moitié pour mon mec", "je reverse à mon manager"
    (
        r"\b(?:partage|partageons|moitie|pourcentage|commission|reverse|je donne)"
        rf"(?: [a-z0-9/%]+){{0,3}} (?:avec|pour|a) (?:mon|ma|notre) {_HELPER}\b"
    ),
    # "appelez Kevin pour rdv", "voir avec mon pote pour réserver"
    (
        r"\b(?:appele[rz]?|appelle|contacte[rz]?|demande[rz]?|voir avec|voyez avec|passe[rz]? par"
        r"|adresse[rz] vous a) (?:(?P<owned>(?:mon|ma|notre|le|la) "
        + _HELPER
        + r")|(?P<name>[a-z]+))"
        r" (?:pour|au|qui) (?:rdv|rendez vous|reserver|les rdv|la reservation|telephone|repond)\b"
    ),
    # someone answers for her: "un ami répond pour moi", "ce n'est pas moi au téléphone"
    (
        rf"\b(?:{_OWNER}{_HELPER}|quelqu un|une amie|un ami|une copine) (?:repond|decroche"
        r"|prend les appels|prend les rdv|gere les messages) (?:pour moi|a ma place)\b"
    ),
    (
        r"\b(?:ce n est pas|c est pas|ce n est jamais) moi"
        r" (?:qui repond|qui reponds|qui decroche|au telephone|au tel)\b"
    ),
    # bookings through a helper: "rdv à prendre avec mon agent", "prise de rdv via mon manager"
    (
        r"\b(?:rdv|rendez vous|reservations?|resas?|prise de rdv|planning|bookings?|contacts?)"
        r" (?:a prendre |a fixer |uniquement |seulement |se prennent |se fait |se font )?"
        rf"(?:avec|via|aupres de|par|through|with) (?:{_OWNER}|my |our ){_HELPER}\b"
    ),
    # her earnings shared: "je reverse 40% à", "la moitié va à mon mec", "30% pour l'agence"
    (
        r"\bje (?:reverse|donne|laisse|rends)"
        r" (?:\d+\x20?%|la moitie|une partie|une part|un pourcentage)"
        r" (?:de ce que je gagne |de mes gains |des gains )?(?:a|au|pour)\b"
    ),
    (
        r"\b(?:\d+\x20?%|la moitie|une partie|une part) (?:de mes gains |de ce que je gagne )?"
        r"(?:va|revient|part|est reversee?) (?:a|au|pour) (?:mon|ma|notre|le|la|l)\b"
    ),
    rf"\b(?:\d+\x20?%|la moitie|une part) pour (?:l agence|{_OWNER}{_HELPER})\b",
    # "je garde 50%, le reste va à celui qui gère"
    (
        r"\bje (?:garde|touche) (?:\d+\x20?%|la moitie) (?:[a-z0-9]+ ){0,3}"
        r"(?:le reste|l autre moitie)\b"
    ),
    # housing provided against a share: "logée contre une part", "hébergée par mon patron"
    (
        r"\b(?:je suis |suis )?(?:logee|hebergee|nourrie logee|logee nourrie)"
        rf" (?:par {_OWNER}{_HELPER}|contre (?:(?:une|un|la|le) (?:part|partie|pourcentage"
        r"|commission|moitie)|\d+\x20?%))"
    ),
    r"\bon me (?:loge|fournit l appart|paye l hotel|paie l hotel|prend une part)\b",
    # "le chauffeur me dépose", "mon chauffeur m'amène"
    rf"\b{_OWNER}chauffeur (?:me|m) ?(?:depose|amene|conduit|recupere|emmene)\b",
    # "pas de négociation avec moi": the client deals with someone else
    r"\b(?:pas de|aucune) negociation (?:avec moi|avec la fille|avec les filles)\b",
    # English: "my boyfriend handles bookings", "my driver drops me"
    (
        r"\b(?:my|our) (?:manager|agent|boyfriend|bf|friend|driver|daddy|boss|booker)"
        r" (?:handles|answers|books|takes|manages|sets|drops|picks)\b"
    ),
    # "my agency handles bookings": an agency, an assistant or a team only for the bookings
    (
        r"\b(?:my|our) (?:agency|assistant|team) (?:handles|answers|books|takes|manages|sets)"
        r" (?:my |the |all |your )?(?:bookings?|calls|appointments|messages|phone)\b"
    ),
)
# Posters double spaces: every space of a shape stands for a run of them.
_PATTERNS = tuple(re.compile(shape.replace(" ", " +")) for shape in _SHAPES)

# Words every match of a shape contains, shape by shape: for each shape, groups of which the
# text must hold at least one word each (as a substring), else the shape is not searched. Most
# posts hold none of the words of most shapes, and a substring test costs a fraction of a
# regex scan. Each word is part of a word the shape requires (a helper noun, a verb), so a
# shape skipped could not have matched: `tests/indicators/test_third_party.py` checks it.
_HELPER_WORDS = (
    "manage", "agent", "ami", "pote", "mec", "copain", "gars", "cousin", "frere", "boss",
    "patron", "homme", "chauffeur", "associe", "gerant", "secretaire", "responsable",
    "protecteur", "daron", "keum", "booker", "tante", "oncle", "assistant",
)  # fmt: skip
_DOES_WORDS = (
    "gere", "repond", "prend", "occupe", "fixe", "organise", "encaisse", "recupere", "garde",
    "fait",
)  # fmt: skip
_SHARE_WORDS = ("%", "moitie", "part")
REQUIRED: Required = (
    (_HELPER_WORDS, _DOES_WORDS),
    (("amie", "copine", "soeur", "cousine"), ("repond", "decroche", "gere", "occupe", "prend")),
    (("qui",), _DOES_WORDS),
    (
        ("par",),
        (
            "fait",
            "fixe",
            "gere",
            "organise",
            "tenu",
            "impose",
            "decide",
            "valide",
            "fourni",
            "paye",
            "loue",
        ),
    ),
    (("partage", "moitie", "pourcentage", "commission", "reverse", "donne"), _HELPER_WORDS),
    (
        ("appel", "contacte", "demande", "avec", "passe", "adresse"),
        ("rdv", "rendez", "reserv", "telephone", "repond"),
    ),
    (("repond", "decroche", "prend", "gere"), ("moi", "place")),
    (("moi",), ("repond", "decroche", "tel")),
    (("rdv", "rendez", "reservation", "resa", "planning", "booking", "contact"), _HELPER_WORDS),
    (("reverse", "donne", "laisse", "rends"),),
    (_SHARE_WORDS,),
    (_SHARE_WORDS, ("pour",)),
    (("garde", "touche"), ("%", "moitie"), ("reste", "moitie")),
    (("logee", "hebergee"),),
    (("loge", "fournit", "paye", "paie", "prend"),),
    (("chauffeur",),),
    (("negociation",),),
    (("handles", "answers", "books", "takes", "manages", "sets", "drops", "picks"),),
    (("agency", "assistant", "team"), ("booking", "calls", "appointment", "messages", "phone")),
)


@cache
def _gates() -> WordGates:
    return WordGates(REQUIRED)


def _accepted(match: re.Match) -> bool:
    """A named third party must be a first name or a helper noun, never the poster herself."""
    from sentinelle.link.personas import is_first_name  # linking's list, loaded on first use

    groups = match.groupdict()
    who = groups.get("who")
    if who is not None and (
        who in _NOT_HER or not (is_first_name(who) or re.fullmatch(_HELPER, who))
    ):
        return False
    name = groups.get("name")
    return name is None or (name not in _NOT_HER and is_first_name(name))


def third_party_indicators(haystack: str, source: str) -> list[Indicator]:
    """`control.explicit_third_party` for each third-party shape in the matching form
    `haystack`, with the words of `source` (the text the offsets point into) as evidence."""
    if " " not in haystack:
        return []
    found: list[Indicator] = []
    for pattern, may_match in zip(_PATTERNS, _gates().open(haystack), strict=True):
        if not may_match:
            continue
        for match in pattern.finditer(haystack):
            start, end = match.span()
            if _accepted(match) and not any(
                start < i.span[1] and i.span[0] < end for i in found if i.span
            ):  # one reason, shown once: the earlier (more specific) shape keeps its words
                found.append(Indicator(CODE, source[start:end], (start, end)))
    return found
