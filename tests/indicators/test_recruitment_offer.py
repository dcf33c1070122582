"""Recruitment offers in varied shapes fire the recruitment and provision codes; ads do not."""

from __future__ import annotations

import pytest

from sentinelle.indicators.matcher import match_indicators
from sentinelle.indicators.recruitment_offer import MONEY, PROVIDED, recruitment_indicators
from sentinelle.records import Extraction
from tests.indicators.shape_samples import assert_gates_hold, gated_search_texts


def codes(text: str) -> dict[str, list[str]]:
    fired: dict[str, list[str]] = {}
    for indicator in match_indicators(text, Extraction()):
        fired.setdefault(indicator.code, []).append(indicator.evidence)
    return fired


@pytest.mark.parametrize(
    ("text", "code", "evidence"),
    [
        ("Tu gardes 60% de ce que tu fais", MONEY, "Tu gardes"),
        ("70% pour toi, le reste pour les frais", MONEY, "70% pour toi"),
        ("on prend que 30 %, c'est tout", MONEY, "on prend que 30 %"),
        ("tu touches la moitié direct", MONEY, "tu touches"),
        ("Logement et transport payés sur Lyon", PROVIDED, "Logement et transport payés"),
        ("sécu 24/24, pas de souci", PROVIDED, "sécu 24/24"),
        ("on te fournit le pack et le tel", PROVIDED, "on te fournit le pack"),
        ("On gère les annonces et les clients", PROVIDED, "On gère les annonces"),
        ("annonces faites par nous", PROVIDED, "annonces faites par nous"),
    ],
)
def test_offers_fire_with_their_words(text, code, evidence):
    assert evidence in codes(text)[code]


@pytest.mark.parametrize(
    "text",
    [
        "Jade 24 ans, déplacement inclus, je me déplace à domicile, 150€",
        "Je gère mes annonces moi-même, indépendante, 200€ la soirée",
        "Dispo de 10h à 22h, 100€ la demi-heure, parking sur place",
    ],
)
def test_an_independents_own_terms_fire_no_offer(text):
    assert not {MONEY, PROVIDED} & codes(text).keys()


def test_shapes_point_into_the_post():
    source = "Plan dispo: appart  fourni, 60 %  pour toi"
    for indicator in recruitment_indicators(source.lower(), source):
        start, end = indicator.span
        assert source[start:end] == indicator.evidence


def test_every_shape_holds_the_words_its_prefilter_asks_for() -> None:
    """Whatever branch and repeat a match takes, it contains a word of each group the
    prefilter requires: a shape skipped for lack of those words could not have matched."""
    from sentinelle.indicators.recruitment_offer import _PATTERNS, REQUIRED

    assert_gates_hold([pattern for _, pattern in _PATTERNS], REQUIRED)


def _unfiltered(haystack: str, source: str) -> list:
    """The shapes searched one by one with no prefilter (the reference)."""
    from sentinelle.indicators.indicator import Indicator
    from sentinelle.indicators.recruitment_offer import _PATTERNS

    found: list = []
    for code, pattern in _PATTERNS:
        for match in pattern.finditer(haystack):
            start, end = match.span()
            if not any(start < i.span[1] and i.span[0] < end for i in found if i.span):
                found.append(Indicator(code, source[start:end], (start, end)))
    return found


def test_the_prefilter_changes_nothing_on_generated_posts_and_test_texts() -> None:
    fired = 0
    for text, haystack, source in gated_search_texts(18, 19):
        expected = _unfiltered(haystack, source)
        assert recruitment_indicators(haystack, source) == expected, text
        fired += bool(expected)
    assert fired >= 20  # the corpora and test texts do offer recruits
