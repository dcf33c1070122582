"""Communes named in free text, and words or first names that must not be taken for one."""

from __future__ import annotations

import pytest

from sentinelle.places.mentions import find_places
from sentinelle.records import Place

NICE = Place("Nice", "06")
SENS = Place("Sens", "89")
TOURS = Place("Tours", "37")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dispo à Nice ce week-end", [NICE]),
        ("de passage à Sens (89) mardi", [SENS]),
        ("secteur Tours nord", [TOURS]),
        ("Toulouse, Tours et Sens", [Place("Toulouse", "31"), TOURS, SENS]),
        (
            "je suis à St Étienne puis Clermont Ferrand",
            [
                Place("Saint-Étienne", "42"),
                Place("Clermont-Ferrand", "63"),
            ],
        ),
        ("dispo au Mans", [Place("Le Mans", "72")]),
        ("Nouvelle sur La Rochelle", [Place("La Rochelle", "17")]),
        ("dispo aux Sables d'Olonne", [Place("Les Sables-d'Olonne", "85")]),
        ("vers Saint-Denis (974)", [Place("Saint-Denis", "974")]),
        ("vers Saint-Denis", [Place("Saint-Denis", "93")]),
        ("97400 Saint-Denis", [Place("Saint-Denis", "974")]),
        ("dispo à Saint-Denis (Réunion) ce soir", [Place("Saint-Denis", "974")]),
        ("Sens, Yonne", [SENS]),
        ("Paris 15e, métro", [Place("Paris", "75")]),
        ("rdv Lyon 3e", [Place("Lyon", "69")]),
        ("Ajaccio et Bastia", [Place("Ajaccio", "2A"), Place("Bastia", "2B")]),
        ("arrivée à Pointe-à-Pitre", [Place("Pointe-à-Pitre", "971")]),
        ("je suis sur Albert", [Place("Albert", "80")]),
        ("à Mer ce soir", [Place("Mer", "41")]),
        ("DISPO A SENS", [SENS]),
        ("dispo au Port", [Place("Le Port", "974")]),
        (
            "Aix en Provence ou Marseille",
            [
                Place("Aix-en-Provence", "13"),
                Place("Marseille", "13"),
            ],
        ),
    ],
)
def test_places_named_in_text(text: str, expected: list[Place]) -> None:
    assert find_places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "nice girl, très douce",
        "dans le sens de la marche",
        "plusieurs tours de manège",
        "vue sur mer, appartement calme",
        "j'ai eu ton message",
        "dispo mars et avril",
        "Pia, 22 ans, nouvelle",
        "bientôt à pia",
        "Albert 06 12 34 56 78",
        "rendez-vous au port",
        "pas au tampon",
        "un cheval blanc",
        "Grasse matinée",
        "Prof dispo\n\nCours de maths",
        "PLUSIEURS TOURS DE MANÈGE",
        "à tours de rôle",
        "mon forfait Orange",
        "walks in nice weather",
        "Nancy, 25 ans",
        "de passage en Seine-Saint-Denis",
        "la vue est belle",
        "contacte moi sur Snap",
        "",
    ],
)
def test_words_and_first_names_are_not_places(text: str) -> None:
    assert find_places(text) == []


def test_a_lowercase_ambiguous_name_in_a_list_is_not_taken() -> None:
    assert find_places("Toulouse, tours et sens") == [Place("Toulouse", "31")]


def test_a_name_made_of_words_needs_a_capital_or_a_cue() -> None:
    assert find_places("hôtel Cheval-Blanc") == [Place("Cheval-Blanc", "84")]
    assert find_places("dispo cheval blanc") == [Place("Cheval-Blanc", "84")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("je passe par Tours demain", [TOURS]),
        ("Kenza 🌸 Nice et tout le 06", [NICE]),
        ("casting ouvert pour Nice", [NICE]),
        ("coloc disponible sur gap", [Place("Gap", "05")]),
        ("based in Sens, call me", [SENS]),
        ("cours de piano à tours. tel 06", [TOURS]),
        ("basé à périgueux | ajoute nous", [Place("Périgueux", "24")]),
        ("Prof dispo\n\nCours de maths à Roanne", [Place("Roanne", "42")]),
    ],
)
def test_a_capital_mid_sentence_names_a_town(text: str, expected: list[Place]) -> None:
    assert find_places(text) == expected


def test_a_name_is_read_only_as_the_communes_free_text_calls_so() -> None:
    # "Angles" (Vendée) is the commune; "Les Angles" (Gard) is only called so with its article.
    assert find_places("dispo à Angles") == [Place("Angles", "85")]
    assert find_places("dispo aux Angles") == [Place("Les Angles", "30")]


def test_small_communes_are_not_matched_in_free_text() -> None:
    # Y (Somme) and Vue (Loire-Atlantique) are communes, too small to be read in free text.
    assert find_places("à Y ce soir, à Vue demain") == []


def test_result_does_not_depend_on_accents_case_or_separators() -> None:
    variants = ["à SAINT-ÉTIENNE", "a saint etienne", "à St Etienne", "à st-étienne!"]
    assert {tuple(find_places(text)) for text in variants} == {(Place("Saint-Étienne", "42"),)}
