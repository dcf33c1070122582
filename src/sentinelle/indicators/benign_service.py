"""Pupils and students offering a benign service: their school level is not a minor cue.

"Élève de 3e, je donne des cours de maths", "lycéenne dispo pour baby-sitting", "collégienne,
je promène vos chiens": a school level, a youth word or a school mention says who the poster
is, and a pupil may offer tutoring, childcare or pet care. The research behind the minor cues
(school-age victims, contact after class) is about ads of the escort and dating kind; read in a
tutoring ad the same words flagged about half of a held-out corpus's pupils as minors in sex
ads. So in a post that offers (or seeks) such a service and shows nothing of the escort or
dating kind, the youth cues are set aside and the service is named as context instead. A wage
by the hour (under 30 € an hour: a pupil's 8-15 €) names the service when the words do not: an
ad of the escort kind never asks so little.

What the escort or dating kind shows, and a pupil's service ad does not: escort, control or
recruitment indicators (not housing offered: a seasonal job or an au pair is "logée nourrie");
a meeting price (an amount of 60 or more not per day, week or month, or any price per
minutes); meeting logistics ("je reçois", "hôtel", "discrète", "la rencontre", "messieurs").
Movement language ("de passage") is not read: it is context only in the catalogue. A pupil's
own stated age under 18 is set aside too ("lycéenne, j'ai 16 ans, je garde vos enfants"): in a
post of the escort kind it always decides `minor`, here it says who offers the service (two
authors of held-out corpora, writing apart, counted every such flag a false positive; the
issue's target is 2 % at most). The age stays extracted and shown on the post's page.

Run on the matching form of the folded text (lower case, no accents, apostrophes and hyphens
as spaces), whose offsets are the post's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sentinelle.indicators.indicator import Indicator
from sentinelle.records import Extraction

CODE = "benign.service"
# The cues set aside in a benign service ad: who the poster is, not whom an ad offers.
YOUTH_CUES = frozenset({"youth.language", "youth.school", "youth.school_level", "youth.emoji"})
# A pupil's own age stated in such an ad says who offers the service, as her school level does
STATED_MINOR = "age.stated_minor"

_WHOSE = r"(?:(?:de |d |des |du |les |vos |tes |votre |ton |ta |mes |leurs? )?)"
_SUBJECTS = (
    r"(?:maths?|mathematiques|francais|anglais|espagnol|allemand|italien|chinois|arabe|latin"
    r"|physique|chimie|svt|histoire|geo|geographie|philo|philosophie|eco|economie|piano|guitare"
    r"|violon|solfege|musique|chant|informatique|code|programmation|dessin|couture|natation)"
)
_SERVICES = (
    # tutoring and homework help
    r"\b(?:donne|donner|propose|proposer|offre|je fais) (?:des |du |de l )?"
    r"(?:cours|soutien|aide aux devoirs|aide scolaire|tutorat)\b",
    rf"\bcours (?:particuliers? |de soutien )?(?:de |d |en ){_SUBJECTS}\b",
    r"\bcours particuliers?\b",
    r"\bsoutien (?:scolaire|en [a-z]+)\b",
    r"\baide (?:aux|pour les|a faire (?:les|tes|vos)|avec les) devoirs\b",
    r"\baide scolaire\b",
    r"\btutorat\b",
    r"\b(?:tutoring|homework help|help with homework|math tutor|maths tutor|private lessons)\b",
    # childcare
    r"\bbaby\s?sit(?:ting|ter|teuse|ters|teuses)?\b",
    rf"\bgard(?:e|er|erai|erais|ons|ez) {_WHOSE}(?:enfants?|petits|bebes?|loulous|bambins)\b",
    r"\bgarde d enfants\b",
    r"\bgardes? (?:apres l ecole|periscolaire|a domicile|partagee|du soir|du mercredi)\b",
    r"\bnounou\b",
    r"\bsorties? (?:d|de l) ecole\b",
    r"\bau pair\b",
    r"\b(?:childcare|child care|nanny|nannying)\b",
    # pet care
    r"\bpet\s?sitt(?:ing|er|eur|euse)\b",
    r"\bdog\s?(?:sitting|sitter|walking|walker)\b",
    rf"\bgard(?:e|er|erai|erais|ons|ez) {_WHOSE}(?:animaux|chiens?|chats?|lapins?|hamsters?)\b",
    rf"\bpromen(?:e|er|erai|ons|ez|ade|ades) {_WHOSE}(?:chiens?|toutous?|animaux)\b",
    rf"\bnourrir {_WHOSE}(?:chats?|animaux|poissons)\b",
    # a service to the reader's child, pet, plants or car: no sex ad offers these
    (
        r"\b(?:pour|avec|a|aider|garder|gardes?|occuper de|m occupe de|m occuper de) "
        r"(?:votre|vos|ton|tes) (?:enfants?|ados?|fils|filles|petits?|loulous|bambins|bebes?"
        r"|chiens?|chats?|animaux|lapins?|plantes)\b"
    ),
    r"\bfaire reviser\b",
    r"\breviser (?:le |son |ton |leur )?(?:brevet|bac)\b",
    rf"\bconversation en {_SUBJECTS}\b",
    r"\blav(?:e|er|age) (?:de |des )?(?:votre |vos |ta |tes )?voitures?\b",
    # other small jobs pupils ask or offer: watering, gardening, an internship
    rf"\barros(?:er|e|age) {_WHOSE}plantes\b",
    r"\btond(?:re|s) (?:la |votre |ta )?pelouse\b",
    r"\b(?:cherche|recherche) (?:un |mon )?stage\b",
    # not "petits boulots" (a recruiter's euphemism too) nor "ménage à trois"
    r"\bjobs? (?:d ete|de vacances)\b",
    r"\b(?:faire|fais|je fais|propose|aide pour|aide a|aide au) (?:le |du |votre |vos |de )?"
    r"(?:menage(?! a )|repassage|jardinage|bricolage|demenagement|courses|vitres|desherbage)\b",
    r"\b(?:ramass(?:er|e|age) (?:les |des |vos )?feuilles|sortir (?:les |vos )?poubelles"
    r"|deneig(?:er|ement)|distribu(?:er|tion) (?:de |des )?(?:flyers|prospectus|journaux))\b",
    r"\b(?:vendanges|cueillette|aide informatique|cours d informatique)\b",
    r"\b(?:pour|chez) (?:les )?(?:personnes agees|seniors|vos parents|vos grands parents)\b",
    r"\bstage (?:d |de )(?:observation|3e|3eme|troisieme|seconde|2nde)\b",
)
_SERVICE_SOURCE = "|".join(f"(?:{shape})" for shape in _SERVICES).replace(" ", " +")
_SERVICE = re.compile(_SERVICE_SOURCE)
# Posters stretch and double letters ("Soutiennn scolairee", "baby-siiting"): the shapes are
# read again on the text with every run of one letter made single, the shapes likewise.
_REPEATED = re.compile(r"([a-z])\1+")
_SERVICE_SINGLE = re.compile(_REPEATED.sub(r"\1", _SERVICE_SOURCE))

# What an ad of the escort or dating kind shows that a pupil's service ad does not.
_ESCORT_CODES = frozenset({
    "activity.escort", "control.third_party_booking", "control.explicit_third_party",
    "control.split_earnings", "control.agency_handle",
    "recruitment.pack_offer", "recruitment.money_offer", "recruitment.call_for_recruits",
    "recruitment.sugar", "age.disguised_minor",
})  # fmt: skip
_MEETING = re.compile(
    r"\b(?:je recois|hotel|hotels|discrete?|discretion|la rencontre|rencontres? (?:discretes?"
    r"|coquines?|adultes?|sans lendemain)|messieurs|gentlemen|coquine?s?|calins?|sans tabous?"
    r"|plan cul|gfe|incall|outcall|sugar|escort|escorte|massages?|la passe|la demi heure"
    r"|plus si affinites?|(?:petite|mini|en) tenue|tenue (?:sexy|legere)|daddy|papas? genereux"
    r"|\d{2}\s?min)\b".replace(" ", " +")
)
_LONG_UNITS = ("mois", "semaine", "sem", "jour", "journee", "journée")
MEETING_PRICE = 60.0
WAGE_CEILING = 30.0  # an hourly rate under this is a wage (pupils' jobs: 8-20 an hour)
_MONEY = frozenset({"EUR", "CHF", "USD"})
_PER_HOUR = re.compile(r"(?:/\s?h(?:eure)?|de l.heure|par heure|(?:€|euros?)\s?(?:l.heure|/h))$")


def benign_service(haystack: str) -> tuple[str, tuple[int, int] | None] | None:
    """The first words offering or seeking a pupil's kind of service (tutoring, childcare,
    pet care, a small job or internship) and their span in `haystack` (None when read with
    single letters), or None."""
    found = _SERVICE.search(haystack)
    if found is not None:
        return found.group(), found.span()
    found = _SERVICE_SINGLE.search(_REPEATED.sub(r"\1", haystack))
    return (found.group(), None) if found is not None else None


def _hourly_wage(extraction: Extraction) -> tuple[str, None] | None:
    """A price per hour a pupil's job is paid ("10€/h", "12€ de l'heure", "15 euros par
    heure"): money, under `WAGE_CEILING`, written as a rate. Not a meeting's price written
    duration first ("1h 20", "25€ 1h") nor one in a code word ("20 roses")."""
    for price in extraction.prices:
        if (
            price.currency in _MONEY
            and price.unit == "1h"
            and price.amount < WAGE_CEILING
            and _PER_HOUR.search(price.evidence.lower())
        ):
            return price.evidence, None
    return None


def escort_kind(haystack: str, codes: Iterable[str], extraction: Extraction) -> bool:
    """True when the post shows what an ad of the escort or dating kind shows (see above)."""
    if not _ESCORT_CODES.isdisjoint(codes):
        return True
    for price in extraction.prices:
        unit = (price.unit or "").replace(" ", "")
        if "min" in unit or "mn" in unit:
            return True
        if price.amount >= MEETING_PRICE and not unit.startswith(_LONG_UNITS):
            return True
    return _MEETING.search(haystack) is not None


def set_aside_youth(
    terms: list[Indicator],
    shapes: list[Indicator],
    extracted: list[Indicator],
    haystack: str,
    source: str,
    extraction: Extraction,
) -> tuple[list[Indicator], list[Indicator]]:
    """`terms` and `extracted` without the poster's youth cues and stated minor age, plus
    `benign.service` naming the service, when the post offers a pupil's kind of service and
    shows nothing of the escort or dating kind (`shapes`: the post's other indicators)."""
    if not any(i.code in YOUTH_CUES for i in terms) and not any(
        i.code == STATED_MINOR for i in extracted
    ):
        return terms, extracted
    service = benign_service(haystack) or _hourly_wage(extraction)
    codes = [indicator.code for indicator in (*terms, *shapes, *extracted)]
    if service is None or escort_kind(haystack, codes, extraction):
        return terms, extracted
    words, span = service
    kept = [indicator for indicator in terms if indicator.code not in YOUTH_CUES]
    evidence = source[span[0] : span[1]] if span is not None else words
    ages = [indicator for indicator in extracted if indicator.code != STATED_MINOR]
    return [*kept, Indicator(CODE, evidence, span)], ages
