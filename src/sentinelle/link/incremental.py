"""Incremental linking: new posts are matched against an index of the posts already linked.

The index keeps what a full run computed (signatures, LSH buckets, shingles, rarity counts,
the first post of every identifier value, hubs) so that a batch of new posts costs lookups
proportional to its own size: no pass over the existing posts' texts, no full recompute.
Hubs are those the last full run found; a periodic full run refreshes them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sentinelle.link.batch import LinkResult, checked_text_edges
from sentinelle.link.config import LinkConfig
from sentinelle.link.distinct import distinct
from sentinelle.link.graph import HUB_WEIGHT, Edges, components, concat_edges, make_edges
from sentinelle.link.identifiers import star_pairs
from sentinelle.link.inputs import LinkInput
from sentinelle.link.lsh import band_keys, bucket_index, candidate_pairs, has_text, query_pairs
from sentinelle.link.minhash import MinHasher, Signatures
from sentinelle.link.personas import generic_handle
from sentinelle.link.prepare import identifier_incidences
from sentinelle.link.rarity import ShingleRarity
from sentinelle.link.shingles import Shingles, shingle_texts


@dataclass(slots=True)
class LinkIndex:
    """The posts already linked, as linking needs them to match new ones."""

    config: LinkConfig
    labels: np.ndarray  # component of each indexed post
    shingles: Shingles
    signatures: Signatures
    bucket_keys: list[np.ndarray]  # per band, sorted distinct keys
    bucket_leaders: list[np.ndarray]  # per band, the first indexed post with that key
    first_post: dict[str, dict[str, int]]  # per kind, value -> first indexed post
    hubs: dict[str, set[str]]
    rarity: ShingleRarity

    def __len__(self) -> int:
        return len(self.labels)


@dataclass(slots=True)
class IncrementalResult:
    """Component of each new post in the index's label space, and the evidence found."""

    labels: np.ndarray  # new posts' labels; existing labels where they joined a component
    merged: dict[int, int]  # existing label -> label it merged into (the smaller survives)
    edges: Edges  # left = new post, right = new post or (indexed post + len(new))


def build_index(result: LinkResult, config: LinkConfig) -> LinkIndex:
    """An index of the posts a full run just linked."""
    usable = has_text(result.text.signatures)
    count = len(result.labels)
    keys, leaders = bucket_index(result.text.band_keys, usable, np.arange(count))
    first_post = {}
    for kind, found in result.found.items():
        first = np.full(len(found.values), np.iinfo(np.int64).max)
        np.minimum.at(first, found.value, found.post)
        first_post[kind] = dict(zip(found.values, first.tolist(), strict=True))
    hubs = {
        k: {found.values[i] for i in np.flatnonzero(result.hub_masks[k])}
        for k, found in result.found.items()
    }
    return LinkIndex(config, result.labels.copy(), result.text.shingles, result.text.signatures,
                     keys, leaders, first_post, hubs, result.text.rarity)  # fmt: skip


def link_new(index: LinkIndex, posts: LinkInput) -> IncrementalResult:
    """Link `posts` to each other and to the indexed posts; the index is not changed."""
    config = index.config
    count = len(posts)
    shingles = shingle_texts(posts.texts, config.shingle_width)
    index.rarity.add(shingles)
    signatures = MinHasher(config.num_perm, config.seed).signatures(shingles)
    keys = band_keys(signatures, config.bands)
    text = _text_edges(index, shingles, signatures, keys, config)
    identifiers = _identifier_edges(index, posts)
    edges = concat_edges([*identifiers, text])
    strong = edges.strong(config.min_edge_weight)
    return _join(index, count, edges, strong)


def _text_edges(index, shingles, signatures, keys, config) -> Edges:
    count = len(shingles)
    usable = has_text(signatures)
    new_left, new_right = candidate_pairs(keys, usable)
    old_left, old_right = query_pairs(keys[usable], index.bucket_keys, index.bucket_leaders)
    old_left = np.flatnonzero(usable)[old_left]
    new_side = shingles
    likely = signatures.agreement(new_left, new_right) >= config.signature_min
    within = checked_text_edges(new_side, new_left[likely], new_side, new_right[likely],
                                index.rarity, config)  # fmt: skip
    likely = signatures.agreement(old_left, old_right, index.signatures) >= config.signature_min
    old_left, old_right = old_left[likely], old_right[likely]
    posts, local = np.unique(old_right, return_inverse=True)
    old_side = index.shingles.take(posts)
    against = checked_text_edges(new_side, old_left, old_side, local, index.rarity, config)
    against = make_edges(against.left, posts[against.right] + count, "text", against.weight)
    return concat_edges([within, against])


def _identifier_edges(index: LinkIndex, posts: LinkInput) -> list[Edges]:
    """Star edges among new posts, and from each new post to a value's first indexed post."""
    count = len(posts)
    parts = []
    for kind, found in identifier_incidences(posts).items():
        hub = _hub_mask(index, kind, found.values)
        weight = np.where(hub, HUB_WEIGHT, 1.0)
        member, leader, value = star_pairs(found)
        parts.append(
            make_edges(member, leader, kind, weight[value], value, hub[value], found.values)
        )
        known = index.first_post[kind]
        first = np.array([known.get(v, -1) for v in found.values], dtype=np.int64)
        seen = first[found.value] >= 0
        post, value = found.post[seen], found.value[seen]
        parts.append(
            make_edges(
                post, first[value] + count, kind, weight[value], value, hub[value], found.values
            )
        )
    return parts


def _hub_mask(index: LinkIndex, kind: str, values: list[str]) -> np.ndarray:
    hubs = index.hubs[kind]
    generic = kind == "handle"
    return np.fromiter(
        (v in hubs or (generic and generic_handle(v)) for v in values), bool, len(values)
    )


def _join(index: LinkIndex, count: int, edges: Edges, strong: np.ndarray) -> IncrementalResult:
    """Components over (new posts + existing components); merged labels keep the smaller."""
    existing = int(index.labels.max(initial=-1)) + 1

    def node(post: np.ndarray) -> np.ndarray:
        """New posts keep their index; an indexed post stands for its whole component."""
        return np.where(post < count, post, count + index.labels[np.maximum(post - count, 0)])

    left, right = node(edges.left[strong]), node(edges.right[strong])
    touched = distinct(np.concatenate([left, right, np.arange(count)]))
    local = np.searchsorted(touched, np.concatenate([left, right]))
    labels = components(len(touched), local[: len(left)], local[len(left) :])
    # each component takes its smallest existing label, or a fresh one
    is_old = touched >= count
    best = np.full(labels.max(initial=-1) + 1, np.iinfo(np.int64).max)
    np.minimum.at(best, labels[is_old], touched[is_old] - count)
    fresh = np.flatnonzero(best == np.iinfo(np.int64).max)
    best[fresh] = existing + np.arange(len(fresh))
    final = best[labels]
    merged = {int(t - count): int(f) for t, f in zip(touched[is_old], final[is_old], strict=True)
              if t - count != f}  # fmt: skip
    return IncrementalResult(final[:count], merged, edges)
