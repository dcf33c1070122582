"""Recruitment offers in varied shapes fire the recruitment and provision codes; ads do not."""

from __future__ import annotations

import pytest

from sentinelle.indicators.matcher import match_indicators
from sentinelle.indicators.recruitment_offer import MONEY, PROVIDED, recruitment_indicators
from sentinelle.records import Extraction


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
