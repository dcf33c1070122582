import numpy as np

from sentinelle.link.lsh import band_keys, candidate_pairs, has_text, index_matches, unique_pairs
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


def test_new_posts_find_the_first_post_of_their_bucket_in_an_index():
    signatures = MinHasher(48, seed=1).signatures(shingle_texts(TEXTS))
    keys = band_keys(signatures, 16)
    # index rows: the other text, then two copies of the first (the earlier copy must lead)
    index = keys[[2, 0, 1]]
    left, right = index_matches(keys[[1, 2]], index)
    assert sorted(zip(left.tolist(), right.tolist(), strict=True)) == [(0, 1), (1, 0)]
    left, right = index_matches(keys[3:4], index[:1])  # the empty text matches nothing here
    assert left.tolist() == [] and right.tolist() == []


def test_unique_pairs_drops_self_pairs_and_repeats():
    left, right = unique_pairs(np.array([1, 2, 3, 3]), np.array([2, 1, 3, 4]))
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(1, 2), (3, 4)]
