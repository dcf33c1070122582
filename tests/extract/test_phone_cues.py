"""A country hint belongs to the number it is written next to, never to the whole post."""

from __future__ import annotations

import pytest

from sentinelle.extract.phone_cues import country_cues, regions_at
from sentinelle.extract.phones import find_phones


def numbers(text: str) -> list[str]:
    return [hit.e164 for hit in find_phones(text)]


@pytest.mark.parametrize(
    "text",
    [
        # the poster's nationality, said elsewhere in the post
        "Je suis roumaine, tel 07 12 34 56 78",
        "Nouvelle, je suis marocaine. Appelle moi au 06 61 23 45 67",
        "Vraie marocaine 🇲🇦 dispo, whatsapp 06 61 23 45 67",
        "🇲🇦 Salut, nouvelle ici. Me joindre 06 61 23 45 67",
        "Je suis algérienne. 🇩🇿 06*61*23*45*67 (sms d'abord)",
        "Roumaine 🇷🇴\nAppelle 07 12 34 56 78",
        "Appelle 07 12 34 56 78\n🇷🇴 Roumaine, nouvelle ici",
        "Je suis roumaine, tel 07 51 23 45 67",  # in the plan and grouped in pairs
        "Je suis roumaine. Appelle 0751234567",  # one run: French writing too
        "07 12 34 56 78 je suis roumaine",
        "Belge de passage, tel 04 70 12 34 56",
        "06 61 23 45 67. Marocaine, douce et souriante",
        "Tunisienne, nouvelle ici. 🇹🇳 Contact : 06 61 23 45 67",
    ],
)
def test_a_french_number_with_a_hint_about_the_poster_stays_french(text: str) -> None:
    (found,) = numbers(text)
    assert found.startswith("+33"), (text, found)


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("numéro marocain : 06 61 23 45 67", "+212661234567"),
        ("06 61 23 45 67 🇲🇦", "+212661234567"),
        ("🇧🇪 04 70 12 34 56", "+32470123456"),
        ("Belgique : 0470 12 34 56", "+32470123456"),
        ("mon numéro belge est le 0470 12 34 56", "+32470123456"),
        ("WhatsApp 🇷🇴 0721 234 567", "+40721234567"),
        ("0721 234 567 (num roumain)", "+40721234567"),
        ("tel en Roumanie: 0721 234 567", "+40721234567"),
        ("numéro roumain 🇷🇴 0721 234 567", "+40721234567"),
        ("Je suis roumaine ... appelle 0721 234 567", "+40721234567"),
        # a French mobile's digits, but grouped as Romania writes them and France never does
        ("Je suis roumaine, nouvelle ici. Appelle 0751 234 567", "+40751234567"),
    ],
)
def test_a_hint_next_to_the_number_names_its_country(text: str, e164: str) -> None:
    assert numbers(text) == [e164]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tel 06 12 34 56 78 / WhatsApp 🇷🇴 0721 234 567",
            ["+33612345678", "+40721234567"],
        ),
        (
            "Me joindre Zero741070977 / numéro roumain 0726 268 120",
            ["+33741070977", "+40726268120"],
        ),
        (
            "Appelle 07 12 34 56 78\n🇷🇴 0721 234 567",
            ["+33712345678", "+40721234567"],
        ),
        (
            "Appelle 07 12 34 56 78 / 🇷🇴 +40 721 234 567",
            ["+33712345678", "+40721234567"],
        ),
        (
            "Me joindre 07 87 05 54 48 / 🇷🇴 0740 210 080 / tg @noa",
            ["+33787055448", "+40740210080"],
        ),
        (
            "Pour réserver 06 52 45 75 49 / 0490 30 05 80 (Belgique) 1 986 € la semaine",
            ["+33652457549", "+32490300580"],
        ),
        (
            "num belge 0470 12 34 56 et mon num français 06 12 34 56 78",
            ["+32470123456", "+33612345678"],
        ),
        (
            "Je suis roumaine. 06 12 34 56 78 ou numéro roumain 0721 234 567",
            ["+33612345678", "+40721234567"],
        ),
        (
            "Écris-moi au 0 6 6 2 8 1 7 9 7 1 / numéro roumain 0749 045 212",
            ["+33662817971", "+40749045212"],
        ),
    ],
)
def test_a_french_and_a_foreign_number_in_one_post(text: str, expected: list[str]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Je suis tunisienne. Chambre 522, étage 1, digicode 4151.",
        "Brésilienne. Réf annonce 5578423675.",
        "Je suis espagnole, 612 euros la semaine, 34 56 78 ans",
    ],
)
def test_a_far_hint_reads_no_number_out_of_references(text: str) -> None:
    assert numbers(text) == []


def test_out_of_plan_french_pairs_stay_french_under_a_far_hint() -> None:
    assert numbers("Je suis roumaine. Tel : 07 09 45 01 77") == ["+33709450177"]
    assert numbers("Je suis roumaine. Tel : 0 7 0 9 4 5 0 1 7 7") == ["+33709450177"]
    assert numbers("Je suis roumaine. Tel : 0709450177") == ["+33709450177"]
    # grouped the Romanian way, the post's country is read
    assert numbers("Je suis roumaine. Tel : 0709 450 177") == ["+40709450177"]
    # a number in the plan stays French whatever its grouping
    assert numbers("Je suis roumaine. Tel : 0612345678") == ["+33612345678"]


def test_regions_at_is_about_the_span_given() -> None:
    text = "07 12 34 56 78 / 🇷🇴 0721 234 567"
    cues = country_cues(text)
    assert regions_at(text, cues, 0, 14) == ()
    assert regions_at(text, cues, 20, len(text)) == ("RO",)
    echo = country_cues("Je suis roumaine 🇷🇴 0721 234 567")
    assert [cue.kind for cue in echo] == ["word", "echo"]
