"""Evaluate the scores against truth: per label ROC AUC, precision, recall, F1 at the
threshold, calibration error, and false-positive rates where harm is done.

The two false-positive rates are what "do no harm" means here: independent adults and
benign look-alike ads (housing, jobs, tutoring) must not be flagged.
"""

from __future__ import annotations

import numpy as np

from sentinelle.indicators.indicator import LABELS
from sentinelle.records import Extraction
from sentinelle.score.corpus import LabelledCorpus
from sentinelle.score.metrics import flag_rate, label_metrics
from sentinelle.score.model import ScoringModel, default_model
from sentinelle.score.scoring import score_posts


def evaluate_scoring(
    corpus: LabelledCorpus,
    extractions: list[Extraction],
    model: ScoringModel | None = None,
    network_features: list[dict[str, float]] | None = None,
) -> dict:
    """Metrics per label of `model` (default: the shipped one) on a labelled corpus."""
    model = model or default_model()
    scored = score_posts(corpus.posts, extractions, network_features, model)
    kinds = np.array([kind or "" for kind in corpus.actor_kinds])
    metrics = {}
    for label in LABELS:
        probabilities = np.array([result.scores[label] for result in scored])
        truth = np.array([bool(row.get(label)) for row in corpus.labels])
        threshold = model.thresholds[label]
        row = label_metrics(probabilities, truth, threshold)
        row["fpr_independent_adults"] = flag_rate(
            probabilities, threshold, (kinds == "independent") & ~truth
        )
        row["fpr_benign_lookalikes"] = flag_rate(
            probabilities, threshold, (kinds == "benign") & ~truth
        )
        metrics[label] = row
    return {"model": model.version, "posts": len(corpus.posts), "metrics": metrics}
