"""French number words to digits."""

from __future__ import annotations

import re

import pytest

from sentinelle.extract.numberwords import NUMBER_WORD, number_word_digits
from tests.extract.writing import french

WORD = re.compile(NUMBER_WORD)


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("zéro", "0"),
        ("ZERO", "0"),
        ("six", "6"),
        ("dix", "10"),
        ("douze", "12"),
        ("dix-sept", "17"),
        ("vingt et un", "21"),
        ("trente-quatre", "34"),
        ("soixante-dix-huit", "78"),
        ("soixante et onze", "71"),
        ("quatre-vingts", "80"),
        ("quatre-vingt-dix-neuf", "99"),
    ],
)
def test_number_word_digits(words: str, digits: str) -> None:
    assert number_word_digits(words) == digits


def test_every_number_from_0_to_99_reads_as_one_word() -> None:
    for number in range(100):
        written = french(number)
        assert WORD.fullmatch(written), written
        expected = str(number) if number < 10 else f"{number:02d}"
        assert number_word_digits(written) == expected


def test_hyphen_binds_tighter_than_space() -> None:
    found = [number_word_digits(m.group()) for m in WORD.finditer("vingt-quatre vingt-trois")]
    assert found == ["24", "23"]
    found = [number_word_digits(m.group()) for m in WORD.finditer("soixante quatre-vingt-deux")]
    assert found == ["60", "82"]


def test_words_inside_other_words_do_not_count() -> None:
    assert WORD.findall("sixième, undeux, neufchâtel") == []
