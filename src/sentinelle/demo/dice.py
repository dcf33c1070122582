"""The generator's random source: `random.Random` with faster `choice` and `randint`.

The corpus draws tens of choices per post; the standard methods' exact rejection sampling
costs more than everything else together, while a float product is more than fair enough for
picking a phrase. Seeding stays the standard, stable one.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class Dice(random.Random):
    """A seeded random source tuned for many small choices."""

    def choice(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def _randbelow(self, n: int) -> int:  # used by randrange, shuffle and sample
        return int(self.random() * n)
