"""How common each shingle is across the corpus: the basis for telling templates from boilerplate.

Phrasing that many unrelated posters share ("dispo 7j/7", greetings, price formats) has a high
document frequency and weighs nothing; a group's own template is rare and carries the link
(the idea behind InfoShield's templates and slots). Frequencies live in a fixed-size counting
sketch so they can be updated incrementally and stored as one array.
"""

from __future__ import annotations

import numpy as np

from sentinelle.link.shingles import Shingles


class ShingleRarity:
    """Document frequency of shingles in a hashed counter array (collisions only over-count)."""

    def __init__(
        self, bits: int = 22, boilerplate_floor: int = 40, boilerplate_share: float = 0.002
    ) -> None:
        # weights are looked up from the low 32 bits of a hash, so the sketch stays below that
        if not 10 <= bits <= 28:
            raise ValueError(f"sketch bits must be in 10..28, got {bits}; 22 suits millions")
        self.bits = bits
        self.counts = np.zeros(1 << bits, dtype=np.uint32)
        self.posts = 0
        self.boilerplate_floor = boilerplate_floor
        self.boilerplate_share = boilerplate_share

    def add(self, shingles: Shingles) -> None:
        """Count every post of `shingles` once per distinct shingle."""
        slots = (shingles.hashes & np.uint64(len(self.counts) - 1)).astype(np.int64)
        self.counts += np.bincount(slots, minlength=len(self.counts)).astype(np.uint32)
        self.posts += len(shingles)

    @property
    def max_df(self) -> float:
        """Above this many posts a shingle is boilerplate."""
        return max(self.boilerplate_floor, self.boilerplate_share * self.posts)

    def frequency(self, hashes: np.ndarray) -> np.ndarray:
        return self.counts[(hashes & np.uint64(len(self.counts) - 1)).astype(np.int64)]

    def weights(self, hashes: np.ndarray) -> np.ndarray:
        """Inverse document frequency; zero for boilerplate (too common to mean anything)."""
        return self._idf(self.frequency(hashes))

    def slot_weights(self) -> np.ndarray:
        """The weight of every sketch slot: `weights(h) == slot_weights()[h & (size - 1)]`."""
        return self._idf(self.counts)

    def _idf(self, frequency: np.ndarray) -> np.ndarray:
        df = np.maximum(frequency, 1).astype(np.float32)
        idf = np.log1p(np.float32(self.posts) / df)
        return np.where(df > self.max_df, np.float32(0), idf).astype(np.float32)
