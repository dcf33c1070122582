"""Rules that the model cannot outvote, and flags that always name their indicator."""

from __future__ import annotations

import pytest

from sentinelle.score.decide import carrier, decide, deciding_codes, stored_flagged_by
from sentinelle.score.scoring import score_text

THRESHOLDS = {"minor": 0.8, "control": 0.5, "recruitment": 0.3}


def test_a_stated_age_of_15_flags_minor_by_the_age_rule_and_nothing_else():
    result = score_text("Coucou je suis Jade, j'ai 15 ans, nouvelle a Paris")
    assert result.flags["minor"] is True
    assert result.flagged_by["minor"] == "age.stated_minor"
    assert result.flags["control"] is False and result.flagged_by["control"] is None
    assert result.scores["minor"] >= 0.5


def test_an_explicit_third_party_flags_control_with_its_words():
    result = score_text("Jade 25 ans, resa par mon manager… appartement fourni")
    assert result.flags["control"] is True
    assert result.flagged_by["control"] == "control.explicit_third_party"
    assert result.flags["minor"] is False
    evidence = [i.evidence for i in result.indicators if i.code == result.flagged_by["control"]]
    assert any("manager" in words for words in evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Lina, lycéenne, dispo le soir sur Lyon",
        "Sarah en seconde, dispo mercredi, Marseille",
        "Amy, in 10th grade, free tonight in Lille",
    ],
)
def test_a_school_level_flags_minor(text):
    result = score_text(text)
    assert result.flags["minor"] and result.flagged_by["minor"] == "youth.school_level"


@pytest.mark.parametrize(
    "text",
    [
        "C'est mon manager qui répond, Nadia 24 ans à Nice",
        "On partage 50/50 avec mon agent, logement fourni",
        "Bookings through my manager only, Kim 27",
    ],
)
def test_explicit_control_phrases_flag_control(text):
    result = score_text(text)
    assert (
        result.flags["control"] and result.flagged_by["control"] == "control.explicit_third_party"
    )


def test_a_high_score_without_evidence_never_flags():
    scores = {"minor": 0.99, "control": 0.99, "recruitment": 0.99}
    _, flags, flagged_by = decide(scores, ["mobility.new_in_town", "activity.escort"], THRESHOLDS)
    assert flags == {"minor": False, "control": False, "recruitment": False}
    assert flagged_by == {"minor": None, "control": None, "recruitment": None}


def test_a_deciding_indicator_flags_a_low_score_and_lifts_it_to_the_threshold():
    scores = {"minor": 0.01, "control": 0.01, "recruitment": 0.01}
    final, flags, flagged_by = decide(scores, ["age.stated_minor"], THRESHOLDS)
    assert flags["minor"] and flagged_by["minor"] == "age.stated_minor"
    assert final["minor"] == THRESHOLDS["minor"] and final["control"] == 0.01


def test_a_model_flag_names_the_first_evidence_of_its_label():
    scores = {"minor": 0.1, "control": 0.9, "recruitment": 0.1}
    _, flags, flagged_by = decide(
        scores, ["youth.emoji", "control.several_persons", "control.shared_contact"], THRESHOLDS
    )
    assert flags == {"minor": False, "control": True, "recruitment": False}
    assert flagged_by["control"] == "control.several_persons"


def test_every_deciding_code_is_evidence_and_stored_flags_name_it():
    assert {"age.stated_minor", "youth.school_level"} <= deciding_codes("minor")
    assert "control.explicit_third_party" in deciding_codes("control")
    assert carrier("minor", ["youth.language"], flagged=False) == (None, False)
    named = stored_flagged_by({"minor": True, "control": False}, ["youth.language"])
    assert named == {"minor": "youth.language", "control": None, "recruitment": None}


def test_benign_look_alikes_do_not_trip_the_rules():
    for text in (
        "Cours particuliers de maths, collège et lycée, 20€/h, Lyon",
        "Famille cherche baby-sitter pour notre fille de 8 ans, sortie d'école",
        "Indépendante, pas d'agence, je gère mes rdv moi-même, 30 ans",
        "Réservation par téléphone au restaurant, terrasse ouverte",
    ):
        result = score_text(text)
        assert not any(
            code in deciding_codes(label) for label, code in result.flagged_by.items() if code
        ), text


@pytest.mark.parametrize(
    "text",
    [
        "Coucou, jeune de 16, dispo à Lyon",
        "Léa, 16, dispo ce soir",
        "Jade 15a nouvelle sur Paris",
        "Sirine, 14 piges, de passage",
        "Mirela, bientôt 16. Rdv possible",
        "Salut j'ai seize ans, dispo",
        "Léa 16yo tonight",
        "âgée de 15, je reçois",
    ],
)
def test_every_stated_minor_age_form_flags_minor(text):
    result = score_text(text)
    assert result.flags["minor"] and result.flagged_by["minor"] == "age.stated_minor", text


@pytest.mark.parametrize(
    "text",
    [
        "Nadia 24 ans, mon mec gère les rdv",
        "Le planning est fait par mon boss, Ilona 22 ans",
        "c'est Kevin qui répond, Lina 25 ans à Lyon",
        "Tarif 150, pas de négociation avec moi",
    ],
)
def test_control_in_varied_words_flags_control(text):
    result = score_text(text)
    assert result.flags["control"], text
    assert result.flagged_by["control"] == "control.explicit_third_party"


@pytest.mark.parametrize(
    "text",
    [
        "Indépendante, personne derrière moi, 28 ans, Lyon, 150€ le rdv à 16h",
        "Je gère tout moi-même, pas d'intermédiaire. Paris 16e, le 16/03",
        "Lyon (69), Nice (06), 2 ans d'expérience, code postal 75016",
    ],
)
def test_independent_adults_and_numbers_flag_nothing(text):
    result = score_text(text)
    assert not any(result.flags.values()), (text, result.flagged_by)
