"""The places interface the pipeline calls: locate, find_places, resolve_city, coordinates."""

from __future__ import annotations

import pytest

from sentinelle.extract.places import (
    coordinates,
    department_name,
    find_places,
    locate,
    resolve_city,
)
from sentinelle.records import Place


@pytest.mark.parametrize(
    ("city_field", "expected"),
    [
        ("Clermont Ferrand", Place("Clermont-Ferrand", "63")),
        ("PARIS 15", Place("Paris", "75")),
        ("Marseille (13)", Place("Marseille", "13")),
        ("St-Étienne", Place("Saint-Étienne", "42")),
        ("Lyon 3e", Place("Lyon", "69")),
        ("Bordeaux centre", Place("Bordeaux", "33")),
        ("93 - Saint-Denis", Place("Saint-Denis", "93")),
        ("Saint-Denis (974)", Place("Saint-Denis", "974")),
        ("75015 Paris", Place("Paris", "75")),
        ("Paris 15e arrondissement", Place("Paris", "75")),
        ("Marseille 8ème", Place("Marseille", "13")),
        ("lyon 7eme", Place("Lyon", "69")),
        ("Ajaccio", Place("Ajaccio", "2A")),
        ("Bastia (2B)", Place("Bastia", "2B")),
        ("Pointe-à-Pitre", Place("Pointe-à-Pitre", "971")),
        ("Fort de France", Place("Fort-de-France", "972")),
        ("Cayenne", Place("Cayenne", "973")),
        ("Mamoudzou", Place("Mamoudzou", "976")),
        ("le havre", Place("Le Havre", "76")),
        ("Les Sables d'Olonne", Place("Les Sables-d'Olonne", "85")),
        ("L'Hay les Roses", Place("L'Haÿ-les-Roses", "94")),
        ("Sainte Maxime", Place("Sainte-Maxime", "83")),
        ("Ste-Maxime", Place("Sainte-Maxime", "83")),
        ("AIX EN PROVENCE", Place("Aix-en-Provence", "13")),
        ("Clermont (60)", Place("Clermont", "60")),
        ("Nice, Alpes-Maritimes", Place("Nice", "06")),
        ("69003", Place("Lyon", "69")),
        # Names holding a department's name, and a department's name holding a commune's.
        ("Pont-d'Ain", Place("Pont-d'Ain", "01")),
        ("Tarascon sur Ariège (09)", Place("Tarascon-sur-Ariège", "09")),
        ("Saint-Laurent-du-Var", Place("Saint-Laurent-du-Var", "06")),
        ("Saint-Denis, Seine-Saint-Denis", Place("Saint-Denis", "93")),
        ("Bourg-en-Bresse, Ain", Place("Bourg-en-Bresse", "01")),
        ("Saint-Denis, La Réunion", Place("Saint-Denis", "974")),
        ("Saint-Pierre (Martinique)", Place("Saint-Pierre", "972")),
    ],
)
def test_city_field_variants(city_field: str, expected: Place) -> None:
    assert resolve_city(city_field) == expected
    assert locate(city_field, "") == expected


@pytest.mark.parametrize("city_field", [None, "", "   ", "Seine-Saint-Denis", "93", "Atlantide"])
def test_city_field_naming_no_commune(city_field: str | None) -> None:
    assert resolve_city(city_field) is None


def test_locate_prefers_the_city_field_over_the_text() -> None:
    assert locate("Lille", "de passage à Nantes") == Place("Lille", "59")


def test_locate_falls_back_to_the_first_commune_in_the_text() -> None:
    text = "Nouvelle sur Rennes, ensuite de passage à Brest"
    assert locate(None, text) == Place("Rennes", "35")
    assert locate("quelque part", text) == Place("Rennes", "35")
    assert locate(None, "dispo ce soir, appelle") is None


def test_find_places_lists_communes_in_order_without_repeats() -> None:
    text = "Dispo à Toulouse puis Montpellier, retour à Toulouse"
    assert find_places(text) == [Place("Toulouse", "31"), Place("Montpellier", "34")]


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("93", "Seine-Saint-Denis"),
        ("2A", "Corse-du-Sud"),
        ("2b", "Haute-Corse"),
        ("971", "Guadeloupe"),
        ("976", "Mayotte"),
        ("1", "Ain"),
    ],
)
def test_department_name(code: str, name: str) -> None:
    assert department_name(code) == name


def test_department_name_of_an_unknown_code_raises() -> None:
    with pytest.raises(KeyError, match="99"):
        department_name("99")


def test_coordinates_lie_in_the_right_region() -> None:
    lat, lon = coordinates(Place("Clermont-Ferrand", "63"))
    assert 45.7 < lat < 45.9 and 3.0 < lon < 3.2
    lat, lon = coordinates(Place("Paris", "75"))
    assert 48.8 < lat < 48.9 and 2.2 < lon < 2.5
    lat, lon = coordinates(Place("Saint-Denis", "974"))
    assert -21.5 < lat < -20.5 and 55 < lon < 56


def test_coordinates_of_an_unknown_place_are_none() -> None:
    assert coordinates(Place("Atlantide", "99")) is None
    assert coordinates(Place("Paris", "13")) is None
