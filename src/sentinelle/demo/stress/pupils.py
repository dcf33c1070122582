"""Pupils' benign look-alike ads (knob `pupil_lookalikes`), drawn from their own stream.

A share of the benign look-alike posters are pupils offering tutoring, childcare, pet care or
a small job and stating a school level ("élève de 3e, je donne des cours de maths"). The
world draws each look-alike post as before and this stream only rewrites the text of the
pupils' posts: with the knob at 0 the corpus is byte for byte what it was.
"""

from __future__ import annotations

from sentinelle.demo.dice import Dice
from sentinelle.demo.stress import lexicon as lx


class PupilDice:
    """The pupils' own random stream, apart from the world's."""

    def __init__(self, seed: int) -> None:
        self.rng = Dice(f"sentinelle-stress-pupils:{seed}")

    def is_pupil(self, share: float) -> bool:
        """Whether the next look-alike poster is a pupil (drawn for every poster)."""
        return self.rng.random() < share

    def opener(self) -> str:
        """A pupil's own opening sentence, kept in all her posts."""
        return self.rng.choice(lx.PUPIL_OPENERS)

    def ad(self, opener: str, city: str) -> str:
        """One post of a pupil: her opener stating a school level and one or two details."""
        price = f"{self.rng.choice(lx.PUPIL_PRICES)}€"
        details = self.rng.sample(lx.PUPIL_DETAILS, 1 + int(self.rng.random() < 0.6))
        return " ".join([opener, *details]).format(city=city, price=price)
