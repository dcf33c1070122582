import numpy as np

from sentinelle.link.lsh import (
    band_keys,
    bucket_index,
    candidate_pairs,
    has_text,
    query_pairs,
    unique_pairs,
)
from sentinelle.link.minhash import MinHasher
from sentinelle.link.shingles import shingle_texts

TEXTS = [
    "studio calme proche gare rendez-vous la veille parking facile a lyon",
    "studio calme proche gare rendez-vous la veille parking facile a lyon",
    "velo de course cadre carbone taille m tres bon etat a vendre",
    "",
]


def test_identical_texts_are_candidates_and_others_not():
    signatures = MinHasher(48, seed=1).signatures(shingle_texts(TEXTS))
    keys = band_keys(signatures, 16)
    left, right = candidate_pairs(keys, has_text(signatures))
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(0, 1)]


def test_new_posts_find_their_bucket_in_an_index():
    signatures = MinHasher(48, seed=1).signatures(shingle_texts(TEXTS))
    keys = band_keys(signatures, 16)
    index_keys, leaders = bucket_index(keys[:3], has_text(signatures)[:3], np.array([10, 11, 12]))
    left, right = query_pairs(keys[1:2], index_keys, leaders)
    assert left.tolist() == [0] and right.tolist() == [10]


def test_unique_pairs_drops_self_pairs_and_repeats():
    left, right = unique_pairs(np.array([1, 2, 3, 3]), np.array([2, 1, 3, 4]))
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(1, 2), (3, 4)]
