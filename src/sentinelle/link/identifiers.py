"""Exact identifiers posts carry (phones, handles, author accounts) as a post-value incidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from sentinelle.link.distinct import distinct


@dataclass(frozen=True, slots=True)
class Incidence:
    """Which post carries which value: parallel arrays, plus the values themselves."""

    post: np.ndarray  # int64 post index
    value: np.ndarray  # int64 index into `values`
    values: list[str]

    def posts_per_value(self) -> np.ndarray:
        return np.bincount(self.value, minlength=len(self.values))


def incidence(per_post: Sequence[Sequence[str] | None]) -> Incidence:
    """Encode the values each post carries; a post carrying a value twice counts once.

    Values are numbered in order of first appearance; the per-value work is C-level
    (`dict.fromkeys`, `map`), which matters at millions of posts.
    """
    lengths = np.fromiter(
        (len(items) if items else 0 for items in per_post), np.int64, len(per_post)
    )
    flat = list(chain.from_iterable(items for items in per_post if items))
    codes = dict(zip(dict.fromkeys(flat), range(len(flat)), strict=False))
    value = np.fromiter(map(codes.__getitem__, flat), np.int64, len(flat))
    post = np.repeat(np.arange(len(per_post), dtype=np.int64), lengths)
    if len(value):
        key = distinct(post * len(codes) + value)
        post, value = key // len(codes), key % len(codes)
    return Incidence(post, value, list(codes))


def concat_incidences(parts: list[Incidence], sizes: list[int]) -> Incidence:
    """Incidences of consecutive batches (of `sizes` posts) as one; values renumbered in order
    of first appearance, as `incidence` would have numbered them."""
    codes: dict[str, int] = {}
    posts, values, offset = [], [], 0
    for part, size in zip(parts, sizes, strict=True):
        remap = np.fromiter(
            (codes.setdefault(v, len(codes)) for v in part.values), np.int64, len(part.values)
        )
        posts.append(part.post + offset)
        values.append(remap[part.value])
        offset += size
    empty = np.zeros(0, np.int64)
    return Incidence(
        np.concatenate(posts or [empty]), np.concatenate(values or [empty]), list(codes)
    )


def star_pairs(found: Incidence, keep: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
    """(post, first post with the same value, value) for every other post carrying a value.

    `keep` masks values; the first post is the lowest index, so the earliest when posts are
    in time order.
    """
    post, value = found.post, found.value
    if keep is not None:
        chosen = keep[value]
        post, value = post[chosen], value[chosen]
    order = np.lexsort((post, value))
    post, value = post[order], value[order]
    starts = np.ones(len(value), dtype=bool)
    starts[1:] = value[1:] != value[:-1]
    leader = post[np.flatnonzero(starts)[np.cumsum(starts) - 1]]
    member = ~starts
    return post[member], leader[member], value[member]
