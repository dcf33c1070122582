"""Phrasing: varied, logistics only, and French mostly."""

from __future__ import annotations

import re

# Words that must never appear: the corpus describes logistics, never sexual content.
DENY = (
    "sexe", "sexuel", "sexuelle", "sexy", "sex", "porno", "porn", "nue", "nues", "nude", "nudes",
    "fellation", "sodomie", "erotique", "erotic", "coquine", "coquin", "caline", "orgasme",
    "massage tantrique", "penetration", "preservatif", "capote", "gode", "seins", "fesses",
)  # fmt: skip


def _five_grams(folded_text: str) -> list[tuple[str, ...]]:
    words = re.findall(r"\w+", folded_text)
    return [tuple(words[i : i + 5]) for i in range(len(words) - 4)]


def test_phrasing_is_varied(folded) -> None:
    grams = [gram for text in folded for gram in _five_grams(text)]
    assert len(set(grams)) / len(grams) > 0.3


def test_a_group_reuses_its_phrasing_more_than_strangers_do(corpus, folded) -> None:
    by_actor: dict[str, list[set]] = {}
    for (post, truth), text in zip(corpus, folded, strict=True):
        if truth["actor_kind"] == "group" and post["kind"] == "ad":
            by_actor.setdefault(truth["actor"], []).append(set(_five_grams(text)))
    within, across = [], []
    actors = [texts for texts in by_actor.values() if len(texts) >= 4]
    for index, texts in enumerate(actors):
        within.append(_jaccard(texts[0], texts[1]))
        across.append(_jaccard(texts[0], actors[index - 1][0]))
    assert sum(within) / len(within) > 2 * sum(across) / len(across)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def test_no_sexual_vocabulary(folded) -> None:
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in DENY) + r")\b")
    for text in folded:
        assert not pattern.search(text), (pattern.search(text), text)


def test_mostly_french_some_english(corpus) -> None:
    english = sum(
        1
        for post, _ in corpus
        if re.search(r"\b(available|call me|booking|hiring)\b", post["text"])
    )
    assert 0.01 * len(corpus) < english < 0.2 * len(corpus)


def test_all_kinds_and_cue_families_occur(corpus, folded) -> None:
    kinds = {post["kind"] for post, _ in corpus}
    assert kinds == {"ad", "social_post", "profile", "message"}
    texts = " ".join(folded)
    cues = (
        "toutes les filles",
        "copines",
        "logement fourni",
        "50/50",
        "sugar baby",
        "loge nourri",
        "colocation",
        "🍭",
    )
    for cue in cues:
        assert cue in texts, cue
