"""LSH banding over MinHash signatures: posts that agree on a whole band become candidates.

A bucket of k posts yields k - 1 candidate pairs (each post with the bucket's first post), not
k*(k-1)/2: connectivity is what networks need, and a huge bucket of boilerplate stays linear.
"""

from __future__ import annotations

import numpy as np

from sentinelle.link.hashing import combine, seeded_words
from sentinelle.link.minhash import Signatures

_EMPTY = np.uint32(0xFFFFFFFF)


def band_keys(signatures: Signatures, bands: int) -> np.ndarray:
    """One uint64 key per (post, band); rows per band = num_perm // bands."""
    rows = signatures.num_perm // bands
    if bands < 1 or rows < 1:
        raise ValueError(
            f"{bands} bands do not fit {signatures.num_perm} permutations; "
            "use bands <= num_perm (e.g. 16 bands of 3 rows for 48)"
        )
    values = signatures.values
    salts = seeded_words(signatures.seed + 7919, bands)
    keys = np.empty((len(values), bands), dtype=np.uint64)
    for band in range(bands):
        key = np.full(len(values), salts[band], dtype=np.uint64)
        for row in range(band * rows, (band + 1) * rows):
            key = combine(key, values[:, row].astype(np.uint64))
        keys[:, band] = key
    return keys


def has_text(signatures: Signatures) -> np.ndarray:
    """Posts whose shingle set was not empty (an empty set matches nothing)."""
    return signatures.values[:, 0] != _EMPTY


def candidate_pairs(keys: np.ndarray, usable: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (post, bucket leader) pairs over all bands; leader = lowest post index."""
    posts = np.flatnonzero(usable)
    left, right = [], []
    for band in range(keys.shape[1]):
        order = posts[np.argsort(keys[posts, band], kind="stable")]
        sorted_keys = keys[order, band]
        starts = np.ones(len(order), dtype=bool)
        starts[1:] = sorted_keys[1:] != sorted_keys[:-1]
        leader = order[np.flatnonzero(starts)[np.cumsum(starts) - 1]]
        member = ~starts
        left.append(order[member])
        right.append(leader[member])
    return unique_pairs(np.concatenate(left), np.concatenate(right))


def index_matches(keys: np.ndarray, index_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row of `keys`, row of `index_keys`) pairs sharing a bucket, the index row being the
    bucket's first (index rows in priority order, e.g. by the store's pk).

    The query is small (new posts) and the index large (every linked post): index keys are
    looked up among the sorted query keys, so each band is one linear pass and no sort of the
    index.
    """
    none = np.iinfo(np.int64).max
    left, right = [], []
    for band in range(keys.shape[1]):
        wanted, inverse = np.unique(keys[:, band], return_inverse=True)
        if len(wanted) == 0 or len(index_keys) == 0:
            continue
        slot = np.searchsorted(wanted, index_keys[:, band]).clip(0, len(wanted) - 1)
        hit = np.flatnonzero(wanted[slot] == index_keys[:, band])
        first = np.full(len(wanted), none, dtype=np.int64)
        np.minimum.at(first, slot[hit], hit)
        leader = first[inverse]
        matched = np.flatnonzero(leader != none)
        left.append(matched)
        right.append(leader[matched])
    if not left:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return unique_pairs(np.concatenate(left), np.concatenate(right), ordered=False)


def unique_pairs(
    left: np.ndarray, right: np.ndarray, ordered: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs, self-pairs dropped; with `ordered`, (a, b) and (b, a) are one pair."""
    left, right = left.astype(np.int64), right.astype(np.int64)
    if ordered:
        left, right = np.minimum(left, right), np.maximum(left, right)
    keep = left != right
    left, right = left[keep], right[keep]
    if len(left) == 0:
        return left, right
    width = int(right.max()) + 1
    key = np.sort(left * width + right)
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    key = key[first]
    return key // width, key % width
