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
