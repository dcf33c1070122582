"""Prices with their currency and unit ("150€", "100 roses", "30min 80€", "la nuit 500").

Currency is "EUR", "CHF", "USD", or "roses" (the coded word for euros, kept because the code
itself says something); a bare amount after a unit ("1h 150") is taken as euros.
Patterns run on the lower-cased text and start with a digit or a literal, for speed.
"""

from __future__ import annotations

import re

from sentinelle.records import Price

_CURRENCY = r"(?:€|euros?\b|eur\b|roses?\b|chf\b|balles\b|\$)"
_UNIT_AFTER = (
    r"(?:\s*(?:/|la|le|l['’]|par|pour|de\s+l['’]|les)?\s*"
    r"((?:[1-9]|1[0-2])\s?h(?:eures?)?\b|h\b|heure\b|\d{2,3}\s?(?:min|mn)\b|nuit(?:[ée]e)?\b"
    r"|soir[ée]e\b|journ[ée]e\b|jour\b|semaine\b|sem\b|mois\b))?"
)
_JOIN = r"\s*(?:[:=\-]|à|a)?\s*"
_AMOUNT_AFTER_UNIT = rf"([1-9]\d{{1,4}})(?!\d|\s?(?:h\b|min|ans|a\b))(?:\s*({_CURRENCY}))?"
# "150€", "150 euros la nuit", "200€/h", "100 roses"
_AMOUNT_FIRST = re.compile(
    rf"\d(?<![\d.,]\d)\d{{0,5}}(?:[.,]\d{{1,2}})?\s?({_CURRENCY}){_UNIT_AFTER}"
)
# "1h 150", "30min: 80€", "1 h = 150 roses"
_DURATION_FIRST = re.compile(
    rf"\d(?<![\d.,:]\d)\d{{0,2}}\s?(h|min|mn)\b{_JOIN}{_AMOUNT_AFTER_UNIT}"
)
# "la nuit 500", "soirée 400"
_PERIOD_FIRST = re.compile(rf"(nuit(?:[ée]e)?|soir[ée]e|journ[ée]e)\b{_JOIN}{_AMOUNT_AFTER_UNIT}")
# "€150"
_CURRENCY_FIRST = re.compile(r"([€$])\s?(\d{1,6}(?:[.,]\d{1,2})?)")
_CODES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "balles": "EUR"}
_CODES |= {"rose": "roses", "roses": "roses", "chf": "CHF", "$": "USD"}
_SPACE = re.compile(r"\s+")
_LEAD = re.compile(r"\d+")
_AMOUNT = re.compile(r"\d+(?:[.,]\d{1,2})?")


def find_prices(text: str) -> list[Price]:
    """Every price in the text, in order."""
    if not any(char.isdigit() for char in text):
        return []
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    found = _amount_first(lowered) + _duration_first(lowered)
    if "nuit" in lowered or "soir" in lowered or "journ" in lowered:
        found += _period_first(lowered)
    if "€" in text or "$" in text:
        found += _currency_first(lowered)
    found.sort(key=lambda item: (item[0], -item[1]))
    prices = []
    reached = -1
    for start, end, amount, currency, unit in found:
        if start >= reached:
            evidence = text[start:end].strip()
            prices.append(Price(float(amount.replace(",", ".")), currency, unit, evidence))
            reached = end
    return prices


def _amount_first(lowered: str) -> list[tuple]:
    found = []
    for match in _AMOUNT_FIRST.finditer(lowered):
        amount = _AMOUNT.match(match.group()).group()
        unit = _unit(match.group(2)) if match.group(2) else None
        found.append((match.start(), match.end(), amount, _code(match.group(1)), unit))
    return found


def _duration_first(lowered: str) -> list[tuple]:
    found = []
    for match in _DURATION_FIRST.finditer(lowered):
        lead = int(_LEAD.match(match.group()).group())
        kind = match.group(1)
        if (kind == "h" and not 1 <= lead <= 12) or (kind != "h" and not 10 <= lead <= 180):
            continue
        unit = f"{lead}h" if kind == "h" else f"{lead}min"
        currency = _code(match.group(3)) if match.group(3) else "EUR"
        found.append((match.start(), match.end(), match.group(2), currency, unit))
    return found


def _period_first(lowered: str) -> list[tuple]:
    found = []
    for match in _PERIOD_FIRST.finditer(lowered):
        currency = _code(match.group(3)) if match.group(3) else "EUR"
        unit = _unit(match.group(1))
        found.append((match.start(), match.end(), match.group(2), currency, unit))
    return found


def _currency_first(lowered: str) -> list[tuple]:
    found = []
    for match in _CURRENCY_FIRST.finditer(lowered):
        if lowered[max(0, match.start() - 2) : match.start()].strip()[-1:].isdigit():
            continue  # "150 € 2h": the sign closes the previous amount
        found.append((match.start(), match.end(), match.group(2), _code(match.group(1)), None))
    return found


def _code(currency: str) -> str:
    return _CODES.get(currency.lower(), "EUR")


def _unit(written: str) -> str:
    """ "1 h" -> "1h", "30 mn" -> "30min", "h"/"heure" -> "1h", "soirée" -> "soiree"."""
    unit = _SPACE.sub("", written.lower())
    if unit in ("h", "heure"):
        return "1h"
    unit = re.sub(r"h(?:eures?)?$", "h", unit)
    unit = re.sub(r"(?:min|mn)$", "min", unit)
    return unit.replace("é", "e").replace("nuitee", "nuit")
