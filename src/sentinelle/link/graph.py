"""The evidence graph: typed, weighted edges between posts, and its connected components."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

KINDS = ("phone", "handle", "author", "image", "text", "mention")
KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}
HUB_WEIGHT = 0.1  # a hub's edges stay as evidence but never join components on their own


@dataclass(frozen=True, slots=True)
class Edges:
    """Edges as parallel arrays; `value` indexes `evidence` (the shared value), -1 for text."""

    left: np.ndarray  # int64 post index
    right: np.ndarray  # int64 post index
    kind: np.ndarray  # uint8 code into KINDS
    weight: np.ndarray  # float32
    value: np.ndarray  # int64
    hub: np.ndarray  # bool
    evidence: list[str]

    def __len__(self) -> int:
        return len(self.left)

    def strong(self, min_weight: float = 0.3) -> np.ndarray:
        """Edges that join components: heavy enough and not through a hub."""
        return (self.weight >= min_weight) & ~self.hub


def make_edges(left, right, kind: str, weight, value=None, hub=None, evidence=None) -> Edges:
    """Edges of one kind; scalars broadcast."""
    count = len(left)
    return Edges(
        left=np.asarray(left, np.int64),
        right=np.asarray(right, np.int64),
        kind=np.full(count, KIND_CODE[kind], np.uint8),
        weight=np.broadcast_to(np.asarray(weight, np.float32), (count,)).copy(),
        value=np.full(count, -1, np.int64) if value is None else np.asarray(value, np.int64),
        hub=np.zeros(count, bool) if hub is None else np.asarray(hub, bool),
        evidence=list(evidence or []),
    )


def concat_edges(parts: list[Edges]) -> Edges:
    """One edge list; each part's `value` is shifted onto the joined evidence list."""
    shift, values, evidence = 0, [], []
    for part in parts:
        values.append(np.where(part.value >= 0, part.value + shift, -1))
        evidence.extend(part.evidence)
        shift += len(part.evidence)
    return Edges(
        left=np.concatenate([p.left for p in parts] or [np.zeros(0, np.int64)]),
        right=np.concatenate([p.right for p in parts] or [np.zeros(0, np.int64)]),
        kind=np.concatenate([p.kind for p in parts] or [np.zeros(0, np.uint8)]),
        weight=np.concatenate([p.weight for p in parts] or [np.zeros(0, np.float32)]),
        value=np.concatenate(values or [np.zeros(0, np.int64)]),
        hub=np.concatenate([p.hub for p in parts] or [np.zeros(0, bool)]),
        evidence=evidence,
    )


def components(posts: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Connected-component label of every post (labels are 0..k-1)."""
    if posts == 0:
        return np.zeros(0, np.int64)
    ones = np.ones(len(left), dtype=np.int8)
    matrix = coo_matrix((ones, (left, right)), shape=(posts, posts)).tocsr()
    _, labels = connected_components(matrix, directed=False)
    return labels.astype(np.int64)
