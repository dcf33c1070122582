"""A pupil's school level in a benign service ad is no minor cue; in an escort ad it still is."""

from __future__ import annotations

import pytest

from sentinelle.extract import extract_post
from sentinelle.indicators.benign_service import CODE, YOUTH_CUES, benign_service
from sentinelle.indicators.matcher import match_indicators
from sentinelle.records import Post
from sentinelle.score.scoring import score_text


def _fired(text: str) -> dict[str, str]:
    post = Post("s", "1", "ad", text, "2024-03-01T10:00:00+01:00")
    return {i.code: i.evidence for i in match_indicators(text, extract_post(post))}


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("Lycéenne dispo pour baby-sitting le week-end, 12€ de l'heure, Lyon", "baby-sitting"),
        (
            "Je suis en seconde, je donne des cours de maths aux collégiens, 10€/h",
            "donne des cours",
        ),
        ("Collégienne, je promène vos chiens après les cours, Nantes", "promène vos chiens"),
        (
            "Élève de terminale, aide aux devoirs pour primaires, dispo le mercredi",
            "aide aux devoirs",
        ),
        ("Lycéenne sérieuse, je garde vos chats pendant les vacances scolaires", "garde vos chats"),
        ("Toute jeune et motivée, je cherche un stage de 3e à Lille, encore au collège", "stage"),
        ("high schooler offering math tutoring after school, $15/h", "tutoring"),
        ("En 1ère, petsitting et arrosage de vos plantes cet été 🎒", "petsitting"),
        ("Lycéenne en seconde, je fais du ménage et du repassage le samedi", "fais du ménage"),
        ("Collégienne, cet été je ramasse vos feuilles, 8€/h", "ramasse vos feuilles"),
        ("En terminale, je cherche un job d'été à Rennes, dispo juillet-août", "job d'été"),
        ("Lycéenne, je fais vos courses pour les personnes âgées du quartier", "courses"),
    ],
)
def test_a_pupils_service_ad_sets_its_youth_cues_aside_and_names_the_service(text, service):
    fired = _fired(text)
    assert not YOUTH_CUES & fired.keys()
    assert service.casefold() in fired[CODE].casefold()


@pytest.mark.parametrize(
    "text",
    [
        "Lycéenne dispo pour baby-sitting, 150€ la rencontre, discrète",
        "Lycéenne, je reçois à l'hôtel, cours de maths ;) 12€",
        "En seconde, baby-sitting et massage, 100€, Lyon",
        "Lycéenne dispo pour garder vos enfants, c'est mon manager qui répond",
        "Collégienne, soutien scolaire, 30min 80€",
    ],
)
def test_a_school_level_in_an_ad_of_the_escort_kind_still_decides_minor(text):
    fired = _fired(text)
    assert "youth.school_level" in fired and CODE not in fired
    result = score_text(text)
    assert result.flags["minor"] and result.flagged_by["minor"] == "youth.school_level"


@pytest.mark.parametrize(
    "text",
    [
        "Élève de 3e, je donne des cours de maths aux primaires, 10€/h, Lyon",
        "Lycéenne dispo pour baby-sitting le soir, 12€ de l'heure, tel 06 12 34 56 78",
        "Je suis en seconde, je peux aider votre ado en français, dispo après les cours",
        "Collégienne en 4ème, je garde vos animaux pendant les vacances scolaires 🐣",
        "Collégienne en 4ème, je lave la vaisselle après vos fêtes, 10€/h",
        "Lycéenne motivée pour vous aider le samedi, 12€ de l'heure",
    ],
)
def test_a_pupils_service_ad_is_not_flagged_minor(text):
    result = score_text(text)
    assert result.flags["minor"] is False and result.flagged_by["minor"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Lycéenne, j'ai 16 ans, je garde vos enfants le mercredi, 10€/h",
        "J'ai 15 ans et je donne des cours de maths, 10€/h",
        "16 ans, je promène vos chiens le week-end",
    ],
)
def test_a_pupils_own_stated_age_in_a_service_ad_says_who_offers_it(text):
    """Her age is shown, not flagged: it says who offers the service, as her school level does."""
    result = score_text(text)
    codes = {indicator.code for indicator in result.indicators}
    assert not result.flags["minor"] and CODE in codes and "age.stated_minor" not in codes


@pytest.mark.parametrize(
    "text",
    [
        "16 ans, baby-sitting, 150€ la rencontre",
        "J'ai 16 ans, dispo pour baby-sitting, discrète, hôtel",
        "Lina 16 ans, dispo ce soir, je reçois",
    ],
)
def test_a_stated_age_under_18_in_an_ad_of_the_escort_kind_always_flags_minor(text):
    result = score_text(text)
    assert result.flags["minor"] and result.flagged_by["minor"] == "age.stated_minor"


def test_a_school_level_without_any_service_still_decides_minor():
    result = score_text("Lina, lycéenne, dispo le soir sur Lyon")
    assert result.flagged_by["minor"] == "youth.school_level"


def test_monthly_and_daily_prices_are_no_meeting_price():
    fired = _fired("Lycéenne, je cherche un stage d'observation, gratification 400€ par mois")
    assert CODE in fired and "youth.school_level" not in fired


def test_an_escort_ad_naming_no_service_is_no_service():
    assert benign_service("lyceenne dispo ce soir a lyon 150 la rencontre") is None


def test_stretched_letters_still_name_the_service():
    fired = _fired("Soutiennn scolairee de maths, collège et lycée, 15€/h")
    assert "youth.school" not in fired and fired[CODE] == "soutien scolaire"


def test_an_au_pair_lodged_is_no_escort_ad():
    fired = _fired("Famille cherche jeune fille au pair, logée nourrie, Lyon")
    assert "youth.language" not in fired and CODE in fired


@pytest.mark.parametrize(
    "text",
    [
        "Lycéenne dispo après les cours, 1h 20 roses, snap lea_09",
        "Petite lycéenne dispo ce soir 25€ 1h",
        "Lycéenne 17a propose ménage à trois ce soir",
        "Collégienne cherche petits boulots pour argent de poche",
    ],
)
def test_a_meeting_price_or_a_euphemism_keeps_the_youth_cues(text):
    fired = _fired(text)
    assert CODE not in fired and fired.keys() & YOUTH_CUES


def test_a_wage_by_the_hour_names_the_service_a_meeting_price_does_not():
    assert _fired("Lycéenne motivée pour vous aider le samedi, 12€ de l'heure")[CODE] == (
        "12€ de l'heure"
    )
    fired = _fired("Lycéenne dispo ce soir, 150€ 1h")
    assert CODE not in fired and "youth.school_level" in fired


@pytest.mark.parametrize(
    "text",
    [
        "Jade 16 ans, je garde vos enfants le soir, et plus si affinités, snap jade_16",
        "Lycéenne 16 ans, je fais du ménage chez vous en petite tenue, 50 € de l'heure",
    ],
)
def test_a_service_ad_with_an_escort_ads_words_is_not_set_aside(text):
    assert score_text(text).flags["minor"]
