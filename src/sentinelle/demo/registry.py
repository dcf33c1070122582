"""Identifiers handed out in one block of the corpus, unique across the whole corpus.

Blocks are generated independently (possibly in parallel), so uniqueness is structural
rather than looked up: every number a block hands out comes from a slice of a space that no
other block draws from, passed through a fixed permutation so that it does not look serial.
Within a block, sets catch the remaining collisions (same stem, same number).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

_PHONE_SPACE = 10**8  # eight digits after a mobile's leading digit
_PHONES_PER_BLOCK = 10_000
_TAGS_PER_BLOCK = 100  # numbers a block may put in handles and account names


def _scramble_phone(x: int) -> int:
    """A permutation of [0, 10^8): affine, swap the 4-digit halves, affine again."""
    y = (48_271_013 * x + 12_345_679) % _PHONE_SPACE
    y = (y % 10_000) * 10_000 + y // 10_000
    return (69_069_017 * y + 40_960_003) % _PHONE_SPACE


@dataclass(slots=True)
class Registry:
    """What one block has handed out: ids, phone numbers, handle and account numbers."""

    block: int
    blocks: int  # how many blocks the corpus has (sizes the space of handle numbers)
    handles: set[str] = field(default_factory=set)
    authors: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)
    phones_used: int = 0

    def next_id(self, prefix: str, width: int, stride: int) -> str:
        """The next id of a kind: "g-0007" in block 0, "g-1007" in block 1 (stride 1000)."""
        number = self.counts.get(prefix, 0) + 1
        if number >= stride:
            raise RuntimeError(f"more than {stride} '{prefix}' ids in one block")
        self.counts[prefix] = number
        return f"{prefix}-{self.block * stride + number:0{width}d}"

    def person_id(self) -> str:
        return self.next_id("p", 5, 10_000)

    def phone_digits(self) -> str:
        """Eight digits no other call, in any block, returns."""
        if self.phones_used >= _PHONES_PER_BLOCK:
            raise RuntimeError("a block ran out of phone numbers")
        x = self.block * _PHONES_PER_BLOCK + self.phones_used
        self.phones_used += 1
        return f"{_scramble_phone(x):08d}"

    def tag(self, rng: random.Random) -> int:
        """A number for a handle or account name, from this block's own slice."""
        space = 10 ** max(4, len(str(self.blocks * _TAGS_PER_BLOCK - 1)))
        x = self.block * _TAGS_PER_BLOCK + rng.randrange(_TAGS_PER_BLOCK)
        multiplier = 7_919 if space % 7_919 else 7_907
        return (multiplier * x + 4_243) % space
