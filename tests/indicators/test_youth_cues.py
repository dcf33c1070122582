"""Youth cues of two kinds in one escort ad flag minor, with both cues named; else nothing."""

from __future__ import annotations

import pytest

from sentinelle.indicators.youth_cues import CLAIMED_18, CODE, NOT_YET_ADULT
from sentinelle.score.scoring import score_text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Petite nouvelle sur Lyon, 150€ la rencontre 🍭", ("Petite nouvelle", "🍭")),
        ("Toute jeune, dispo après les cours, je reçois, 120€", ("Toute jeune", "après les cours")),
        ("Tout juste majeure, hôtel ou chez moi 🎀", ("Tout juste majeure", "🎀")),
    ],
)
def test_two_kinds_of_youth_cue_in_an_escort_ad_flag_minor_naming_both(text, words):
    result = score_text(text)
    assert result.flags["minor"] and result.flagged_by["minor"] == CODE
    (evidence,) = [i.evidence for i in result.indicators if i.code == CODE]
    assert all(word in evidence for word in words)


@pytest.mark.parametrize(
    "text",
    [
        "Toute jeune 🍭, 25 ans, 150€ la rencontre",  # an adult age stated
        "Jeune étudiante, pas dispo le matin (cours), 150€",  # a student's words
        "Petite nouvelle 🍭 sur Lyon",  # nothing of the escort kind
        "Toute jeune et toute timide, 150€ la rencontre",  # one kind of cue
        "Petite puce 🧸 dispo sur Lyon, 150€ la rencontre",  # one phrase
        "Lycéenne 🎒 dispo pour baby-sitting, 10€/h",  # a pupil's service ad
    ],
)
def test_otherwise_the_rule_does_not_fire(text):
    assert CODE not in {i.code for i in score_text(text).indicators}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Jade bientôt majeure, je reçois, 100€ la demi heure", "bientôt majeure"),
        ("Coucou, majeure bientôt, discrète, 150€", "majeure bientôt"),
        ("Léa, majeure dans 3 mois 🌸 hôtel ou chez moi, 120€", "majeure dans 3 mois"),
        ("Pas encore 18 ans mais je reçois, 80€ 30 min", "Pas encore 18 ans"),
        ("Almost 18, incall only, 150 for the hour", "Almost 18"),
    ],
)
def test_not_yet_adult_in_an_escort_ad_decides_minor(text, words):
    result = score_text(text)
    assert result.flags["minor"] and result.flagged_by["minor"] == NOT_YET_ADULT
    (evidence,) = [i.evidence for i in result.indicators if i.code == NOT_YET_ADULT]
    assert evidence == words


@pytest.mark.parametrize(
    "text",
    [
        "Bientôt majeure, je garde vos enfants, 10€/h",  # a pupil's service ad
        "Bientôt majeure !! trop hâte de passer le permis",  # nothing of the escort kind
        "Ma fille bientôt majeure cherche un job d'été",  # someone else
        "Nina 24 ans, bientôt majeure lol, je reçois 150€",  # an adult age stated
        "Majeure et indépendante, je reçois, 150€ la rencontre",  # an adult's words
        "Lola 22 ans, bientôt à Lyon, je reçois 150€",  # "bientôt" of a stay
    ],
)
def test_not_yet_adult_otherwise_does_not_fire(text):
    result = score_text(text)
    assert NOT_YET_ADULT not in {i.code for i in result.indicators}
    assert not result.flags["minor"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Zoé 18 ans, dispo après le lycée, je reçois 100€", ("18 ans", "après le lycée")),
        ("Inès, 19 ans, mes parents sont pas au courant, hôtel 150€", ("19 ans", "mes parents")),
        ("Lina 18ans, pendant les vacances scolaires, 120€ la rencontre", ("18ans", "scolaires")),
    ],
)
def test_eighteen_beside_a_pupils_words_decides_minor(text, words):
    result = score_text(text)
    assert result.flags["minor"] and result.flagged_by["minor"] == CLAIMED_18
    (evidence,) = [i.evidence for i in result.indicators if i.code == CLAIMED_18]
    assert all(word in evidence for word in words)


@pytest.mark.parametrize(
    "text",
    [
        "Sarah 19 ans, jeune étudiante, pas dispo le matin (cours), 150€",  # a student's classes
        "Emma 18 ans, petite nouvelle sur Lyon, 150€ la rencontre",  # an adult's youth word
        "Léa 19 ans et 23 ans, après le lycée, 150€",  # an age of 20 or over stated
        "Julie 18 ans, je donne des cours de maths aux lycéens, 15€/h",  # a service ad
        "Chloé 19 ans, ancienne du lycée Victor Hugo, cherche colocation",  # no escort kind
    ],
)
def test_eighteen_otherwise_is_not_claimed(text):
    assert CLAIMED_18 not in {i.code for i in score_text(text).indicators}


@pytest.mark.parametrize(
    "text",
    [
        "Escort indépendante depuis mes 18 ans en Belgique, expérimentée, je reçois à Lyon, 150",
        "Bientôt 18 ans que je fais ce métier, femme mature, je reçois messieurs, 200 l'heure",
        "Almost 18 years in the industry, mature lady, incall only, 250 per hour",
        "Léa 19 ans, étudiante en BTS au lycée Jean Moulin, je reçois messieurs, 150 l'heure",
        "Sarah 19 ans, je reçois près du lycée Victor Hugo, messieurs discrets, 120",
        "Chloé 19 ans, je reçois quand mes parents sont absents, 100 la demi heure",
    ],
)
def test_adults_years_of_work_studies_and_parents_do_not_decide_minor(text):
    from sentinelle.score.scoring import score_text

    assert not score_text(text).flags["minor"], text


def test_not_yet_adult_outside_an_escort_ad_stays_evidence():
    from sentinelle.indicators.matcher import match_indicators
    from sentinelle.records import Extraction

    codes = {i.code for i in match_indicators("Bientôt majeure, trop hâte !", Extraction())}
    assert "age.disguised_minor" in codes and "age.not_yet_adult" not in codes
