"""Prices with currency and unit; times and phones are not prices."""

from __future__ import annotations

import pytest

from sentinelle.extract.prices import find_prices


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("150€", [(150.0, "EUR", None)]),
        ("150 €", [(150.0, "EUR", None)]),
        ("150 euros", [(150.0, "EUR", None)]),
        ("€150", [(150.0, "EUR", None)]),
        ("100 roses", [(100.0, "roses", None)]),
        ("200 CHF", [(200.0, "CHF", None)]),
        ("1h 150", [(150.0, "EUR", "1h")]),
        ("30min 80€", [(80.0, "EUR", "30min")]),
        ("30 min 60 euros", [(60.0, "EUR", "30min")]),
        ("la nuit 500", [(500.0, "EUR", "nuit")]),
        ("soirée 400", [(400.0, "EUR", "soiree")]),
        ("150€ la nuit", [(150.0, "EUR", "nuit")]),
        ("200€/h", [(200.0, "EUR", "1h")]),
        ("tu gagnes 2000€/semaine", [(2000.0, "EUR", "semaine")]),
        ("1 h = 150 roses", [(150.0, "roses", "1h")]),
        ("1h: 150€ 2h: 250€", [(150.0, "EUR", "1h"), (250.0, "EUR", "2h")]),
        ("99,50 €", [(99.5, "EUR", None)]),
    ],
)
def test_prices(text: str, expected: list[tuple[float, str, str | None]]) -> None:
    assert [(p.amount, p.currency, p.unit) for p in find_prices(text)] == expected


def test_evidence_is_the_written_price() -> None:
    (price,) = find_prices("Tarif : 30min 80€ seulement")
    assert price.evidence == "30min 80€"


@pytest.mark.parametrize(
    "text",
    [
        "dispo 22h-6h",
        "de 14h à 22h",
        "06 12 34 56 78",
        "1h 06 12 34 56 78",
        "j'ai 19 ans",
        "le 12/03/2024",
        "50/50",
        "dispo 7j/7",
    ],
)
def test_not_prices(text: str) -> None:
    assert find_prices(text) == []
