"""The shipped model on phrasing the demo generator never produces (hand-written variants).

The generator's own held-out figures are in the model card; these posts check that the model
leans on the catalogue rather than on the generator's sentences.
"""

import pytest

from sentinelle.records import Extraction, PhoneHit, Post, StatedAge
from sentinelle.score.model import default_model
from sentinelle.score.scoring import score_posts


def ad(post_id: int, text: str) -> Post:
    return Post("hand", str(post_id), "ad", text, "2024-05-01T20:00:00+02:00")


def found(ages=(), phone=None, tricks=()) -> Extraction:
    phones = [PhoneHit(phone, phone, tuple(tricks))] if phone else []
    return Extraction(phones=phones, stated_ages=[StatedAge(a, f"{a} ans") for a in ages])


MINORS = [
    (
        ad(
            1,
            "Coucou c'est Mélina, j'ai 15 ans, dispo ce soir vers Rouen, écris à mon grand "
            "frère il gère les rdv",
        ),
        found([15], "+33611111111"),
    ),
    (
        ad(
            2,
            "petite nouvelle toute fraîche de 16 printemps 🍭 dispo après le lycée, contacter "
            "le gérant",
        ),
        found([], "+33622222222", ["number_words"]),
    ),
    (
        ad(3, "Jessy, 17 ans, très jeune et timide, première expérience, rdv via mon cousin"),
        found([17], "+33633333333"),
    ),
]
ADULTS = [
    (
        ad(
            4,
            "Bonjour, Sandrine 38 ans, masseuse indépendante diplômée, je reçois à Tours sur "
            "rendez-vous",
        ),
        found([38], "+33644444444"),
    ),
    (
        ad(5, "Femme de 29 ans, seule et indépendante, pas d'agence, je réponds moi-même, Brest"),
        found([29], "+33655555555"),
    ),
    (
        ad(6, "Mature lady, 45, independent, no agency, incall near the station, text me"),
        found([45], "+33600000006"),
    ),
]
LOOKALIKES = [
    (
        ad(7, "Cherche colocataire sérieuse, appartement à Lille, 400€ par mois, libre en juin"),
        found([], "+33666666666"),
    ),
    (
        ad(
            8,
            "Étudiante de 20 ans propose du soutien scolaire aux collégiens après les cours, Dijon",
        ),
        found([20], "+33677777777"),
    ),
    (
        ad(9, "Garde d'enfants le mercredi après-midi, deux enfants de 8 et 11 ans, Nantes"),
        found([8, 11], "+33600000009"),
    ),
]
RECRUITERS = [
    (
        ad(
            10,
            "Les filles, vous voulez vous faire 2000 balles par semaine ? logement + protection, "
            "on partage 50/50, venez en privé",
        ),
        found(),
    ),
    (
        ad(
            11,
            "Hiring motivated girls 18+, we provide housing and a driver, easy money every "
            "night, DM me",
        ),
        found(),
    ),
]
CONTROLLED = [
    (
        ad(12, "New girls every week in Lyon, call our manager to book, 100% real pics"),
        found([], "+33699999999", ["letters_for_digits"]),
    ),
]


def score(cases):
    return score_posts([p for p, _ in cases], [e for _, e in cases], None, default_model())


@pytest.fixture(scope="module")
def scored():
    groups = {
        "minors": MINORS,
        "adults": ADULTS,
        "lookalikes": LOOKALIKES,
        "recruiters": RECRUITERS,
        "controlled": CONTROLLED,
    }
    return {name: score(cases) for name, cases in groups.items()}


def test_no_flag_on_independent_adults_or_lookalikes(scored):
    for result in scored["adults"] + scored["lookalikes"]:
        assert not any(result.flags.values()), (result.id, result.scores)


def test_minors_rank_above_every_adult_and_lookalike(scored):
    lowest_minor = min(r.scores["minor"] for r in scored["minors"])
    highest_other = max(r.scores["minor"] for r in scored["adults"] + scored["lookalikes"])
    assert lowest_minor > highest_other


def test_recruitment_is_flagged(scored):
    assert all(r.flags["recruitment"] for r in scored["recruiters"])


def test_third_party_control_scores_above_independents(scored):
    controlled = min(r.scores["control"] for r in scored["controlled"])
    assert controlled > max(r.scores["control"] for r in scored["adults"])
