"""Held-out figures of a model as it is used: the flags after the rules, not only the scores.

Per label: ROC AUC of the scores, precision, recall and F1 of the flags, the false-positive
rates where harm is done (independent adults, benign look-alikes), and for minor the share of
posts stating an age under 18 that are flagged (it must be all of them).
"""

from __future__ import annotations

import numpy as np

from sentinelle.indicators.indicator import LABELS
from sentinelle.records import Extraction
from sentinelle.score.corpus import LabelledCorpus
from sentinelle.score.metrics import label_metrics
from sentinelle.score.model import ScoringModel
from sentinelle.score.scoring import PostScore, score_posts


def _rate(flagged: np.ndarray, members: np.ndarray) -> float | None:
    return float(flagged[members].mean()) if members.any() else None


def decision_metrics(
    results: list[PostScore],
    labels: list[dict],
    actor_kinds: list[str | None],
    thresholds: dict[str, float],
    stated_minor: np.ndarray | None = None,
) -> dict[str, dict]:
    """Per-label metrics of scored posts against their labels; pure."""
    kinds = np.array([kind or "" for kind in actor_kinds])
    metrics = {}
    for label in LABELS:
        truth = np.array([bool(row.get(label)) for row in labels])
        scores = np.array([result.scores[label] for result in results])
        flagged = np.array([result.flags[label] for result in results], bool)
        row = label_metrics(scores, truth, thresholds[label], flagged)
        row["fpr_independent_adults"] = _rate(flagged, (kinds == "independent") & ~truth)
        row["fpr_benign_lookalikes"] = _rate(flagged, (kinds == "benign") & ~truth)
        if label == "minor" and stated_minor is not None:
            row["stated_minor_flagged"] = _rate(flagged, stated_minor & truth)
        metrics[label] = row
    return metrics


def stated_minor_mask(extractions: list[Extraction]) -> np.ndarray:
    """Posts whose text states an age of 12 to 17."""
    return np.array(
        [any(12 <= age.age <= 17 for age in extraction.stated_ages) for extraction in extractions],
        bool,
    )


def evaluate_model(
    corpus: LabelledCorpus, extractions: list[Extraction], model: ScoringModel
) -> dict:
    """`decision_metrics` of `model` on a labelled corpus scored as one batch."""
    results = score_posts(corpus.posts, extractions, None, model)
    metrics = decision_metrics(
        results,
        corpus.labels,
        corpus.actor_kinds,
        model.thresholds,
        stated_minor_mask(extractions),
    )
    return {"model": model.version, "posts": len(corpus.posts), "metrics": metrics}
