"""The ambiguity guard: which names need a cue, what counts as a cue and as a capital."""

from __future__ import annotations

from sentinelle.places.ambiguity import Guard, capitalized_words, guard, is_capitalized, is_cue
from sentinelle.places.gazetteer import gazetteer


def _commune(key: str):
    return gazetteer().by_key[key][0]


def test_words_first_names_and_short_names_need_a_cue() -> None:
    keys = [
        "sens",
        "tours",
        "nancy",
        "albert",
        "pia",
        "mer",
        "eu",
        "le blanc",
        "au port",
        "la couronne",
    ]
    for key in keys:
        assert guard(key, _commune(key)) is Guard.CUE, key


def test_names_made_of_words_need_a_capital() -> None:
    for key in ["cheval blanc", "bois colombes", "grand champ"]:
        assert guard(key, _commune(key)) is Guard.CAPITAL, key


def test_large_towns_and_plain_names_need_nothing() -> None:
    for key in ["paris", "bordeaux", "rennes", "toulouse", "clermont ferrand", "le mans", "metz"]:
        assert guard(key, _commune(key)) is Guard.NONE, key


def test_cues() -> None:
    assert is_cue(["dispo", "a"])
    assert is_cue(["secteur"])
    assert is_cue(["pres", "de"])
    assert not is_cue(["changement", "de"])
    assert not is_cue(["le"])
    assert not is_cue([])


def test_capitals() -> None:
    capitalized = capitalized_words("Dispo à SENS et au Blanc, vue sur mer")
    assert is_capitalized("sens", capitalized)
    assert is_capitalized("au blanc", capitalized)
    assert not is_capitalized("mer", capitalized)
