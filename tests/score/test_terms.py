"""Emerging terms: a word planted mid-period in flagged posts is proposed within two weeks."""

from __future__ import annotations

import random

from sentinelle.score.terms import TermPost, discover, terms_of

DAY = 86400.0
WORDS = ("dispo", "ce soir", "appartement calme", "prix fixe", "sur rendez-vous", "gare",
         "discret", "parking", "bisous", "week-end", "respect", "hygiene")  # fmt: skip


def _corpus(seed: int, days: int, planted_from: int, term: str) -> list[TermPost]:
    rng = random.Random(seed)
    posts = []
    for index in range(days * 40):
        ts = index / 40 * DAY
        focus = rng.random() < 0.2
        words = rng.sample(WORDS, 4)
        if focus and ts >= planted_from * DAY and rng.random() < 0.4:
            words.append(f"dispo sur {term}")
        posts.append(TermPost(f"s/{index}", ", ".join(words), ts, focus))
    return posts


def test_a_planted_term_is_proposed_within_two_weeks_of_appearing():
    posts = _corpus(1, 120, 60, "zorbapp")
    recent = [post for post in posts if post.ts < (60 + 14) * DAY]
    proposals = discover(recent, known=set())
    assert proposals and proposals[0].term == "zorbapp"
    assert 60 * DAY - 7 * DAY <= proposals[0].first_window <= (60 + 14) * DAY
    assert all(key.startswith("s/") for key in proposals[0].examples)
    before = [post for post in posts if post.ts < 60 * DAY]
    assert "zorbapp" not in {p.term for p in discover(before, known=set())}


def test_words_common_to_all_posts_and_known_terms_are_not_proposed():
    posts = _corpus(2, 60, 30, "zorbapp")
    proposals = discover(posts, known={"zorbapp"})
    assert not any("zorbapp" in p.term for p in proposals)
    assert not any(p.term in {"dispo", "gare", "parking"} for p in proposals)


def test_terms_are_folded_words_and_bigrams_without_digits():
    found = terms_of("Résa sur MOSKEY, vip11224 ok")
    assert {"resa", "moskey", "resa sur", "sur moskey"} <= found
    assert not any(any(ch.isdigit() for ch in term) for term in found)
