"""Metrics of one label's scores: discrimination, decision quality, calibration."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import roc_auc_score


def expected_calibration_error(
    probabilities: np.ndarray, truth: np.ndarray, bins: int = 10
) -> float:
    """Mean gap between predicted and observed rates over equal-width bins, weighted by size."""
    edges = np.minimum((probabilities * bins).astype(int), bins - 1)
    error = 0.0
    for index in range(bins):
        members = edges == index
        if members.any():
            error += members.mean() * abs(probabilities[members].mean() - truth[members].mean())
    return float(error)


def label_metrics(
    probabilities: np.ndarray,
    truth: np.ndarray,
    threshold: float,
    flagged: np.ndarray | None = None,
) -> dict[str, float | None]:
    """ROC AUC, precision, recall, F1 of the flags (default: score at the threshold), ECE, and
    the positives' count."""
    truth = truth.astype(bool)
    flagged = probabilities >= threshold if flagged is None else flagged.astype(bool)
    true_positives = float((flagged & truth).sum())
    precision = true_positives / float(flagged.sum()) if flagged.any() else None
    recall = true_positives / float(truth.sum()) if truth.any() else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall > 0
        else None
    )
    auc = float(roc_auc_score(truth, probabilities)) if 0 < truth.sum() < len(truth) else None
    return {
        "roc_auc": auc,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "ece": expected_calibration_error(probabilities, truth.astype(float)),
        "threshold": threshold,
        "positives": int(truth.sum()),
        "posts": len(truth),
    }


def flag_rate(probabilities: np.ndarray, threshold: float, members: np.ndarray) -> float | None:
    """Share of `members` flagged at the threshold (a false-positive rate when none is positive)."""
    if not members.any():
        return None
    return float((probabilities[members] >= threshold).mean())
