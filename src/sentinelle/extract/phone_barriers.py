"""Numbers that are not phones: prices, dates, times, ages, references, years.

A digit atom inside one of these is a barrier: no phone reading may hold it. Checked lazily,
only for the atoms of candidate readings, because most posts have many small numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sentinelle.extract.phone_atoms import Atom

# Numbers that are not phones, matched where a digit atom starts. A reading that holds one of
# these atoms is dropped, which is the same as cutting the chain there.
_BARRIER = re.compile(
    r"(?i:"
    # prices: 150€, 150 €, 150 euros, 100 roses, 200 chf, 50$
    # ("3 280 €": a thousands group after a number's pair only when the first group is one
    # digit, "06 12 34 56 78 100 roses" is a phone then a price)
    r"(?:(?:(?<!\d[ .])\d{1,3}|\d)(?:[ \u00a0\u202f.]\d{3})+|\d{1,6})(?:[.,]\d+)?\s*"
    r"(?:€|eur(?:os?)?\b|roses?\b|chf\b|\$|balles\b|francs?\b)"
    # dates: 12/03/2024, 12.03.24, 12/03 (not the start or middle of a longer run: the
    # same characters write "06/12/34/56/78")
    # (but one may follow another date: "01/01/1990 - 01/01/1990", "01/01 - 01/01/1990")
    r"|(?<![\d/.\-])(?<!\d[/.\-_*|] )"
    r"(?:(?<!\d [/.\-_*|] )|(?<=[/.\-](?:19|20)\d\d [/.\-_*|] )|(?<=\d\d[/.]\d\d [/.\-_*|] ))"
    r"(?:0?[1-9]|[12]\d|3[01])([/.\-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d"
    r"(?!\d|[/.\-_*|\\~#:]\d|\1\s?\d|\s\1\d)"
    # spaced dates with a year: "01 12 2026" (a four-digit group never sits in a number
    # written in pairs; "01 12 2026 15h" is still a date, "06 12 2026 15 15" may be a number)
    r"|(?<![\d/.\-])(?<!\d )(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:19|20)\d\d"
    r"(?!\d|\s?\d\d(?!\d|\s?h))"
    # a date without a year or with two digits is a soft barrier: "06.01 00 00 00" and
    # "07 31.12.01 99" may still be numbers
    r"|(?P<soft>(?<![\d/.\-])(?:0[1-9]|[12]\d|3[01])(?P<sep>[/.\-])(?:0[1-9]|1[0-2])"
    r"(?:(?P=sep)\d\d)?"
    r"(?![\d/\-_*|\\~#:]|\s?[/\-_*|\\~#:]\s?\d|\.\d))"
    # times and availability: 22h, 14h30, 22:00, 7j/7, 24/24
    r"|\d{1,2}\s?h(?:[0-5]\d)?\b|(?<![\d:])\d{1,2}:[0-5]\d(?![:\d])|\d\s?j\s?/\s?7\b"
    r"|24\s?/\s?24\b"
    # durations, ages, quantities: 30min, 2 heures, 19 ans, 19a, 19yo, 50%, 1er, 3ème, 2x
    r"|\d{1,4}\s?(?:min(?:utes?)?|mn|heures?|hrs?|ans?|yo|y\.o|years?|kg|cm|km|m2|m²"
    r"|ers?|eres?|[eè]me|e|x|jours?|nuits?|semaines?|mois)\b"
    r"|\d{1,2}a\b|\d{1,4}\s?%"
    # body measurements after a word: "mensurations 90-60-90"
    r"|(?<=[^\W\d_] )(?:[6-9]\d|1[0-3]\d)-[4-9]\d-(?:[6-9]\d|1[0-3]\d)(?![\d\-/.])"
    # year ranges: "2023-2024", "saison 2019/2020"
    r"|(?<![\d/.\-])(?:19|20)\d\d ?[-/] ?(?:19|20)\d\d(?![\d/.\-])"
    # department codes after a town: "Nice (06)"
    # (not a Brazilian area code: "brésilien (11) 91234-5678")
    r"|(?<=[^\W\d_] \()\d\d[AB]?(?=\)(?!\s?\d{4}))"
    # postcodes before a town ("75015 Paris")
    r"|\d{5}(?=\s+(?-i:[A-ZÉ][a-zé]))"
    r")"
)
# A customer's, a file's or a member's number ("n° client", "dossier", "numéro d'adhérent",
# "customer no"): a bare "clients" before a number hands it out to them, so that word needs a
# numbering word beside it. The cost is stated: an ad writing its own number as "Num client :
# 06…" (the number for clients) loses it.
_RECORD_LABEL = (
    r"dossier|adh[ée]rent|contrat|matricule"
    r"|(?:n°|no\.?|num(?:[ée]ro)?|r[ée]f|code|id|compte|carte)\s*(?:de\s+|d['’]\s*)?"
    r"(?:client|dossier|membre|abonn[ée]|adh[ée]rent|fid[ée]lit[ée]|contrat)"
    r"|(?:client|customer|file|account|member|case)\s*(?:n°|no\.?|num(?:[ée]ro)?|number|#|id)"
)
# Words right before a number that make it a reference, a price, a size or (before 19xx/20xx)
# a year.
_BARRIER_BEFORE = re.compile(
    r"(?:\b(?:r[ée]f(?:[ée]rence)?|commande|cmd|order|siret|siren|code|id|ticket|colis"
    rf"|iban|rib|bic|tva|facture|suivi|cp|taille|pointure|poids|bonnet|tour de taille"
    rf"|{_RECORD_LABEL})"
    r"\s*(?:n°|#|:)?\s*|(?<![\d\s])\s?[€$] ?)$"
)
# "mon 06 : 06 12 ..." -- "06" as the word for a mobile number, not its first digits
_LABEL = re.compile(r"0[67]\s?:")
_LABEL_BEFORE = re.compile(r"\b(?:mon|my|ton|le|son)\s+$")
_YEAR_BEFORE = re.compile(r"\b(?:en|depuis|de|d'|annee|année)\s*$")
_BEFORE_REACH = 24  # "numéro d'adhérent : "
# an identifier label holds the whole digit run after it ("SIRET 123 456 789 00012")
_ACCOUNT_BEFORE = re.compile(
    r"\b(?:siret|siren|iban|rib|tva|commande|cmd|order|r[ée]f(?:[ée]rence)?|colis|suivi"
    rf"|facture|ticket|{_RECORD_LABEL})\s*(?:n°|#|:)?\s*(?:\d+[ .\-]?)+$"
)
_ACCOUNT_REACH = 48
_ACCOUNT_LABELS = (
    r"siret|siren|iban|rib|tva|commande|cmd|order|r[ée]f|colis|suivi|facture|ticket"
    r"|dossier|adh[ée]rent|contrat|matricule|client|customer|file|account|member"
    r"|case"
)
_ACCOUNT_HINT = re.compile(rf"(?i:{_ACCOUNT_LABELS})")
# The same labels on lower-case text, many times faster than ignoring case: a window whose
# lower-case form holds none holds none in any case, unless it has one of the three letters
# that match an ASCII letter ignoring case without lowering to it (İ ı ſ).
_ACCOUNT_LABELS_LOWER = re.compile(_ACCOUNT_LABELS)
_FOLDED_LIKE_ASCII = frozenset("\u0130\u0131\u017f")
# an IBAN ("FR76 3000 6000 0112 3456 7890 189"): country, check digits, groups of four
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?(?![\w])")


@lru_cache(maxsize=4096)
def barrier_at(text: str, start: int) -> re.Match[str] | None:
    """The price, date, time or quantity written from `start`, if any (cached: a number's
    atoms are asked about by the fast path, the clusters and each candidate reading)."""
    return _BARRIER.match(text, start)


def mark_barriers(text: str, atoms: list[Atom], first: int, last: int) -> None:
    """Decide `barrier` for atoms[first..last], looking back two atoms for dates and prices."""
    accounts = _iban_spans(text)
    for index in range(max(0, first - 2), last + 1):
        atom = atoms[index]
        if atom.barrier is not None:
            continue
        atom.barrier = False
        if atom.kind not in ("plain", "unicode"):
            continue
        match = barrier_at(text, atom.start)
        soft = match is not None and match.group("soft") is not None
        # a price, date or time written from the atom makes it a barrier whatever stands before
        if (match is None or soft) and _labelled(text, atom, accounts):
            atom.barrier = True
        if match:
            for other in atoms[index:]:
                if other.start >= match.end():
                    break
                if soft:
                    other.soft_start = atom.start
                else:
                    other.barrier = True


def _labelled(text: str, atom: Atom, accounts: tuple[tuple[int, int], ...]) -> bool:
    """A reference word, a currency sign, "en" before a year, "mon" before "06 :", or a bank
    account or labelled identifier holds the atom."""
    before = text[max(0, atom.start - _BEFORE_REACH) : atom.start].lower()
    return bool(
        _reference_in(before)
        or (_is_year(atom.digits) and _YEAR_BEFORE.search(before))
        or (_LABEL.match(text, atom.start) and _LABEL_BEFORE.search(before))
        or any(start <= atom.start < end for start, end in accounts)
        or _in_account(text, atom.start)
    )


@lru_cache(maxsize=16384)
def _reference_in(before: str) -> bool:
    """`_BARRIER_BEFORE` ends `before` (cached: the same words stand before many numbers)."""
    return _BARRIER_BEFORE.search(before) is not None


def _in_account(text: str, start: int) -> bool:
    """The atom continues a labelled identifier's digits ("siret : 000 000 010 00000")."""
    before = text[max(0, start - _ACCOUNT_REACH) : start]
    if not _account_hint(before):
        return False  # the common case, found without the anchored search
    return bool(_ACCOUNT_BEFORE.search(before.lower()))


@lru_cache(maxsize=16384)
def _account_hint(before: str) -> bool:
    """An identifier's label in `before` (cached like `_reference_in`)."""
    if not _ACCOUNT_LABELS_LOWER.search(before.lower()) and _FOLDED_LIKE_ASCII.isdisjoint(before):
        return False
    return _ACCOUNT_HINT.search(before) is not None


@lru_cache(maxsize=256)
def _iban_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text writes bank account numbers (cached: asked once per candidate)."""
    return tuple(match.span() for match in _IBAN.finditer(text))


def reference_before(text: str, start: int) -> bool:
    """A reference, order number or currency sign right before `start`."""
    return _reference_in(text[max(0, start - _BEFORE_REACH) : start].lower())


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in ("19", "20")
