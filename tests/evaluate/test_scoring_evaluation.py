from tests.score.corpus import make_corpus

from sentinelle.evaluate.scoring import evaluate_scoring
from sentinelle.score.corpus import LabelledCorpus
from sentinelle.score.training import train_model


def test_report_has_every_metric_and_false_positive_rates():
    posts, extractions, truths = make_corpus(60, seed=21)
    labels = [row["labels"] for row in truths]
    model = train_model(posts, extractions, labels, [row["actor"] for row in truths], seed=1)
    held_posts, held_extractions, held_truths = make_corpus(30, seed=22)
    corpus = LabelledCorpus(
        held_posts,
        [row["labels"] for row in held_truths],
        [row["actor"] for row in held_truths],
        [row["actor_kind"] for row in held_truths],
    )
    report = evaluate_scoring(corpus, held_extractions, model)
    assert report["posts"] == len(held_posts) and report["model"] == model.version
    for label in ("minor", "control", "recruitment"):
        metrics = report["metrics"][label]
        assert {"roc_auc", "precision", "recall", "f1", "ece", "threshold"} <= metrics.keys()
        assert {"fpr_independent_adults", "fpr_benign_lookalikes"} <= metrics.keys()
        assert 0 <= metrics["ece"] <= 1
    assert report["metrics"]["minor"]["fpr_independent_adults"] == 0.0


def test_stored_flags_not_bare_scores_give_precision_and_harm_rates():
    """A score over the threshold with no evidence is not a flag (score.decide): the figures
    count the flags."""
    import numpy as np

    from sentinelle.evaluate.scoring import metrics_from_scores

    scores = {label: np.array([0.9, 0.9, 0.1]) for label in ("minor", "control", "recruitment")}
    flags = {label: np.array([True, False, False]) for label in scores}
    labels = [{"minor": True}, {"minor": False}, {"minor": False}]
    thresholds = dict.fromkeys(scores, 0.5)
    kinds = ["group", "independent", "benign"]
    by_score = metrics_from_scores(scores, labels, kinds, thresholds)
    by_flag = metrics_from_scores(scores, labels, kinds, thresholds, flags)
    assert by_score["minor"]["fpr_independent_adults"] == 1.0
    assert by_flag["minor"]["fpr_independent_adults"] == 0.0
    assert by_flag["minor"]["precision"] == 1.0
