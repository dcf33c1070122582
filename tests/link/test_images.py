import numpy as np

from sentinelle.link.images import near_pairs


def test_hashes_within_three_bits_pair_and_far_ones_do_not():
    base = 0x8F3A5C7E9B1D2F40
    hashes = np.array([base, base ^ 0b111, base ^ 0xFF00FF, 0x0123456789ABCDEF], dtype=np.uint64)
    left, right = near_pairs(hashes, max_distance=3)
    assert list(zip(left.tolist(), right.tolist(), strict=True)) == [(0, 1)]
