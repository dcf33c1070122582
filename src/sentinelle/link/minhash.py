"""MinHash signatures of shingle sets, computed for a whole batch at once.

Each of the `num_perm` hash functions is a multiply-add on 64-bit words (a universal family);
the per-post minimum is a `minimum.reduceat` over the CSR layout, so the cost is
`num_perm` vector passes over all shingles, with no Python loop per post.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from sentinelle.link.hashing import seeded_words
from sentinelle.link.shingles import Shingles

_EMPTY = np.uint32(0xFFFFFFFF)
_CHUNK = 1 << 21  # shingles per pass, so temporaries stay small
_PAIR_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Signatures:
    """MinHash signatures (rows = posts) with the seed and size that made them."""

    values: np.ndarray  # uint32, shape (posts, num_perm); all 0xFFFFFFFF for an empty set
    seed: int
    num_perm: int

    def agreement(
        self, left: np.ndarray, right: np.ndarray, other: Signatures | None = None
    ) -> np.ndarray:
        """Estimated Jaccard similarity of post pairs (left[i] here, right[i] in `other`)."""
        other = self if other is None else other
        if (other.seed, other.num_perm) != (self.seed, self.num_perm):
            raise ValueError(
                f"signatures from seed {other.seed}/{other.num_perm} perms cannot be compared "
                f"with seed {self.seed}/{self.num_perm}: recompute them with one MinHasher"
            )
        agreement = np.empty(len(left), dtype=np.float32)
        for start in range(0, len(left), _PAIR_CHUNK):
            stop = start + _PAIR_CHUNK
            same = self.values[left[start:stop]] == other.values[right[start:stop]]
            agreement[start:stop] = same.mean(axis=1)
        return agreement


class MinHasher:
    """Seeded MinHash: the same seed and size always give the same signatures."""

    def __init__(self, num_perm: int = 48, seed: int = 1) -> None:
        if num_perm < 1 or num_perm > 1024:
            raise ValueError(f"num_perm must be in 1..1024, got {num_perm}; 32 to 128 is usual")
        self.num_perm = num_perm
        self.seed = seed
        words = seeded_words(seed, 2 * num_perm)
        self._multipliers = words[:num_perm] | np.uint64(1)
        self._offsets = words[num_perm:]

    def signatures(self, shingles: Shingles) -> Signatures:
        """One signature per post of `shingles`."""
        values = np.full((len(shingles), self.num_perm), _EMPTY, dtype=np.uint32)
        bounds = _chunk_bounds(shingles.indptr, _CHUNK)
        for first, last in pairwise(bounds):
            self._fill(values, shingles, first, last)
        return Signatures(values, self.seed, self.num_perm)

    def _fill(self, values: np.ndarray, shingles: Shingles, first: int, last: int) -> None:
        start, stop = shingles.indptr[first], shingles.indptr[last]
        hashes = shingles.hashes[start:stop].astype(np.uint64)
        counts = np.diff(shingles.indptr[first : last + 1])
        filled = np.flatnonzero(counts)
        if len(filled) == 0:
            return
        offsets = (shingles.indptr[first:last] - start)[filled]
        mixed = np.empty_like(hashes)
        for k in range(self.num_perm):
            np.multiply(hashes, self._multipliers[k], out=mixed)
            mixed += self._offsets[k]
            lows = np.minimum.reduceat(mixed, offsets)
            values[first + filled, k] = (lows >> np.uint64(32)).astype(np.uint32)


def _chunk_bounds(indptr: np.ndarray, size: int) -> list[int]:
    """Post boundaries that cut the CSR array into pieces of about `size` shingles."""
    targets = np.arange(0, indptr[-1] + size, size)
    bounds = np.unique(np.searchsorted(indptr, targets, side="left").clip(0, len(indptr) - 1))
    bounds = sorted({0, len(indptr) - 1, *bounds.tolist()})
    return bounds
