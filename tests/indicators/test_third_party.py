"""Third-party control in varied sentence shapes, and independent adults' own words."""

from __future__ import annotations

import pytest

from sentinelle.indicators.matcher import match_indicators
from sentinelle.records import Extraction
from tests.indicators.shape_samples import assert_gates_hold, gated_search_texts

CODE = "control.explicit_third_party"


def codes(text: str) -> dict[str, str]:
    return {i.code: i.evidence for i in match_indicators(text, Extraction())}


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Mon ami gère les rendez-vous.", "Mon ami gère"),
        ("mon mec  gère tout", "mon mec  gère"),
        ("Le planning est fait par mon boss.", "fait par mon boss"),
        ("c'est Kevin qui répond au tel", "c'est Kevin qui répond"),
        ("appelez Sam pour rdv", "appelez Sam pour rdv"),
        ("le chauffeur me dépose à l'hôtel", "le chauffeur me dépose"),
        ("Tarif fixe, pas de négociation avec moi", "pas de négociation avec moi"),
        ("je reverse la moitié à mon pote", "reverse la moitié à mon pote"),
        ("my boyfriend handles bookings", "my boyfriend handles"),
    ],
)
def test_a_third_party_in_varied_words_is_explicit_control(text: str, evidence: str) -> None:
    assert codes(text)[CODE] == evidence


@pytest.mark.parametrize(
    "text",
    [
        "Je gère tout moi-même, pas d'intermédiaire.",
        "C'est moi qui réponds, aucune agence.",
        "Indépendante, personne derrière moi.",
        "appelez moi pour rdv",
        "Tarif non négociable",
        "Je travaille seule et je gère tout moi-même.",
    ],
)
def test_independent_adults_words_are_not_control(text: str) -> None:
    found = codes(text)
    assert CODE not in found and "control.third_party_booking" not in found


def test_an_independent_says_so_as_context() -> None:
    assert "benign.adult_independent" in codes("Je gère tout moi-même, pas d'intermédiaire.")


def test_an_agency_style_contact_name_is_control_evidence_masked() -> None:
    found = match_indicators("dispo", Extraction(handles=["snapchat:vip_8224"]))
    (agency,) = [i for i in found if i.code == "control.agency_handle"]
    assert "8224" not in agency.evidence and agency.evidence.startswith("snapchat:")
    plain = match_indicators("dispo", Extraction(handles=["snapchat:lea_dispo75"]))
    assert all(i.code != "control.agency_handle" for i in plain)


@pytest.mark.parametrize(
    "text",
    [
        "Léa 22 ans, un ami répond pour moi, Lyon",
        "Ce n'est pas moi au téléphone, laissez un sms",
        "Rdv à prendre avec mon agent",
        "Prise de rdv via mon manager",
        "La moitié va à mon mec",
        "30% pour l'agence, le reste pour moi",
        "Je suis logée contre une part",
        "Hébergée par mon patron à Nantes",
        "logée contre 50%",
        "On me loge à deux pas de la gare",
    ],
)
def test_answering_booking_shared_earnings_and_housing_against_a_share_are_control(text):
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Je ne réponds pas aux numéros masqués.",
        "Je garde tout pour moi, aucune commission.",
        "Je réponds moi-même, rdv avec moi uniquement.",
        "Logée chez moi, je reçois dans mon appartement.",
        "Je donne la moitié de mon temps au bénévolat.",
    ],
)
def test_an_independents_own_arrangements_are_not_explicit_control(text):
    assert CODE not in codes(text)


def test_every_shape_holds_the_words_its_prefilter_asks_for() -> None:
    """Whatever branch, repeat and name a match takes, it contains a word of each group the
    prefilter requires: a shape skipped for lack of those words could not have matched."""
    from sentinelle.indicators.third_party import _PATTERNS, REQUIRED

    assert_gates_hold(_PATTERNS, REQUIRED)


def _unfiltered(haystack: str, source: str) -> list:
    """The shapes searched one by one with no prefilter (the reference)."""
    from sentinelle.indicators.indicator import Indicator
    from sentinelle.indicators.third_party import _PATTERNS, _accepted

    found: list = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(haystack):
            start, end = match.span()
            if _accepted(match) and not any(
                start < i.span[1] and i.span[0] < end for i in found if i.span
            ):
                found.append(Indicator(CODE, source[start:end], (start, end)))
    return found


def test_the_prefilter_changes_nothing_on_generated_posts_and_test_texts() -> None:
    from sentinelle.indicators.third_party import third_party_indicators

    fired = 0
    for text, haystack, source in gated_search_texts(16, 17):
        expected = _unfiltered(haystack, source)
        assert third_party_indicators(haystack, source) == expected, text
        fired += bool(expected)
    assert fired >= 20  # the corpora and test texts do say third-party control


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "C'est ma copine qui s'occupe des réservations",
            "C'est ma copine qui s'occupe des réservations",
        ),
        ("Ma soeur gère mon planning, écrivez-lui", "Ma soeur gère mon planning"),
        ("C'est pas moi qui réponds au téléphone", "C'est pas moi qui réponds"),
        ("Contact via mon booker, Jade 24 ans", "Contact via mon booker"),
        ("my agency handles bookings", "my agency handles bookings"),
        ("je garde 50% le reste va à celui qui gère", "je garde 50% le reste"),
        ("Appart fourni par le boss", "fourni par le boss"),
    ],
)
def test_more_third_parties_in_other_writers_words(text: str, evidence: str) -> None:
    assert codes(text)[CODE] == evidence


@pytest.mark.parametrize(
    "text",
    [
        "ma copine et moi on est dispo en duo",
        "rdv avec mon amie pour un duo",
        "Je suis nounou, ma soeur gère les enfants le soir",
        "Colocation: la moitié pour moi la moitié pour lui du loyer",
        "le proprio prend une part des charges",
        "le restaurant prend 10%",
        "je passe par Lyon au mois de mai",
        "Lina vous reçoit, appelez Lina au 06 12 34 56 78",
        "je reverse rien à personne, indépendante",
        "mon assistant vocal répond pas",
        "Bijoux faits main en dépôt-vente chez Marc à Lyon, il prend 20% sur chaque vente",
        "Babysitting weekends, my sister takes over on Sundays, 12 dollars an hour",
        "Wedding photographer, my team handles the editing, packages from 900 dollars",
        "Pour postuler au poste de serveuse passez par Julie au 06 12 34 56 78",
    ],
)
def test_friends_rents_and_the_posters_own_name_are_no_third_party(text: str) -> None:
    assert CODE not in codes(text)
