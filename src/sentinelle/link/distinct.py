"""Distinct values of an integer array by sorting.

`np.unique` without `return_*` takes a hash-table path in NumPy 2.x that is tens of times
slower than a sort on large int64/uint64 arrays (8 s against 0.15 s for 3 million values here).
"""

from __future__ import annotations

import numpy as np


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of `values`."""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]
