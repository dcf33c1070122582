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


def test_scores_keep_the_raw_order_inside_an_isotonic_step():
    from sentinelle.score.model import calibrate

    knots = (np.array([-1.0, 0.0, 1.0]), np.array([0.0, 0.0, 1.0]))  # one flat step below 0
    raw = np.array([-5.0, -3.0, -1.5, 0.5])
    flat = calibrate(raw, knots, 0.0)
    assert flat[0] == flat[1] == flat[2]  # isotonic alone ties them
    broken = calibrate(raw, knots, 0.01)
    assert np.all(np.diff(broken) > 0)
    assert np.allclose(broken, flat, atol=0.01)  # calibration barely moves


def test_evidence_indicator_keeps_the_catalogue_prior_when_the_corpus_lacks_it():
    from scipy import sparse

    from sentinelle.score.training import _fit

    # column 0 fires on half the posts and says the label; column 1 never fires
    rng = np.random.default_rng(0)
    column = rng.random(400) < 0.5
    features = sparse.csr_matrix(np.stack([column, np.zeros(400)], axis=1).astype(np.float32))
    truth = column & (rng.random(400) < 0.9)
    prior = np.array([0.0, 1.0])
    coef, _ = _fit(features, truth, 0, None, prior)
    assert coef[0] > 1.0  # learned from the data
    assert coef[1] == 1.0  # never seen: the prior stands


def test_evidence_prior_marks_only_the_labels_evidence(small_model):
    from sentinelle.score.training import EVIDENCE_PRIOR, evidence_prior

    layout = small_model.layout
    offset = 1 << layout.ngram_bits
    prior = evidence_prior(layout, "minor")
    weights = dict(zip(layout.indicator_codes, prior[offset:], strict=False))
    assert weights["age.stated_minor"] == EVIDENCE_PRIOR
    assert weights["youth.language"] == EVIDENCE_PRIOR
    assert weights["mobility.new_in_town"] == 0.0  # context
    assert weights["control.explicit_third_party"] == 0.0  # another label's
