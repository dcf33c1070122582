"""How well linking recovers the true actors: pairwise precision and recall, ARI, itineraries."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.metrics import adjusted_rand_score


@dataclass(frozen=True, slots=True)
class PairwiseScores:
    """Same-actor decisions over all post pairs."""

    precision: float
    recall: float
    ari: float
    true_pairs: int
    predicted_pairs: int


def pairwise_scores(truth: np.ndarray, predicted: np.ndarray) -> PairwiseScores:
    """Pairwise precision/recall of "same actor" and the adjusted Rand index.

    `predicted` labels every post (a post alone in its component has its own label).
    """
    truth = np.unique(truth, return_inverse=True)[1]
    predicted = np.unique(predicted, return_inverse=True)[1]
    both = _pairs(np.unique(truth * (predicted.max(initial=0) + 1) + predicted, return_counts=True)[1])
    true_pairs = _pairs(np.bincount(truth))
    predicted_pairs = _pairs(np.bincount(predicted))
    return PairwiseScores(
        precision=both / predicted_pairs if predicted_pairs else 1.0,
        recall=both / true_pairs if true_pairs else 1.0,
        ari=float(adjusted_rand_score(truth, predicted)),
        true_pairs=int(true_pairs),
        predicted_pairs=int(predicted_pairs),
    )


def wrongly_merged_share(truth: np.ndarray, predicted: np.ndarray, independent: np.ndarray) -> float:
    """Share of independents' posts put in a network holding another actor's posts."""
    truth = np.unique(truth, return_inverse=True)[1]
    predicted = np.unique(predicted, return_inverse=True)[1]
    actors_per_label = np.bincount(
        np.unique(predicted * (truth.max(initial=0) + 1) + truth) // (truth.max(initial=0) + 1),
        minlength=predicted.max(initial=0) + 1,
    )
    merged = independent & (actors_per_label[predicted] > 1)
    return float(merged.sum() / max(independent.sum(), 1))


def _pairs(counts: np.ndarray) -> int:
    counts = counts.astype(np.int64)
    return int((counts * (counts - 1) // 2).sum())
