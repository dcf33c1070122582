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
from sentinelle.score.metrics import label_metrics
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
    probabilities = {
        label: np.array([result.scores[label] for result in scored]) for label in LABELS
    }
    flags = {label: np.array([result.flags[label] for result in scored]) for label in LABELS}
    kinds = [kind or "" for kind in corpus.actor_kinds]
    metrics = metrics_from_scores(probabilities, corpus.labels, kinds, model.thresholds, flags)
    return {"model": model.version, "posts": len(corpus.posts), "metrics": metrics}


def metrics_from_scores(
    probabilities: dict[str, np.ndarray],
    labels: list[dict],
    actor_kinds: list[str],
    thresholds: dict[str, float],
    flags: dict[str, np.ndarray] | None = None,
) -> dict:
    """Per-label metrics and the false-positive rates where harm is done; pure.

    With `flags` (the stored flags, after the rules of `score.decide`) precision, recall and
    false-positive rates are of the flags; else of the scores at the threshold."""
    kinds = np.array(actor_kinds)
    metrics = {}
    for label in LABELS:
        truth = np.array([bool(row.get(label)) for row in labels])
        scores = probabilities[label]
        flagged = flags[label] if flags is not None else scores >= thresholds[label]
        row = label_metrics(scores, truth, thresholds[label], flagged)
        for name, kind in (
            ("fpr_independent_adults", "independent"),
            ("fpr_benign_lookalikes", "benign"),
        ):
            members = (kinds == kind) & ~truth
            row[name] = float(flagged[members].mean()) if members.any() else None
        metrics[label] = row
    return metrics


def evaluate_stored_scores(store, truths: list[dict]) -> dict:
    """Metrics of the scores `analyze` stored (with network propagation), against the truth."""
    from sentinelle.export.posts import iter_export

    exported = {(obj["source"], obj["id"]): obj for obj in iter_export(store)}
    known = [t for t in truths if (t["source"], t["id"]) in exported and "labels" in t]
    if not known:
        return {"posts": 0}
    model = default_model()
    rows = [exported[(t["source"], t["id"])] for t in known]
    probabilities = {label: np.array([row["scores"][label] for row in rows]) for label in LABELS}
    flags = {label: np.array([bool(row["flags"][label]) for row in rows]) for label in LABELS}
    metrics = metrics_from_scores(
        probabilities,
        [t["labels"] for t in known],
        [t.get("actor_kind") or "" for t in known],
        model.thresholds,
        flags,
    )
    return {"model": model.version, "posts": len(known), "metrics": metrics}
