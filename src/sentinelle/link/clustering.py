"""Clusters that hold together: identifier groups first, then text joins them under constraints.

Connected components let one weak bridge join two large groups. Here:

1. Posts tied by a shared (non-hub) identifier form *contact groups* (components of identifier
   edges). A group is *anchored* when it gives a phone or a handle of its own.
2. Text pairs then join clusters in rounds, strongest text level first. At each merge the
   pair's match weight is taken again with the *clusters'* contact relation: two anchored
   clusters disagree (their contacts differ, or they would be one group), so text must be far
   stronger to join them, however the pair looked alone. Within a round:
   - unanchored clusters join each other when two or more text pairs tie them (one pair is
     enough for a single post, which goes to its best partner only);
   - an unanchored cluster joins at most one anchored cluster, the one it is tied to most;
   - anchored clusters join only through pairs whose weight stays positive under
     disagreement, and again two pairs unless a side is a single post.
   A cluster that joined an anchored one is anchored from then on, so a text-only post never
   bridges two contact groups.

Every step is a sort or a connected-components call over cluster pairs; no loop per post.
"""

from __future__ import annotations

import numpy as np

from sentinelle.link.graph import components
from sentinelle.link.match_weights import DISAGREE, UNKNOWN, MatchModel


def cluster(
    posts: int,
    id_pairs: tuple[np.ndarray, np.ndarray],
    anchored: np.ndarray,
    text_pairs: tuple[np.ndarray, np.ndarray],
    levels: tuple[np.ndarray, np.ndarray],
    model: MatchModel,
    across: np.ndarray,
    sizes: np.ndarray | None = None,
    settled: np.ndarray | None = None,
) -> np.ndarray:
    """A cluster label for every node (0..k-1); a node is a post, or in incremental runs a
    stored network of `sizes[i]` posts.

    `id_pairs` join nodes outright; `anchored[i]` says node i gives a phone or handle that is
    not a hub; `text_pairs` are candidate pairs with their (text, rare) `levels`. Across
    contacts that disagree, a pair must also be marked in `across` (its own wording alike
    enough to say one actor despite two sets of contacts). `settled[i]` says node i is in a
    group of posts without contacts that their wording as a whole already decided
    (`contactless.py`): two such groups are not joined again by a few text pairs.
    """
    label = components(posts, *id_pairs) if posts else np.zeros(0, np.int64)
    sizes = np.ones(posts, np.int64) if sizes is None else np.asarray(sizes, np.int64)
    text, rare = levels
    a, b = text_pairs
    settled = np.zeros(posts, bool) if settled is None else np.asarray(settled, bool)
    unknown = model.weights(text, rare, np.full(len(text), UNKNOWN))
    disagree = model.weights(text, rare, np.full(len(text), DISAGREE))
    disagree[~np.asarray(across, bool)] = -np.inf
    usable = unknown > 0
    a, b, text, unknown, disagree = (
        a[usable],
        b[usable],
        text[usable],
        unknown[usable],
        disagree[usable],
    )
    for level in sorted(set(text.tolist()), reverse=True):
        chosen = text >= level
        label = _round(label, (anchored, settled), sizes, a[chosen], b[chosen], unknown[chosen],
                       disagree[chosen])  # fmt: skip
    return np.unique(label, return_inverse=True)[1].astype(np.int64)


def _round(label, marks, sizes, a, b, unknown, disagree):
    anchored_post, settled_post = marks
    count = int(label.max(initial=-1)) + 1
    size = np.bincount(label, weights=sizes, minlength=count)
    anchored = np.bincount(label, weights=anchored_post, minlength=count) > 0
    settled = np.bincount(label, weights=settled_post, minlength=count) > 0
    # 1. unanchored clusters among themselves (two settled groups stay apart)
    pairs = _cluster_pairs(label, a, b, unknown)
    both = ~anchored[pairs[0]] & ~anchored[pairs[1]] & ~(settled[pairs[0]] & settled[pairs[1]])
    label = _join(label, _supported(pairs, both, size))
    # 2. an unanchored cluster to its best anchored cluster
    count = int(label.max(initial=-1)) + 1
    size = np.bincount(label, weights=sizes, minlength=count)
    anchored = np.bincount(label, weights=anchored_post, minlength=count) > 0
    pairs = _cluster_pairs(label, a, b, unknown)
    one = anchored[pairs[0]] != anchored[pairs[1]]
    label = _join(label, _attach(pairs, one, anchored, size))
    # 3. anchored clusters: the pairs must outweigh the disagreement of their contacts
    count = int(label.max(initial=-1)) + 1
    size = np.bincount(label, weights=sizes, minlength=count)
    anchored = np.bincount(label, weights=anchored_post, minlength=count) > 0
    strong = disagree > 0
    pairs = _cluster_pairs(label, a[strong], b[strong], disagree[strong])
    two = anchored[pairs[0]] & anchored[pairs[1]]
    return _join(label, _supported(pairs, two, size))


def _cluster_pairs(label, a, b, weight):
    """Distinct (low, high) cluster pairs with the number of text pairs and their total weight."""
    left, right = label[a], label[b]
    low, high = np.minimum(left, right), np.maximum(left, right)
    apart = low != high
    low, high, weight = low[apart], high[apart], weight[apart]
    if len(low) == 0:
        empty = np.zeros(0, np.int64)
        return empty, empty, empty, np.zeros(0)
    width = int(high.max()) + 1
    key, inverse = np.unique(low * width + high, return_inverse=True)
    count = np.bincount(inverse)
    total = np.bincount(inverse, weights=weight)
    return key // width, key % width, count, total


def _supported(pairs, mask, size):
    """Cluster pairs under `mask` tied by two text pairs, or by one when a side is one post
    (that post then joins only its best partner)."""
    low, high, count, total = (column[mask] for column in pairs)
    single = (size[low] == 1) | (size[high] == 1)
    keep = (count >= 2) | (single & _best_of_single(low, high, total, size))
    return low[keep], high[keep]


def _best_of_single(low, high, total, size):
    """For a single post with ties to several clusters: only its strongest tie."""
    one = np.where(size[low] == 1, low, high)
    order = np.lexsort((-total, one))
    first = np.ones(len(order), bool)
    first[1:] = one[order][1:] != one[order][:-1]
    best = np.zeros(len(low), bool)
    best[order[first]] = True
    return best | ((size[low] == 1) & (size[high] == 1))


def _attach(pairs, mask, anchored, size):
    """Each unanchored cluster to the anchored cluster it is tied to most (if tied enough)."""
    low, high, count, total = (column[mask] for column in pairs)
    loose = np.where(anchored[low], high, low)
    firm = np.where(anchored[low], low, high)
    enough = (count >= 2) | (size[loose] == 1)
    loose, firm, total = loose[enough], firm[enough], total[enough]
    order = np.lexsort((firm, -total, loose))
    first = np.ones(len(order), bool)
    first[1:] = loose[order][1:] != loose[order][:-1]
    chosen = order[first]
    return loose[chosen], firm[chosen]


def _join(label, pairs):
    left, right = pairs
    if len(left) == 0:
        return label
    count = int(label.max(initial=-1)) + 1
    merged = components(count, left, right)
    return merged[label]
