"""Exact identifiers posts carry (phones, handles, author accounts) as a post-value incidence."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Incidence:
    """Which post carries which value: parallel arrays, plus the values themselves."""

    post: np.ndarray  # int64 post index
    value: np.ndarray  # int64 index into `values`
    values: list[str]

    def posts_per_value(self) -> np.ndarray:
        return np.bincount(self.value, minlength=len(self.values))


def incidence(per_post: list[list[str]] | list[str | None]) -> Incidence:
    """Encode the values each post carries; a post carrying a value twice counts once."""
    codes: dict[str, int] = {}
    code = codes.setdefault
    posts: list[int] = []
    values: list[int] = []
    for index, items in enumerate(per_post):
        if not items:
            continue
        if isinstance(items, str):
            items = (items,)
        elif len(items) > 1:
            items = dict.fromkeys(items)
        for item in items:
            posts.append(index)
            values.append(code(item, len(codes)))
    return Incidence(np.asarray(posts, np.int64), np.asarray(values, np.int64), list(codes))


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
