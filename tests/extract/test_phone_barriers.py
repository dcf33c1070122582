"""Prices, dates, times and references that no phone reading may hold."""

from __future__ import annotations

import pytest

from sentinelle.extract.phone_atoms import scan
from sentinelle.extract.phone_barriers import barrier_at, mark_barriers, reference_before


@pytest.mark.parametrize(
    "text",
    ["150€", "150 euros", "100 roses", "12/03/2024", "22h", "14h30", "22:00", "30min", "19 ans",
     "19a", "50%", "7j/7", "24/24", "75015 Paris"],
)  # fmt: skip
def test_barriers(text: str) -> None:
    match = barrier_at(text, 0)
    assert match is not None and match.group("soft") is None


@pytest.mark.parametrize("text", ["12/03", "06.01 00", "31.12.01 99"])
def test_yearless_dates_are_soft(text: str) -> None:
    match = barrier_at(text, 0)
    assert match is not None and match.group("soft") is not None


@pytest.mark.parametrize(
    "text", ["06/12/34/56/78", "06.12.34.56.78", "06:12:34:56:78", "06 12", "0612345678"]
)
def test_phone_writings_are_not_barriers(text: str) -> None:
    assert barrier_at(text, 0) is None


def test_references_before() -> None:
    assert reference_before("réf 0612345678", 4)
    assert reference_before("commande n° 0612345678", 12)
    assert not reference_before("tel 0612345678", 4)


def test_mark_barriers_covers_every_atom_of_a_date() -> None:
    text = "le 12/03/2024 et 06 12"
    atoms = scan(text, words=False)
    mark_barriers(text, atoms, 0, len(atoms) - 1)
    assert [(atom.digits, atom.barrier) for atom in atoms] == [
        ("12", True),
        ("03", True),
        ("2024", True),
        ("06", False),
        ("12", False),
    ]


def test_years_after_birth_words_and_labels() -> None:
    text = "née en 2005, mon 06: 06 12 34 56 78"
    atoms = scan(text, words=False)
    mark_barriers(text, atoms, 0, len(atoms) - 1)
    assert [atom.barrier for atom in atoms][:3] == [True, True, False]
