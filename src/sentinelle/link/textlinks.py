"""The exact check of LSH candidates: do two posts share the rare part of their text?

The score is a rarity-weighted Jaccard (boilerplate weighs zero), and a link also needs a
minimum number of rare shingles in common, so two short posts made only of stock phrases
never link however identical they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sentinelle.link.rarity import ShingleRarity
from sentinelle.link.shingles import Shingles

_PAIR_CHUNK = 1 << 17


@dataclass(frozen=True, slots=True)
class TextCheck:
    """For each candidate pair: weighted similarity and number of rare shingles shared."""

    score: np.ndarray  # float32 in [0, 1]
    shared_rare: np.ndarray  # int32


def check_pairs(
    left_shingles: Shingles,
    left: np.ndarray,
    right_shingles: Shingles,
    right: np.ndarray,
    rarity: ShingleRarity,
) -> TextCheck:
    """Exact weighted Jaccard of each pair: left[i] in `left_shingles`, right[i] in the other."""
    scores, shared = [], []
    for start in range(0, len(left), _PAIR_CHUNK):
        stop = start + _PAIR_CHUNK
        chunk = _check_chunk(
            left_shingles, left[start:stop], right_shingles, right[start:stop], rarity
        )
        scores.append(chunk.score)
        shared.append(chunk.shared_rare)
    if not scores:
        return TextCheck(np.zeros(0, np.float32), np.zeros(0, np.int32))
    return TextCheck(np.concatenate(scores), np.concatenate(shared))


def _check_chunk(left_shingles, left, right_shingles, right, rarity) -> TextCheck:
    left_pair, left_hashes = _gather(left_shingles, left)
    right_pair, right_hashes = _gather(right_shingles, right)
    left_weight = rarity.weights(left_hashes)
    right_weight = rarity.weights(right_hashes)
    pairs = len(left)
    left_key = _pair_keys(left_pair, left_hashes)
    right_key = _pair_keys(right_pair, right_hashes)
    common = np.isin(right_key, left_key, kind="sort")
    rare_common = common & (right_weight > 0)
    inter = np.bincount(right_pair[common], weights=right_weight[common], minlength=pairs)
    total_left = np.bincount(left_pair, weights=left_weight, minlength=pairs)
    total_right = np.bincount(right_pair, weights=right_weight, minlength=pairs)
    union = total_left + total_right - inter
    score = np.divide(inter, union, out=np.zeros(pairs), where=union > 0).astype(np.float32)
    shared = np.bincount(right_pair[rare_common], minlength=pairs).astype(np.int32)
    return TextCheck(score, shared)


def _gather(shingles: Shingles, posts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The shingles of `posts` flattened, each with the index of its pair."""
    starts = shingles.indptr[posts]
    counts = shingles.indptr[posts + 1] - starts
    pair = np.repeat(np.arange(len(posts), dtype=np.int64), counts)
    firsts = np.cumsum(counts) - counts
    offsets = np.arange(counts.sum(), dtype=np.int64) - np.repeat(firsts, counts)
    return pair, shingles.hashes[np.repeat(starts, counts) + offsets]


def _pair_keys(pair: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """Pair index in the high half, 32 bits of the shingle hash in the low half."""
    return (pair.astype(np.uint64) << np.uint64(32)) | (hashes & np.uint64(0xFFFFFFFF))
