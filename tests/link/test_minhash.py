import numpy as np
import pytest

from sentinelle.link.minhash import MinHasher
from sentinelle.link.shingles import shingle_texts


def _pair(similar_words: int, total: int = 60):
    base = [f"mot{i}" for i in range(total)]
    other = base[:similar_words] + [f"autre{i}" for i in range(total - similar_words)]
    return shingle_texts([" ".join(base), " ".join(other)])


def test_same_seed_same_signatures_and_seed_is_kept():
    shingles = _pair(40)
    first = MinHasher(64, seed=5).signatures(shingles)
    second = MinHasher(64, seed=5).signatures(shingles)
    assert np.array_equal(first.values, second.values)
    assert (first.seed, first.num_perm) == (5, 64)


def test_agreement_estimates_jaccard():
    shingles = _pair(45)
    a, b = set(shingles.of(0).tolist()), set(shingles.of(1).tolist())
    jaccard = len(a & b) / len(a | b)
    signatures = MinHasher(256, seed=3).signatures(shingles)
    estimate = signatures.agreement(np.array([0]), np.array([1]))[0]
    assert abs(estimate - jaccard) < 0.1


def test_signatures_of_different_seeds_refuse_comparison():
    shingles = _pair(30)
    one = MinHasher(32, seed=1).signatures(shingles)
    two = MinHasher(32, seed=2).signatures(shingles)
    with pytest.raises(ValueError, match="seed"):
        one.agreement(np.array([0]), np.array([0]), two)


def test_bad_size_says_what_to_use():
    with pytest.raises(ValueError, match="num_perm"):
        MinHasher(0)


def test_empty_text_has_the_empty_signature():
    signatures = MinHasher(16).signatures(shingle_texts(["", "deux mots"]))
    assert (signatures.values[0] == 0xFFFFFFFF).all()
    assert not (signatures.values[1] == 0xFFFFFFFF).all()
