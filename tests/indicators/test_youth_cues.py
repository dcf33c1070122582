"""Youth cues of two kinds in one escort ad flag minor, with both cues named; else nothing."""

from __future__ import annotations

import pytest

from sentinelle.indicators.youth_cues import CODE
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
