"""Train the three models: logistic regression, isotonic calibration on held-out posts,
thresholds chosen for precision.

The calibration split is taken by actor when actors are known, so that the posts of one
group never sit on both sides and the held-out figures are not flattered by near-duplicates.
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit

from sentinelle.indicators.entity import ENTITY_FACTS
from sentinelle.indicators.indicator import LABELS
from sentinelle.records import Extraction, Post
from sentinelle.score.features import FeatureLayout
from sentinelle.score.metrics import label_metrics
from sentinelle.score.model import ScoringModel
from sentinelle.score.ngrams import fit_idf
from sentinelle.score.scoring import post_features

# Operating points: the share of flagged posts that must be right on the calibration split.
TARGET_PRECISION = {"minor": 0.95, "control": 0.95, "recruitment": None}  # None: best F1
REGULARISATION = 4.0
CALIBRATION_SHARE = 0.3


def choose_threshold(probabilities: np.ndarray, truth: np.ndarray, target: float | None) -> float:
    """The operating threshold: the lowest one whose precision reaches `target`, or the best-F1
    one when `target` is None.

    The result sits halfway down to the next lower score seen, so that a new post whose
    interpolated score lands just under a step is not lost to the step's exact value.
    """
    candidates = np.unique(probabilities)[::-1]
    chosen, best_f1 = 0, -1.0
    for index, threshold in enumerate(candidates):
        flagged = probabilities >= threshold
        hits = (flagged & truth).sum()
        precision = hits / flagged.sum()
        recall = hits / max(truth.sum(), 1)
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        if (target is not None and precision >= target) or (target is None and f1 > best_f1):
            chosen, best_f1 = index, f1
    lower = candidates[chosen + 1] if chosen + 1 < len(candidates) else candidates[chosen]
    return float(max((candidates[chosen] + lower) / 2, 0.05))


def _split(n_posts: int, groups: list[str] | None, seed: int) -> tuple[np.ndarray, np.ndarray]:
    splitter = GroupShuffleSplit(n_splits=1, test_size=CALIBRATION_SHARE, random_state=seed)
    group_ids = groups if groups is not None else list(range(n_posts))
    train, calibrate = next(splitter.split(np.zeros(n_posts), groups=group_ids))
    return train, calibrate


def _fit_label(features, truth, train, calibrate, seed):
    if truth[train].all() or not truth[train].any():
        return np.zeros(features.shape[1], np.float32), float(truth.mean()), None
    learner = LogisticRegression(C=REGULARISATION, solver="liblinear", random_state=seed)
    learner.fit(features[train], truth[train])
    return learner.coef_.ravel().astype(np.float32), float(learner.intercept_[0]), learner


def _calibrate(raw: np.ndarray, truth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    isotonic = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw, truth)
    return np.asarray(isotonic.X_thresholds_, np.float64), np.asarray(
        isotonic.y_thresholds_, np.float64
    )


def train_model(
    posts: list[Post],
    extractions: list[Extraction],
    labels: list[dict[str, bool]],
    groups: list[str] | None = None,
    network_features: list[dict[str, float]] | None = None,
    seed: int = 0,
    description: str = "",
) -> ScoringModel:
    """Fit, calibrate and threshold the minor, control and recruitment models."""
    linked_names = sorted({name for facts in network_features or [] for name in facts or {}})
    layout = FeatureLayout(network_names=(*ENTITY_FACTS, *linked_names))
    counts, _ = post_features(layout, posts, extractions, network_features)
    layout.idf = fit_idf(counts[:, : 1 << layout.ngram_bits])
    features, _ = post_features(layout, posts, extractions, network_features)
    train, calibrate = _split(len(posts), groups, seed)
    weights, intercepts, calibration, thresholds, metrics = [], [], {}, {}, {}
    for label in LABELS:
        truth = np.array([bool(row.get(label)) for row in labels])
        coef, intercept, _ = _fit_label(features, truth, train, calibrate, seed)
        weights.append(coef)
        intercepts.append(intercept)
        raw = features[calibrate] @ coef + intercept
        calibration[label] = _calibrate(raw, truth[calibrate].astype(float))
        probabilities = np.interp(raw, *calibration[label])
        thresholds[label] = choose_threshold(
            probabilities, truth[calibrate], TARGET_PRECISION[label]
        )
        metrics[label] = label_metrics(probabilities, truth[calibrate], thresholds[label])
    trained_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    card = {
        "trained_at": trained_at,
        "description": description,
        "posts": len(posts),
        "train_posts": len(train),
        "calibration_posts": len(calibrate),
        "positives": {label: int(sum(bool(row.get(label)) for row in labels)) for label in LABELS},
        "calibration_metrics": metrics,
        "target_precision": TARGET_PRECISION,
        "regularisation": REGULARISATION,
    }
    return ScoringModel(
        version=f"score-{trained_at[:10]}-{len(posts)}",
        layout=layout,
        weights=np.stack(weights, axis=1),
        intercepts=np.array(intercepts, np.float32),
        calibration=calibration,
        thresholds=thresholds,
        card=card,
    )
