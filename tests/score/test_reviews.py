"""Reviewers' labels as truth, the held-out split, and the refusal of a worse model."""

from __future__ import annotations

import numpy as np

from sentinelle.score.corpus import LabelledCorpus
from sentinelle.score.reviews import (
    REVIEW_WEIGHT,
    compare,
    heldout_group,
    review_truth,
    split_reviewed,
    training_set,
)
from sentinelle.score.training import train_model
from tests.score.corpus import make_corpus


def test_labels_since_the_last_none_are_true():
    rows = [
        {"source": "s", "post_id": "1", "label": "minor"},
        {"source": "s", "post_id": "1", "label": "control"},
        {"source": "s", "post_id": "2", "label": "control"},
        {"source": "s", "post_id": "2", "label": "none"},
        {"source": "s", "post_id": "3", "label": "none"},
        {"source": "s", "post_id": "3", "label": "recruitment"},
    ]
    truth = review_truth(rows)
    assert truth[("s", "1")] == {"minor": True, "control": True, "recruitment": False}
    assert truth[("s", "2")] == {"minor": False, "control": False, "recruitment": False}
    assert truth[("s", "3")] == {"minor": False, "control": False, "recruitment": True}


def test_the_heldout_split_is_stable_and_keeps_networks_whole():
    groups = [f"network:n-{i}" for i in range(400)]
    held = [heldout_group(g) for g in groups]
    assert held == [heldout_group(g) for g in groups]
    assert 60 < sum(held) < 140
    posts, extractions, truths = make_corpus(30, seed=3)
    networks = [row["actor"] for row in truths]
    keys = {(p.source, p.id): row["labels"] for p, row in zip(posts, truths, strict=True)}
    split = split_reviewed(posts, extractions, networks, keys)
    assert len(split.train.posts) + len(split.heldout.posts) == len(posts)
    assert not set(split.train.actors) & set(split.heldout.actors)


def test_reviewed_labels_replace_generated_ones_and_weigh_more():
    posts, extractions, truths = make_corpus(20, seed=4)
    generated = LabelledCorpus(
        posts,
        [row["labels"] for row in truths],
        [row["actor"] for row in truths],
        [None] * len(posts),
    )
    reviewed = LabelledCorpus(
        posts[:3],
        [{"minor": True, "control": True, "recruitment": False}] * 3,
        ["r"] * 3,
        [None] * 3,
    )
    held = {(posts[3].source, posts[3].id)}
    corpus, _, weights = training_set(generated, extractions, reviewed, extractions[:3], held)
    assert len(corpus.posts) == len(posts) - 1  # three replaced, one held out, three added
    keys = [(p.source, p.id) for p in corpus.posts]
    assert keys.count((posts[0].source, posts[0].id)) == 1
    assert (posts[3].source, posts[3].id) not in keys
    assert list(weights[-3:]) == [REVIEW_WEIGHT] * 3 and set(weights[:-3]) == {1.0}


def test_a_model_trained_on_flipped_labels_is_found_worse(small_model):
    posts, extractions, truths = make_corpus(60, seed=5)
    labels = [row["labels"] for row in truths]
    flipped = [{k: not v for k, v in row.items()} for row in labels]
    bad = train_model(posts, extractions, flipped, [row["actor"] for row in truths], seed=5)
    held_posts, held_extractions, held_truths = make_corpus(40, seed=6)
    heldout = LabelledCorpus(
        held_posts,
        [row["labels"] for row in held_truths],
        [r["actor"] for r in held_truths],
        [None] * len(held_posts),
    )
    result = compare(small_model, bad, heldout, held_extractions)
    assert result["new_is_worse"] is True
    assert result["new"]["mean_f1"] < result["old"]["mean_f1"]
    assert compare(small_model, small_model, heldout, held_extractions)["new_is_worse"] is False
    assert np.isfinite(result["old"]["mean_f1"])
