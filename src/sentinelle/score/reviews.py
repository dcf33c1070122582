"""Learning from reviewers: their labels as truth, a held-out comparison, no worse model.

A reviewer's one-key labels (`m`, `c`, `r`, `n`) become truth rows: the labels pressed since
the post's last `none` are true, the others false. Reviewed posts are split by network (a
quarter held out, never trained on); the new model trains on the generated truth, if any, plus
the other reviewed posts weighted `REVIEW_WEIGHT` times (a reviewed label also replaces the
generated one of the same post); old and new are then compared on the held-out reviewed posts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from sentinelle.indicators.indicator import LABELS
from sentinelle.records import Extraction, Post
from sentinelle.score.corpus import LabelledCorpus
from sentinelle.score.heldout import decision_metrics
from sentinelle.score.model import ScoringModel
from sentinelle.score.scoring import score_posts

REVIEW_WEIGHT = 5.0
HELDOUT_SHARE = 4  # one group in four is held out
MIN_REVIEWED = 20
TOLERANCE = 0.005  # a new model may trail the old by this much mean F1 (noise), no more


def review_truth(label_rows: list[dict]) -> dict[tuple[str, str], dict[str, bool]]:
    """Labels per post key from review label rows, oldest first (as `iter_labels` gives)."""
    pressed: dict[tuple[str, str], set[str]] = {}
    for row in label_rows:
        key = (row["source"], row["post_id"])
        if row["label"] == "none":
            pressed[key] = set()
        else:
            pressed.setdefault(key, set()).add(row["label"])
    return {key: {label: label in found for label in LABELS} for key, found in pressed.items()}


def heldout_group(group: str) -> bool:
    """Whether a group (a network, else a post) is held out: a stable hash, not a random draw,
    so the same reviewed posts stay held out from one retraining to the next."""
    digest = hashlib.blake2b(group.encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") % HELDOUT_SHARE == 0


@dataclass(slots=True)
class ReviewedSplit:
    train: LabelledCorpus
    train_extractions: list[Extraction]
    heldout: LabelledCorpus
    heldout_extractions: list[Extraction]


def split_reviewed(
    posts: list[Post],
    extractions: list[Extraction],
    network_ids: list[str | None],
    truth: dict[tuple[str, str], dict[str, bool]],
) -> ReviewedSplit:
    """Reviewed posts into a training part and a held-out part, by network; by post when a
    few large networks would leave the held-out part too small or too large to compare on."""
    split = _split(posts, extractions, network_ids, truth)
    total = len(split.train.posts) + len(split.heldout.posts)
    if total and not 0.15 <= len(split.heldout.posts) / total <= 0.4:
        split = _split(posts, extractions, [None] * len(posts), truth)
    return split


def _split(posts, extractions, network_ids, truth) -> ReviewedSplit:
    split = ReviewedSplit(LabelledCorpus([], [], [], []), [], LabelledCorpus([], [], [], []), [])
    for post, extraction, network in zip(posts, extractions, network_ids, strict=True):
        labels = truth.get((post.source, post.id))
        if labels is None:
            continue
        group = f"network:{network}" if network else f"post:{post.source}/{post.id}"
        held = heldout_group(group)
        corpus = split.heldout if held else split.train
        corpus.posts.append(post)
        corpus.labels.append(labels)
        corpus.actors.append(group)
        corpus.actor_kinds.append(None)
        (split.heldout_extractions if held else split.train_extractions).append(extraction)
    return split


def training_set(
    generated: LabelledCorpus | None,
    generated_extractions: list[Extraction],
    reviewed: LabelledCorpus,
    reviewed_extractions: list[Extraction],
    held_keys: set[tuple[str, str]],
) -> tuple[LabelledCorpus, list[Extraction], np.ndarray]:
    """Generated truth (minus posts reviewed since) plus reviewed posts, with their weights."""
    reviewed_keys = {(post.source, post.id) for post in reviewed.posts} | held_keys
    corpus = LabelledCorpus([], [], [], [])
    extractions: list[Extraction] = []
    weights: list[float] = []
    if generated is not None:
        for index, post in enumerate(generated.posts):
            if (post.source, post.id) in reviewed_keys:
                continue
            corpus.posts.append(post)
            corpus.labels.append(generated.labels[index])
            corpus.actors.append(generated.actors[index])
            corpus.actor_kinds.append(generated.actor_kinds[index])
            extractions.append(generated_extractions[index])
            weights.append(1.0)
    corpus.posts += reviewed.posts
    corpus.labels += reviewed.labels
    corpus.actors += reviewed.actors
    corpus.actor_kinds += reviewed.actor_kinds
    extractions += reviewed_extractions
    weights += [REVIEW_WEIGHT] * len(reviewed.posts)
    return corpus, extractions, np.array(weights)


def compare(
    old: ScoringModel, new: ScoringModel, heldout: LabelledCorpus, extractions: list[Extraction]
) -> dict:
    """Both models' figures on the held-out reviewed posts, and whether the new one is worse."""
    figures = {}
    for name, model in (("old", old), ("new", new)):
        results = score_posts(heldout.posts, extractions, None, model)
        metrics = decision_metrics(results, heldout.labels, heldout.actor_kinds, model.thresholds)
        figures[name] = {"model": model.version, "metrics": metrics, "mean_f1": _mean_f1(metrics)}
    worse = figures["new"]["mean_f1"] < figures["old"]["mean_f1"] - TOLERANCE
    return {"posts": len(heldout.posts), **figures, "new_is_worse": worse}


def _mean_f1(metrics: dict[str, dict]) -> float:
    """Mean over the labels of F1, or, for a label without positives among the held-out posts,
    the share of them left unflagged (a model that flags nothing right must not look perfect,
    one that flags negatives must lose)."""
    values = []
    for row in metrics.values():
        if row.get("positives"):
            values.append(row.get("f1") or 0.0)
        else:
            flagged = row.get("precision") is not None  # precision exists when any flag
            values.append(0.0 if flagged else 1.0)
    return float(np.mean(values)) if values else 0.0


def comparison_lines(comparison: dict) -> list[str]:
    """The model card's section: old against new on held-out reviewed posts."""
    lines = [
        f"## Old against new on {comparison['posts']} held-out reviewed posts",
        "",
        "| model | label | precision | recall | f1 | roc_auc | positives |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ("old", "new"):
        for label in LABELS:
            row = comparison[name]["metrics"][label]
            cells = [_cell(row.get(key)) for key in ("precision", "recall", "f1", "roc_auc")]
            lines.append(
                f"| {name} ({comparison[name]['model']}) | {label} | "
                + " | ".join(cells)
                + f" | {row.get('positives')} |"
            )
    verdict = "worse: not installed" if comparison["new_is_worse"] else "not worse: installed"
    lines += [
        "",
        f"Mean F1: old {comparison['old']['mean_f1']:.3f}, new {comparison['new']['mean_f1']:.3f} "
        f"({verdict}).",
    ]
    return lines


def _cell(value) -> str:
    return "–" if value is None else f"{value:.3f}"
