"""Image perceptual hashes (64-bit, 16 hex digits): never images, only what upstream computed.

A person's photos are a few random hashes; a re-upload of the same photo is the same hash with
one to four bits flipped, as recompression does to a perceptual hash.
"""

from __future__ import annotations

import random


def new_album(rng: random.Random, size: int) -> list[int]:
    """`size` distinct photos of one person."""
    return [rng.getrandbits(64) for _ in range(size)]


def reupload(rng: random.Random, photo: int) -> int:
    """The hash of the same photo after re-upload: 1-4 bits flipped."""
    wanted = 1 + rng.getrandbits(2)  # 1 to 4 distinct bits
    flips = 0
    while flips.bit_count() < wanted:
        flips |= 1 << rng.getrandbits(6)
    return photo ^ flips


def phashes(rng: random.Random, album: list[int], reupload_rate: float = 0.35) -> list[str]:
    """One to four photos of an album as a post carries them."""
    # a run of the album (cyclically): ads show a series, and this is cheaper than sampling
    count = min(len(album), rng.randint(1, 4))
    start = rng.randrange(len(album)) if len(album) > 1 else 0
    chosen = (album + album)[start : start + count]
    return [f"{reupload(rng, p) if rng.random() < reupload_rate else p:016x}" for p in chosen]
