import pytest

from sentinelle.score.training import train_model
from tests.score.corpus import make_corpus


@pytest.fixture(scope="session")
def small_model():
    """A model trained on the in-code corpus (seed 1); tests evaluate it on other seeds."""
    posts, extractions, truths = make_corpus(160, seed=1)
    labels = [row["labels"] for row in truths]
    return train_model(posts, extractions, labels, [row["actor"] for row in truths], seed=1)
