import numpy as np

from sentinelle.evaluate.scoring import evaluate_scoring
from sentinelle.score.corpus import LabelledCorpus
from sentinelle.score.training import choose_threshold
from tests.score.corpus import make_corpus


def test_threshold_reaches_target_precision():
    probabilities = np.array([0.1, 0.2, 0.6, 0.7, 0.8, 0.9])
    truth = np.array([False, False, False, True, True, True])
    threshold = choose_threshold(probabilities, truth, 0.95)
    assert 0.6 < threshold <= 0.7


def test_threshold_for_best_f1():
    probabilities = np.array([0.1, 0.4, 0.5, 0.9])
    truth = np.array([False, True, True, True])
    assert 0.1 < choose_threshold(probabilities, truth, None) <= 0.4


def test_model_generalises_to_another_seed(small_model):
    posts, extractions, truths = make_corpus(80, seed=2)
    corpus = LabelledCorpus(
        posts,
        [row["labels"] for row in truths],
        [row["actor"] for row in truths],
        [row["actor_kind"] for row in truths],
    )
    report = evaluate_scoring(corpus, extractions, small_model)
    metrics = report["metrics"]
    assert metrics["minor"]["roc_auc"] >= 0.95
    assert metrics["control"]["roc_auc"] >= 0.95
    assert metrics["recruitment"]["f1"] >= 0.9
    assert metrics["minor"]["fpr_independent_adults"] <= 0.02
    assert metrics["control"]["fpr_benign_lookalikes"] <= 0.02


def test_card_records_data_and_thresholds(small_model):
    card = small_model.card
    assert card["posts"] >= 2 * card["actors"]  # 2 to 5 posts per actor
    assert card["actors"] == 160 and card["folds"] == 4
    assert set(card["calibration_metrics"]) == {"minor", "control", "recruitment"}
    assert all(0.05 <= value <= 1 for value in small_model.thresholds.values())
