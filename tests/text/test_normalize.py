"""The shared normalisation: every later step matches words through it."""

from __future__ import annotations

import pytest

from sentinelle.text.normalize import deleet, fold, is_emoji, nfkc, strip_accents, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Née à Besançon", "nee a besancon"),
        ("ÉLODIE", "elodie"),
        ("Ｌｙｏｎ", "lyon"),  # full-width letters
        ("ﬁlle", "fille"),  # ligature
        ("Straße", "strasse"),
        ("👻 Léa 🍭", "👻 lea 🍭"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_nfkc_folds_compatibility_digits() -> None:
    assert nfkc("０６") == "06"
    assert nfkc("déjà") == "déjà"


def test_strip_accents_keeps_emoji_and_case() -> None:
    assert strip_accents("Chloé 🎀 ÇA") == "Chloe 🎀 CA"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("n0uvelle", "nouvelle"),
        ("b3lle", "belle"),
        ("p3t1te", "petite"),
        ("d1sp0", "disp0"),  # a trailing digit has no letter after it: left alone
        ("18ans", "18ans"),
        ("30min", "30min"),
        ("lea_77", "lea_77"),
        ("0612345678", "0612345678"),
        ("dispo", "dispo"),
        ("j0l1e", "jolie"),
    ],
)
def test_deleet(word: str, expected: str) -> None:
    assert deleet(word) == expected


@pytest.mark.parametrize("char", ["👻", "🍭", "🎀", "❤", "⏰", "✨", "🇫"])
def test_is_emoji(char: str) -> None:
    assert is_emoji(char)


@pytest.mark.parametrize("char", ["a", "é", "0", "€", "-", "ß"])
def test_is_not_emoji(char: str) -> None:
    assert not is_emoji(char)


def test_tokens_fold_words_undo_leet_and_keep_emoji() -> None:
    assert tokens("J'ai 16ans 🍭🍭, N0UVELLE à Besançon!") == [
        "j",
        "ai",
        "16ans",
        "🍭",
        "🍭",
        "nouvelle",
        "a",
        "besancon",
    ]


def test_tokens_keep_handles_and_numbers_whole() -> None:
    assert tokens("snap: lea_77 tel 06.12") == ["snap", "lea_77", "tel", "06", "12"]


def test_tokens_of_empty_text() -> None:
    assert tokens("") == []
    assert tokens("  ... ") == []
