"""Stated ages, and the numbers of years that are not ages."""

from __future__ import annotations

import pytest

from sentinelle.extract.ages import find_ages, posting_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Léa 16 ans, dispo", [(16, "16 ans")]),
        ("16ans", [(16, "16ans")]),
        ("Léa, 16a, dispo", [(16, "16a")]),
        ("16yo", [(16, "16yo")]),
        ("16 yo", [(16, "16 yo")]),
        ("âge : 16", [(16, "âge : 16")]),
        ("Âge: 20", [(20, "Âge: 20")]),
        ("j'ai 16", [(16, "j'ai 16")]),
        ("j’ai 17 ans", [(17, "j’ai 17 ans")]),
        ("née en 2008", [(16, "née en 2008")]),
        ("né en 2008", [(16, "né en 2008")]),
        ("une fille de 2008", [(16, "de 2008")]),
        ("LÉA 17 ANS", [(17, "17 ANS")]),
        ("19 ans et toujours 19 ans", [(19, "19 ans")]),
        ("j'ai 16 ans, née en 2008", [(16, "j'ai 16 ans")]),
        ("Nour 22 ans et Léa 17 ans", [(22, "22 ans"), (17, "17 ans")]),
        ("pour notre fille de 5 ans", [(5, "5 ans")]),  # a child's age is stated too
        ("Aya et Yasmine, 19 et 20 ans", [(19, "19 et 20 ans"), (20, "19 et 20 ans")]),
        ("jeune de 16, dispo", [(16, "jeune de 16")]),
        ("âgée de 15", [(15, "âgée de 15")]),
        ("Léa, 16, dispo ce soir", [(16, "Léa, 16")]),
        ("Coucou Jade (15) dispo", [(15, "Jade (15")]),
        ("Léa,16a", [(16, "16a")]),
        ("Sirine, 14 piges, de passage", [(14, "14 piges")]),
        ("Mirela, bientôt 16.", [(16, "bientôt 16")]),
        ("j'ai seize ans", [(16, "seize ans")]),
        ("dix-sept ans et timide", [(17, "dix-sept ans")]),
        ("Amel & Daniela 19 and 26 yo", [(19, "19 and 26 yo"), (26, "19 and 26 yo")]),
        (
            "22, 19 & 17 ans",
            [(22, "22, 19 & 17 ans"), (19, "22, 19 & 17 ans"), (17, "22, 19 & 17 ans")],
        ),
    ],
)
def test_stated_ages(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(age.age, age.evidence) for age in find_ages(text, 2024)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "16 ans d'expérience",
        "10 ans d’expérience",
        "depuis 2 ans",
        "il y a 15 ans",
        "pendant 12 ans",
        "18 ans et plus",
        "+18 ans",
        "dispo 16 a 22h",
        "j'ai 2 enfants",
        "j'ai 150€",
        "de 2008 à 2010",
        "mariage 16",
        "150€ la nuit, 06 12 34 56 78",
        "Lyon (69) ce soir",
        "Saint-Étienne (42)",
        "Saint Etienne (42)",
        "Aix en Provence (13)",
        "Paris, 16e",
        "Marseille, 13 rue",
        "Lundi, 16 dispo",
        "Studio, 25 m2",
        "bientôt 18h",
        "jeunes de 18 à 25",
        "depuis deux ans",
        "deux ans d'expérience",
        "150,16 ans",
        "Vitry-sur-Seine\n2000€ net",
    ],
)
def test_not_ages(text: str) -> None:
    assert find_ages(text, 2024) == []


def test_birth_year_needs_the_posting_year() -> None:
    assert find_ages("née en 2008", None) == []
    assert [age.age for age in find_ages("née en 2008", 2025)] == [17]


def test_posting_year() -> None:
    assert posting_year("2024-03-13T01:00:00+01:00") == 2024
    assert posting_year("") is None


def ages(text: str) -> list[tuple[int, str]]:
    return [(found.age, found.evidence) for found in find_ages(text, 2024)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Coucou, I'm 16, nouvelle à Lyon", [(16, "I'm 16")]),
        ("im 15 dispo ce soir", [(15, "im 15")]),
        ("Hello I am 17 and new here", [(17, "I am 17")]),
        ("I’m only 15 !", [(15, "I’m only 15")]),
        ("je suis Maëva im 20 Photos récentes", [(20, "im 20")]),
        ("Im 16 y/o, Paris", [(16, "Im 16 y/o")]),
        ("new girl 16 y/o", [(16, "16 y/o")]),
        ("16y/o", [(16, "16y/o")]),
        ("16 Y/O", [(16, "16 Y/O")]),
        ("17 years old, dispo", [(17, "17 years old")]),
        ("age 16 - dispo", [(16, "age 16")]),
        ("Age : 15", [(15, "Age : 15")]),
        ("aged 16", [(16, "aged 16")]),
    ],
)
def test_english_forms(text: str, expected: list[tuple[int, str]]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jade, 16 - nouvelle à Paris", [(16, "Jade, 16")]),
        ("Léa, 16 -", [(16, "Léa, 16")]),
        ("Daria, 18 | nouvelle\n\nDispo ce soir", [(18, "Daria, 18")]),
        ("Océane , 28 – dispo", [(28, "Océane , 28")]),
        ("Maëva, 15 • Lille", [(15, "Maëva, 15")]),
        ("Inès (17) - Toulouse", [(17, "Inès (17")]),
        ("Nour, 16", [(16, "Nour, 16")]),
    ],
)
def test_name_and_bare_age_opening_an_ad_or_title(text: str, expected) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jade, 16 rue de la Paix, 2e étage",
        "Chez Léa, 16 avenue Foch",
        "Léa, 16 bis boulevard Voltaire",
        "Léa, 16 photos récentes sur demande",
        "Dispo dès 16h",
        "Rdv 16:00 au plus tôt",
        "Libre le 16/05",
        "16€ le parking, 16 roses",
        "Clients 30 ans minimum",
        "I'm 5 minutes from the station",
        "I'm 20 km away",
        "I am 18+ only",
        "Paris, 16 - Lyon",  # a place, then a number
        "Mardi, 16 - dispo",
        "Contact (21) 93344-4421 numéro brésilien",
        "Jim 16",
        "slim 16",
    ],
)
def test_numbers_beside_names_that_are_no_age(text: str) -> None:
    assert ages(text) == []


def test_experience_written_without_an_apostrophe_is_no_age() -> None:
    assert find_ages("Coach perso, 16 ans d expérience, séances à domicile", 2024) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jade 1️⃣6️⃣ ans, nouvelle à Lyon", [(16, "1️⃣6️⃣ ans")]),
        ("j'ai 1⃣7⃣ ans", [(17, "j'ai 1⃣7⃣ ans")]),
        ("Léa 2️⃣3️⃣ans dispo", [(23, "2️⃣3️⃣ans")]),
    ],
)
def test_keycap_digits(text: str, expected: list[tuple[int, str]]) -> None:
    """Keycap emoji are digits: the age is read and its evidence is the text as written."""
    assert [(item.age, item.evidence) for item in find_ages(text, 2026)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Léa 22 ans, je reçois les hommes de 25 à 60 ans", [22]),
        ("messieurs entre 30 et 60 ans uniquement", []),
        ("clients 25-60 ans", []),
        ("filles de 16 à 18 ans", [16]),  # a range from under 18 states its lower bound
        ("Léa et Manon, 19 et 20 ans", [19, 20]),  # two people, not a range
    ],
)
def test_ranges_of_ages(text: str, expected: list[int]) -> None:
    """A range of ages is the clients' (or a group's), never one person's age."""
    assert sorted(item.age for item in find_ages(text, 2026)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New here, 16 yrs, Lyon", [(16, "16 yrs")]),
        ("I'm sixteen, new here", [(16, "I'm sixteen")]),
        ("fifteen years old", [(15, "fifteen years old")]),
        ("tengo 16 años, nueva", [(16, "16 años")]),
        ("am 16 ani, noua in Paris", [(16, "16 ani")]),
        ("16 balais, dispo", [(16, "16 balais")]),
        ("Lina 16-ans", [(16, "16-ans")]),
        ("née le 12/03/2008, dispo", [(16, "née le 12/03/2008")]),
        ("née le 3 mars 2008", [(16, "née le 3 mars 2008")]),
        ("ddn : 12.03.2008", [(16, "ddn : 12.03.2008")]),
        ("I was born in 2009", [(15, "I was born in 2009")]),
        ("Jade - 16 - Lyon", [(16, "Jade - 16")]),
        ("Jade | 16 | nouvelle", [(16, "Jade | 16")]),
        ("Jade • 16 • Lyon", [(16, "Jade • 16")]),
        ("juste 16 ans", [(16, "16 ans")]),
    ],
)
def test_more_ways_of_stating_an_age(text: str, expected: list[tuple[int, str]]) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2 years ago in Lyon",
        "10 years of experience",
        "for 3 years",
        "18 years and over",
        "18 yrs+",
        "10 yrs exp",
        "more than 30 years",
        "5 ani de experienta",
        "rdv le 12/03/2026",
        "sixteen rooms",
        "2-3 ans d'expérience",
        "2 animaux acceptés",
        "juste 15 la demi-heure",
        "plus que 15 !",
        "Lyon - 69 - centre",
        "Studio - 25 m2",
        "Rdv - 18 - 20h",
        "Dispo - 16, 17 et 18 juin à Lyon",
        "Promo - 15. Dispo ce soir",
        "Arrondissement / 15, métro Vaugirard",
        "Disponible | 17. Je reçois",
        "I'm fifteen minutes from the airport",
        "15 years in the business",
        "I have been doing this 15 years",
        "Our agency was born in 2012",
        "Photos privées seulement 15, vidéos 30",
        "Pas encore 18, mais presque",
    ],
)
def test_durations_and_counts_in_other_words_are_no_age(text: str) -> None:
    assert find_ages(text, 2024) == []


def test_a_first_name_with_accents_before_a_separated_age() -> None:
    assert ages("Inès - 16 - Lyon") == [(16, "Inès - 16")]
