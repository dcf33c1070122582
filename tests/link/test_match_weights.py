import numpy as np

from sentinelle.link.match_weights import (
    AGREE,
    DISAGREE,
    PRIOR_MODEL,
    UNKNOWN,
    MatchModel,
    estimate,
    rare_level,
    text_level,
)


def test_levels_cut_similarity_and_require_rare_shingles():
    score = np.array([0.1, 0.32, 0.9, 0.9], np.float32)
    shared = np.array([9, 9, 9, 2])
    assert text_level(score, shared, 4).tolist() == [0, 2, 4, 0]
    assert rare_level(np.array([0, 4, 12])).tolist() == [0, 1, 2]


def test_em_learns_that_disagreeing_contacts_mean_two_actors():
    rng = np.random.default_rng(3)
    # true pairs: high text levels, contacts agree or unknown; false pairs: low text, disagree
    matches = 4000
    text = np.concatenate(
        [rng.choice([3, 4], matches), rng.choice([0, 1, 2], 6000, p=[0.7, 0.2, 0.1])]
    )
    rare = np.concatenate([rng.choice([1, 2], matches), rng.choice([0, 1], 6000, p=[0.8, 0.2])])
    contacts = np.concatenate([
        rng.choice([AGREE, UNKNOWN, DISAGREE], matches, p=[.6, .35, .05]),
        rng.choice([AGREE, UNKNOWN, DISAGREE], 6000, p=[.02, .28, .7]),
    ])  # fmt: skip
    model = estimate(text, rare, contacts)
    assert model.estimated
    assert 0.3 < model.prior < 0.5
    text_w, _, contact_w = model.level_weights()
    assert text_w[4] > 0 > text_w[0]
    assert contact_w[0] > 0 > contact_w[1]
    weights = model.weights(np.array([4, 4]), np.array([2, 2]), np.array([UNKNOWN, DISAGREE]))
    assert weights[0] > weights[1]


def test_too_few_pairs_keep_the_prior_model_and_models_round_trip():
    assert (
        estimate(np.zeros(10, np.int64), np.zeros(10, np.int64), np.zeros(10, np.int64))
        is PRIOR_MODEL
    )
    assert MatchModel.from_dict(PRIOR_MODEL.as_dict()) == PRIOR_MODEL
    assert MatchModel.from_dict(None) is PRIOR_MODEL
    lines = PRIOR_MODEL.explain(4, 2, DISAGREE)
    assert any("disagree" in what and weight < 0 for what, weight in lines)
