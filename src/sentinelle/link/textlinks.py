"""The exact check of LSH candidates: do two posts share the rare part of their text?

The score is a rarity-weighted Jaccard (boilerplate weighs zero), and a link also needs a
minimum number of rare shingles in common, so two short posts made only of stock phrases
never link however identical they are. Two scores are computed in one pass: `score` without
the shingles of common templates (what the posts' own wording shares: evidence of one actor)
and `shape` with them (how alike the texts look: two networks copying one template).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sentinelle.link.rarity import ShingleRarity
from sentinelle.link.shingles import Shingles

_PAIR_CHUNK = 1 << 14  # pairs per pass: each pass holds ~64 shingles per pair, ~40 MB


@dataclass(frozen=True, slots=True)
class TextCheck:
    """For each candidate pair: weighted similarity and number of rare shingles shared."""

    score: np.ndarray  # float32 in [0, 1], common-template shingles left out
    shared_rare: np.ndarray  # int32, rare own shingles shared
    shape: np.ndarray  # float32 in [0, 1], common-template shingles included


def check_pairs(
    left_side: Shingles,
    left: np.ndarray,
    right_side: Shingles,
    right: np.ndarray,
    rarity: ShingleRarity,
    tables: tuple[np.ndarray, np.ndarray] | None = None,
) -> TextCheck:
    """Exact weighted Jaccard of each pair: left[i] of `left_side`, right[i] of `right_side`.

    Weights come from one table per sketch slot (`ShingleRarity.slot_weights`), so no weight
    array aligned with every shingle of the corpus is kept. A caller checking many batches
    against one rarity passes `weight_tables(rarity)` once: each table is a pass over the
    whole sketch (4 M slots).
    """
    tables = tables or weight_tables(rarity)
    parts = []
    for start in range(0, len(left), _PAIR_CHUNK):
        stop = start + _PAIR_CHUNK
        parts.append(
            _check_chunk(left_side, left[start:stop], right_side, right[start:stop], tables)
        )
    if not parts:
        return TextCheck(np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(0, np.float32))
    return TextCheck(
        np.concatenate([p.score for p in parts]),
        np.concatenate([p.shared_rare for p in parts]),
        np.concatenate([p.shape for p in parts]),
    )


def weight_tables(rarity: ShingleRarity) -> tuple[np.ndarray, np.ndarray]:
    """The slot weights `check_pairs` reads: own wording only, and everything."""
    return rarity.slot_weights(own=True), rarity.slot_weights()


def _check_chunk(left_side, left, right_side, right, tables) -> TextCheck:
    own, full = tables
    mask = np.uint64(len(own) - 1)
    left_pair, left_hashes = _gather(left_side, left)
    right_pair, right_hashes = _gather(right_side, right)
    left_slot = (left_hashes & mask).astype(np.int64)
    right_slot = (right_hashes & mask).astype(np.int64)
    pairs = len(left)
    keys = np.concatenate(
        [_pair_keys(left_pair, left_hashes), _pair_keys(right_pair, right_hashes)]
    )
    keys.sort()
    # each side is a set, so a key seen twice is a shingle the pair shares
    common = keys[1:][keys[1:] == keys[:-1]]
    common_pair = (common >> np.uint64(32)).astype(np.int64)
    common_slot = (common & mask).astype(np.int64)

    def weighted(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        inter = np.bincount(common_pair, weights=table[common_slot], minlength=pairs)
        union = (
            np.bincount(left_pair, weights=table[left_slot], minlength=pairs)
            + np.bincount(right_pair, weights=table[right_slot], minlength=pairs)
            - inter
        )
        return inter, union

    own_inter, _ = weighted(own)
    inter, union = weighted(full)
    # what the posts share outside common templates, over all they say: a post that is mostly
    # a copied template shares little of its own with anyone, however alike the copies are
    own_score = np.divide(own_inter, union, out=np.zeros(pairs), where=union > 0)
    shape = np.divide(inter, union, out=np.zeros(pairs), where=union > 0)
    shared = np.bincount(common_pair[own[common_slot] > 0], minlength=pairs).astype(np.int32)
    return TextCheck(own_score.astype(np.float32), shared, shape.astype(np.float32))


def _gather(shingles: Shingles, posts: np.ndarray):
    """The shingles of `posts` flattened: pair index and hash of each."""
    starts = shingles.indptr[posts]
    counts = shingles.indptr[posts + 1] - starts
    pair = np.repeat(np.arange(len(posts), dtype=np.int64), counts)
    firsts = np.cumsum(counts) - counts
    flat = np.arange(counts.sum(), dtype=np.int64) + np.repeat(starts - firsts, counts)
    return pair, shingles.hashes[flat]


def _pair_keys(pair: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """Pair index in the high half, the 32-bit shingle hash in the low half."""
    return (pair.astype(np.uint64) << np.uint64(32)) | hashes.astype(np.uint64)
