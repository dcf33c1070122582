"""Prices with their currency and unit ("150€", "100 roses", "30min 80€", "la nuit 500").

Currency is "EUR", "CHF", "USD", or "roses" (the coded word for euros, kept because the code
itself says something); a bare amount after a unit ("1h 150") is taken as euros.
"""

from __future__ import annotations

import re

from sentinelle.records import Price

_CURRENCY = r"(?P<cur>€|euros?\b|eur\b|roses?\b|chf\b|balles\b|\$)"
_UNIT_AFTER = (
    r"(?:\s*(?:/|la|le|l['’]|par|pour|de\s+l['’]|les)?\s*"
    r"(?P<unit2>(?:[1-9]|1[0-2])\s?h(?:eures?)?\b|h\b|heure\b|\d{2,3}\s?(?:min|mn)\b|nuit[ée]?e?\b"
    r"|soir[ée]e\b|journ[ée]e\b|jour\b|semaine\b|sem\b|mois\b))?"
)
_PRICE = re.compile(
    r"(?i)(?:"
    # unit first: "1h 150", "30min: 80€", "la nuit 500", "1h = 150 roses"
    r"(?P<unit1>\b(?:[1-9]|1[0-2])\s?h\b|\b\d{2,3}\s?(?:min|mn)\b|\bnuit[ée]?e?\b"
    r"|\bsoir[ée]e\b|\bjourn[ée]e\b)\s*(?:[:=\-]|à|a)?\s*"
    rf"(?P<amount1>[1-9]\d{{1,4}})(?!\d|\s?(?:h\b|min|ans|a\b))"
    rf"(?:\s*{_CURRENCY.replace('cur', 'cur1')})?"
    # amount first: "150€", "150 euros la nuit", "200€/h", "100 roses"
    rf"|(?<![\d.,])(?P<amount2>\d{{1,6}}(?:[.,]\d{{1,2}})?)\s?{_CURRENCY}{_UNIT_AFTER}"
    # currency first: "€150"
    r"|(?<!\d)(?<!\d\s)(?P<cur3>€|\$)\s?(?P<amount3>\d{1,6}(?:[.,]\d{1,2})?)"
    r")"
)
_CODES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "balles": "EUR"}
_CODES |= {"rose": "roses", "roses": "roses", "chf": "CHF", "$": "USD"}
_SPACE = re.compile(r"\s+")


def find_prices(text: str) -> list[Price]:
    """Every price in the text, in order."""
    if not any(char.isdigit() for char in text):
        return []
    return [_price(match) for match in _PRICE.finditer(text)]


def _price(match: re.Match[str]) -> Price:
    groups = match.groupdict()
    amount = groups["amount1"] or groups["amount2"] or groups["amount3"]
    currency = groups["cur1"] or groups["cur"] or groups["cur3"] or "€"
    unit = groups["unit1"] or groups["unit2"]
    return Price(
        amount=float(amount.replace(",", ".")),
        currency=_CODES.get(currency.lower(), "EUR"),
        unit=_unit(unit) if unit else None,
        evidence=match.group().strip(),
    )


def _unit(written: str) -> str:
    """ "1 h" -> "1h", "30 mn" -> "30min", "h"/"heure" -> "1h", "soirée" -> "soiree"."""
    unit = _SPACE.sub("", written.lower())
    if unit in ("h", "heure"):
        return "1h"
    unit = re.sub(r"h(?:eures?)?$", "h", unit)
    unit = re.sub(r"(?:min|mn)$", "min", unit)
    return unit.replace("é", "e").replace("nuitee", "nuit")
