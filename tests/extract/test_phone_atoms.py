"""Digit atoms however written, and the gaps between them."""

from __future__ import annotations

import pytest

from sentinelle.extract.phone_atoms import gap, scan


def kinds(text: str, words: bool = True) -> list[tuple[str, str]]:
    return [(atom.digits, atom.kind) for atom in scan(text, words)]


def test_atom_kinds() -> None:
    assert kinds("06 O6 ０６ 6️⃣ zéro soixante-dix-huit") == [
        ("06", "plain"),
        ("06", "letter"),
        ("06", "unicode"),
        ("6", "keycap"),
        ("0", "word"),
        ("78", "word"),
    ]


def test_letters_between_digits_make_one_atom() -> None:
    assert kinds("O672l3831o") == [("0672138310", "letter")]


def test_lone_letters_count_only_next_to_digits() -> None:
    assert kinds("O 6 I 2") == [("0", "weak"), ("6", "plain"), ("1", "weak"), ("2", "plain")]
    assert kinds("I love 06 12 34 56 78 et lol")[0] == ("06", "plain")


def test_digits_inside_names_are_not_atoms() -> None:
    assert kinds("lea77 n0uvelle Yas_18", words=False) == []


def test_plus_marks_a_country_code() -> None:
    (atom, *_) = scan("tel +33 6 12 34 56 78", words=False)
    assert atom.plus and atom.digits == "33"


@pytest.mark.parametrize(
    ("between", "filler", "line_break", "odd", "separator"),
    [
        (" ", False, False, False, " "),
        (".", False, False, False, "."),
        (" / ", False, False, True, "/"),
        ("\n", False, True, False, ""),
        (" (enlève les espaces) ", True, False, False, ""),
        (" *** ", True, False, False, ""),
        (" ~ ", True, False, False, ""),
    ],
)
def test_gap(between: str, filler: bool, line_break: bool, odd: bool, separator: str) -> None:
    found = gap(between)
    assert found is not None
    assert (found.filler, found.line_break, found.odd, found.separator) == (
        filler,
        line_break,
        odd,
        separator,
    )


def test_long_or_multi_line_gaps_break_a_chain() -> None:
    assert gap(" and then a long sentence about something else entirely ") is None
    assert gap("\n\n") is None
