"""Near-identical images from their 64-bit perceptual hashes (never the images themselves).

Multi-index search: with the hash cut into four 16-bit blocks, two hashes within Hamming
distance 3 agree exactly on at least one block. Within a block's bucket, hashes are compared
with their next few neighbours in sorted order, which keeps the work linear when a bucket is
large; a looser `max_distance` is then approximate.
"""

from __future__ import annotations

import numpy as np

from sentinelle.link.distinct import distinct

BLOCKS = 4  # 16-bit blocks of a hash
WINDOW = 8  # neighbours in sorted order compared within a block


def parse_phashes(values: list[str]) -> np.ndarray:
    """Hex hashes as uint64 (a malformed hash becomes 0 and matches nothing useful)."""
    parsed = np.zeros(len(values), dtype=np.uint64)
    for index, text in enumerate(values):
        try:
            parsed[index] = int(text, 16) & 0xFFFFFFFFFFFFFFFF
        except ValueError:
            continue
    return parsed


def near_pairs(hashes: np.ndarray, max_distance: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (i, j), i < j, of hashes within `max_distance` bits of each other."""
    if len(hashes) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    left, right = [], []
    for block in range(BLOCKS):
        block_value = (hashes >> np.uint64(16 * block)) & np.uint64(0xFFFF)
        order = np.lexsort((hashes, block_value))
        for step in range(1, WINDOW + 1):
            a, b = order[:-step], order[step:]
            same_block = block_value[a] == block_value[b]
            close = np.bitwise_count(hashes[a] ^ hashes[b]) <= max_distance
            hit = same_block & close
            left.append(a[hit])
            right.append(b[hit])
    left_all, right_all = np.concatenate(left), np.concatenate(right)
    low, high = np.minimum(left_all, right_all), np.maximum(left_all, right_all)
    key = distinct(low * len(hashes) + high)
    return key // len(hashes), key % len(hashes)
