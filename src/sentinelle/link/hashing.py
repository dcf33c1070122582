"""Seeded 64-bit hashing on numpy arrays: the mixing every linking hash goes through."""

from __future__ import annotations

import numpy as np

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def mix64(values: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser: spreads every input bit over the output (wraps mod 2**64)."""
    x = values.astype(np.uint64, copy=True)
    x ^= x >> np.uint64(30)
    x *= _M1
    x ^= x >> np.uint64(27)
    x *= _M2
    x ^= x >> np.uint64(31)
    return x


def combine(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Order-sensitive hash of two hashes (a shingle of two words, a band of rows)."""
    return mix64(left * _GOLDEN + right)


def seeded_words(seed: int, count: int) -> np.ndarray:
    """`count` reproducible random 64-bit words for `seed`: permutation parameters, salts."""
    return np.random.default_rng(seed).integers(0, 2**64, size=count, dtype=np.uint64)
