"""How common each shingle is across the corpus: the basis for telling templates from boilerplate.

Phrasing that many unrelated posters share ("dispo 7j/7", greetings, price formats) has a high
document frequency and weighs nothing; a group's own template is rare and carries the link
(the idea behind InfoShield's templates and slots). Frequencies live in a fixed-size counting
sketch so they can be updated incrementally and stored as one array.

A post count cannot tell a group's own template (a pimp's 60 ads) from a template many groups
copy (a recruitment offer pasted by 60 unrelated groups): both are in 60 posts. So the sketch
also counts, per shingle, the *contact groups* using it: posts tied by identifiers (phones,
handles, accounts) count once. A shingle used by `template_groups` or more groups whose
identifiers differ, each in few of its posts, is part of a common template: it still shows
which networks copy which text (the "same template" relation), but it weighs nothing as
evidence that two posts share an actor.
"""

from __future__ import annotations

import numpy as np

from sentinelle.link.distinct import distinct
from sentinelle.link.shingles import Shingles


class ShingleRarity:
    """Document frequency of shingles in a hashed counter array (collisions only over-count)."""

    def __init__(
        self,
        bits: int = 22,
        boilerplate_floor: int = 40,
        boilerplate_share: float = 0.002,
        template_groups: int = 4,
        template_share: float = 0.3,
    ) -> None:
        # weights are looked up from the low 32 bits of a hash, so the sketch stays below that
        if not 10 <= bits <= 28:
            raise ValueError(f"sketch bits must be in 10..28, got {bits}; 22 suits millions")
        self.bits = bits
        self.counts = np.zeros(1 << bits, dtype=np.uint32)
        self.posts = 0
        self.boilerplate_floor = boilerplate_floor
        self.boilerplate_share = boilerplate_share
        self.template_groups = template_groups
        self.template_share = template_share
        self.groups = np.zeros(1 << bits, dtype=np.uint16)  # contact groups per slot (capped)

    def add(self, shingles: Shingles) -> None:
        """Count every post of `shingles` once per distinct shingle."""
        slots = (shingles.hashes & np.uint64(len(self.counts) - 1)).astype(np.int64)
        self.counts += np.bincount(slots, minlength=len(self.counts)).astype(np.uint32)
        self.posts += len(shingles)

    def add_groups(self, shingles: Shingles, group: np.ndarray) -> None:
        """Count each contact group once per shingle it uses; `group[i]` is post i's group,
        -1 for a post without identifiers (it says nothing about who else uses the text)."""
        counts = np.diff(shingles.indptr)
        post_group = np.repeat(np.asarray(group, np.int64), counts)
        chosen = post_group >= 0
        slots = (shingles.hashes[chosen] & np.uint64(len(self.counts) - 1)).astype(np.uint64)
        key = distinct((post_group[chosen].astype(np.uint64) << np.uint64(32)) | slots)
        slot = (key & np.uint64(0xFFFFFFFF)).astype(np.int64)
        added = np.bincount(slot, minlength=len(self.groups))
        self.groups = np.minimum(self.groups + added, 65535).astype(np.uint16)

    def template_slots(self) -> np.ndarray:
        """Slots whose shingles many contact groups use, each in few of its posts: common
        templates. A group's own template is in many posts of few groups (a group rotating
        phones counts as several, but each of them posts it often)."""
        groups = self.groups.astype(np.float32)
        return (groups >= self.template_groups) & (groups >= self.template_share * self.counts)

    @property
    def max_df(self) -> float:
        """Above this many posts a shingle is boilerplate."""
        return max(self.boilerplate_floor, self.boilerplate_share * self.posts)

    def frequency(self, hashes: np.ndarray) -> np.ndarray:
        return self.counts[(hashes & np.uint64(len(self.counts) - 1)).astype(np.int64)]

    def weights(self, hashes: np.ndarray) -> np.ndarray:
        """Inverse document frequency; zero for boilerplate (too common to mean anything)."""
        return self._idf(self.frequency(hashes))

    def slot_weights(self, own: bool = False) -> np.ndarray:
        """The weight of every sketch slot: `weights(h) == slot_weights()[h & (size - 1)]`;
        with `own`, common-template slots weigh zero too (what is left is a poster's own)."""
        weights = self._idf(self.counts)
        if own:
            weights[self.template_slots()] = 0
        return weights

    def _idf(self, frequency: np.ndarray) -> np.ndarray:
        df = np.maximum(frequency, 1).astype(np.float32)
        idf = np.log1p(np.float32(self.posts) / df)
        return np.where(df > self.max_df, np.float32(0), idf).astype(np.float32)
