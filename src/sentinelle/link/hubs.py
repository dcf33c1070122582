"""Hub identifiers: a value shared by too many unrelated contexts (a hotel's number, an agency).

A pimp's phone is shared by the few personas of one group; a hotel's number is shared by many
posters who each have their own phone, handle or text. So a value is a hub when the posts
carrying it fall into many distinct *contexts*, a context being a component of the graph built
from everything except the frequent values themselves.
"""

from __future__ import annotations

import numpy as np

from sentinelle.link.identifiers import Incidence


def hub_values(
    found: Incidence,
    context: np.ndarray,
    anchored: np.ndarray,
    min_posts: int,
    min_contexts: int,
) -> np.ndarray:
    """Boolean per value of `found`: True for a hub.

    `context` labels each post; only `anchored` posts (those with evidence of their own)
    count, so a group's plain posts that carry nothing but the shared phone do not make the
    phone look like a hub.
    """
    frequent = found.posts_per_value() >= min_posts
    chosen = frequent[found.value] & anchored[found.post]
    value, label = found.value[chosen], context[found.post[chosen]].astype(np.int64)
    pair = np.unique(value * (int(context.max(initial=0)) + 1) + label)
    contexts = np.bincount(pair // (int(context.max(initial=0)) + 1), minlength=len(found.values))
    return contexts >= min_contexts


def frequent_values(found: Incidence, min_posts: int) -> np.ndarray:
    """Values carried by at least `min_posts` posts: the only ones that can be hubs."""
    return found.posts_per_value() >= min_posts
