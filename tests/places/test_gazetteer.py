"""The shipped gazetteer: coverage, departments, arrondissements and shared names."""

from __future__ import annotations

from sentinelle.places.cityfield import MAX_NAME_WORDS
from sentinelle.places.departments import departments
from sentinelle.places.gazetteer import gazetteer
from sentinelle.records import Place


def test_every_commune_of_2000_inhabitants_and_every_prefecture_is_there() -> None:
    communes = gazetteer().communes.values()
    assert sum(c.population >= 2000 for c in communes) > 5000
    prefectures = {c.department for c in communes if c.prefecture}
    assert prefectures == set(departments())


def test_departments_cover_metropolitan_corsica_and_overseas() -> None:
    codes = set(departments())
    assert len(codes) == 101
    assert {"01", "2A", "2B", "95", "971", "972", "973", "974", "976"} <= codes
    assert "20" not in codes


def test_arrondissements_map_to_their_city() -> None:
    found = gazetteer()
    for key, city in [
        ("paris 15e arrondissement", Place("Paris", "75")),
        ("lyon 3e arrondissement", Place("Lyon", "69")),
        ("marseille 1er arrondissement", Place("Marseille", "13")),
    ]:
        assert found.place_of(found.by_key[key][0]) == city


def test_arrondissement_postcodes_lead_to_the_city() -> None:
    found = gazetteer()
    assert found.by_postcode["75015"][0].name == "Paris"
    assert found.by_postcode["13008"][0].name == "Marseille"


def test_official_names_keep_accents_and_articles() -> None:
    names = {c.name for c in gazetteer().communes.values()}
    assert {"Saint-Étienne", "Le Mans", "La Rochelle", "L'Haÿ-les-Roses"} <= names


def test_a_shared_name_prefers_the_larger_mainland_commune() -> None:
    found = gazetteer()
    assert [c.department for c in found.by_key["saint denis"][:2]] == ["93", "974"]
    assert found.by_key["clermont"][0].name == "Clermont-Ferrand"


def test_no_name_is_longer_than_the_city_field_reads() -> None:
    assert max(len(key.split()) for key in gazetteer().by_key) <= MAX_NAME_WORDS
