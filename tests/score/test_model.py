import joblib
import numpy as np
import pytest

from sentinelle.score.model import MODEL_FILE, load_model, save_model
from sentinelle.score.scoring import post_features
from tests.score.corpus import make_corpus


def test_saved_model_scores_like_the_trained_one(small_model, tmp_path):
    save_model(small_model, tmp_path)
    loaded = load_model(tmp_path)
    posts, extractions, _ = make_corpus(10, seed=5)
    before = small_model.probabilities(post_features(small_model.layout, posts, extractions)[0])
    after = loaded.probabilities(post_features(loaded.layout, posts, extractions)[0])
    assert np.abs(before - after).max() < 0.02
    assert loaded.thresholds == small_model.thresholds
    assert "## Thresholds" in (tmp_path / "model_card.md").read_text()


def test_other_format_is_refused(small_model, tmp_path):
    save_model(small_model, tmp_path)
    payload = joblib.load(tmp_path / MODEL_FILE)
    payload["format"] = 999
    joblib.dump(payload, tmp_path / MODEL_FILE)
    with pytest.raises(ValueError, match="retrain"):
        load_model(tmp_path)
