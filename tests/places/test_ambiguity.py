"""The ambiguity guard: which names need what evidence, what counts as a cue and a capital."""

from __future__ import annotations

import pytest

from sentinelle.places.ambiguity import (
    Capital,
    Guard,
    capitals,
    guard,
    is_cue,
    is_strong_cue,
    satisfied,
    written,
)
from sentinelle.places.gazetteer import Commune, gazetteer


def _commune(key: str) -> Commune:
    return gazetteer().by_key[key][0]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("paris", Guard.NONE),
        ("bordeaux", Guard.NONE),
        ("toulouse", Guard.NONE),
        ("clermont ferrand", Guard.NONE),
        ("le mans", Guard.NONE),
        ("metz", Guard.NONE),
        ("cheval blanc", Guard.PHRASE),
        ("bois colombes", Guard.PHRASE),
        ("grand champ", Guard.PHRASE),
        ("tours", Guard.CAPITAL),
        ("sens", Guard.CAPITAL),
        ("nice", Guard.CAPITAL),
        ("au tampon", Guard.CAPITAL),
        ("mer", Guard.CUE),
        ("cours", Guard.CUE),
        ("la couronne", Guard.CUE),
        ("au port", Guard.CAPITAL),
        ("orange", Guard.CUE),
        ("nancy", Guard.CUE),
        ("albert", Guard.CUE),
        ("pia", Guard.CUE),
        ("eu", Guard.CUE),
    ],
)
def test_guard(key: str, expected: Guard) -> None:
    assert guard(key, _commune(key)) is expected


@pytest.mark.parametrize(
    ("needed", "how", "opens", "cued", "expected"),
    [
        (Guard.CAPITAL, Capital.TITLE, False, False, True),  # "je passe par Tours"
        (Guard.CAPITAL, Capital.TITLE, True, False, False),  # "Tours de magie"
        (Guard.CAPITAL, Capital.UPPER, False, False, False),  # "PLUSIEURS TOURS"
        (Guard.CAPITAL, Capital.UPPER, False, True, True),  # "DISPO A TOURS"
        (Guard.CAPITAL, Capital.NONE, False, True, False),  # "à tours de rôle"
        (Guard.CUE, Capital.NONE, False, True, False),  # "sur mer"
        (Guard.CUE, Capital.TITLE, False, False, False),  # "avec Albert"
        (Guard.CUE, Capital.TITLE, False, True, True),  # "sur Albert"
        (Guard.CUE, Capital.NONE, False, True, False),  # "vue sur mer"
        (Guard.PHRASE, Capital.NONE, False, True, True),  # "dispo cheval blanc"
        (Guard.PHRASE, Capital.NONE, False, False, False),  # "un cheval blanc"
        (Guard.NONE, Capital.NONE, True, False, True),
    ],
)
def test_satisfied(needed: Guard, how: Capital, opens: bool, cued: bool, expected: bool) -> None:
    assert satisfied(needed, how, opens, cued) is expected


def test_a_strong_cue_is_enough_for_a_town_named_like_a_word() -> None:
    assert satisfied(Guard.CAPITAL, Capital.NONE, False, True, strong=True)  # "sur gap"
    assert not satisfied(Guard.CUE, Capital.NONE, False, True, strong=True)  # "sur mer"


def test_cues() -> None:
    assert is_cue(["dispo", "a"])
    assert is_cue(["secteur"])
    assert is_cue(["pres", "de"])
    assert not is_cue(["changement", "de"])
    assert not is_cue(["dispo", "|"])
    assert is_strong_cue(["sur"], ["de"])
    assert is_strong_cue(["a"], ["|"]) and is_strong_cue(["a"], [])
    assert not is_strong_cue(["a"], ["de", "role"])
    assert not is_strong_cue(["le"], [])
    assert not is_cue([])


def test_capitals() -> None:
    found = capitals("Dispo à SENS et au Blanc, vue sur mer. Sens unique, SENS")
    assert written("sens", found) is Capital.TITLE
    assert written("au blanc", found) is Capital.TITLE
    assert written("mer", found) is Capital.NONE
    assert written("tours", capitals("PLUSIEURS TOURS")) is Capital.UPPER
