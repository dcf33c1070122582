"""Hub detection in incremental runs: a value the new posts carry is checked again over every
post, stored or new, that carries it.

Without this, a hotel's number or an agency's handle that crosses the hub threshold between two
full runs would keep joining unrelated posters into one network until `analyze --relink`. The
check is the full run's (`link.hubs.hub_values`) on the small graph of the posts that carry a
frequent value: their identifiers, and the text and image evidence among them.
"""

from __future__ import annotations

import numpy as np

from sentinelle.link.config import LinkConfig
from sentinelle.link.graph import Edges
from sentinelle.link.hubs import hub_values
from sentinelle.link.identifiers import incidence
from sentinelle.link.prepare import PreparedPosts
from sentinelle.store import Store
from sentinelle.store.link_index import identifiers_of_posts, identifiers_of_values, links_among

# linking kind -> how the store indexes it (author accounts are handles there)
STORED_KIND = {"phone": "phone", "handle": "handle", "author": "handle"}


def fresh_hubs(
    store: Store,
    posts: PreparedPosts,
    text: Edges,
    stored_nodes: dict[int, int],
    carried: dict[tuple[str, str], list[int]],
    known: dict[str, list[str]],
    config: LinkConfig,
) -> dict[str, set[str]]:
    """Values (per stored kind: phone, handle) of the new `posts` that are hubs now.

    `text` are this run's text edges: node i < len(posts) is a new post, node len(posts) + j the
    stored post `stored_nodes` numbers j. `carried` is `stored_carriers(store, posts)`.
    """
    count = len(posts)
    new_pks = set(posts.post_pk.tolist())
    carriers = _carriers(posts, carried, known)
    suspects = {key for key, pks in carriers.items() if len(pks) >= config.hub_min_posts}
    if not suspects:
        return {}
    stored = sorted({pk for key in suspects for pk in carriers[key] if pk not in new_pks})
    local = {pk: count + i for i, pk in enumerate(stored)}
    local |= {pk: i for i, pk in enumerate(posts.post_pk.tolist())}
    values: list[list[tuple[str, str]]] = [[] for _ in range(count + len(stored))]
    for kind, found in posts.found.items():
        if kind in STORED_KIND:
            for post, value in zip(found.post.tolist(), found.value.tolist(), strict=True):
                values[post].append((STORED_KIND[kind], found.values[value]))
    for pk, kind, value in identifiers_of_posts(store, stored):
        values[local[pk]].append((kind, value))
    found_local = {
        kind: incidence([[v for k, v in items if k == kind] for items in values])
        for kind in ("phone", "handle")
    }
    left, right = _links(store, stored, local, text, stored_nodes, count)
    hub = hub_values(found_local, (left, right), len(values), config.hub_min_posts,
                     config.hub_min_contexts, _totals(store, found_local),
                     (config.hub_loose_posts, config.hub_loose_share))  # fmt: skip
    return {
        kind: {v for v, is_hub in zip(found_local[kind].values, hub[kind], strict=True)
               if is_hub and (kind, v) in suspects}
        for kind in found_local
    }  # fmt: skip


def stored_carriers(store: Store, posts: PreparedPosts) -> dict[tuple[str, str], list[int]]:
    """Stored posts (pks, the new ones included) carrying each phone or handle of `posts`,
    keyed by (stored kind, value): looked up once for identifier edges and the hub check."""
    carriers: dict[tuple[str, str], list[int]] = {}
    for stored_kind in ("phone", "handle"):
        wanted = {
            found.values[value]
            for kind, found in posts.found.items()
            if STORED_KIND.get(kind) == stored_kind
            for value in np.unique(found.value).tolist()
        }
        for pk, value in identifiers_of_values(store, stored_kind, sorted(wanted)):
            carriers.setdefault((stored_kind, value), []).append(pk)
    return carriers


def _totals(store: Store, found: dict) -> dict[str, np.ndarray]:
    """Posts carrying each value of `found` in the whole store (the local graph holds only the
    suspects' posts): whether a value is bound to a suspect is judged on all its posts."""
    totals = {}
    for kind, values in found.items():
        number = {value: i for i, value in enumerate(values.values)}
        total = np.bincount(values.value, minlength=len(values.values)).astype(np.int64)
        pks: dict[str, set[int]] = {}
        for pk, value in identifiers_of_values(store, kind, sorted(number)):
            pks.setdefault(value, set()).add(pk)
        for value, carriers in pks.items():
            total[number[value]] = max(total[number[value]], len(carriers))
        totals[kind] = total
    return totals


def _carriers(posts: PreparedPosts, stored, known) -> dict[tuple[str, str], set[int]]:
    """Every post (pk) carrying each value of the new posts that is not a hub yet."""
    carriers: dict[tuple[str, str], set[int]] = {}
    pk_of = posts.post_pk.tolist()
    for kind, found in posts.found.items():
        if kind not in STORED_KIND:
            continue
        hubs = set(known.get(kind, []))
        for post, value in zip(found.post.tolist(), found.value.tolist(), strict=True):
            name = found.values[value]
            if name not in hubs:
                key = (STORED_KIND[kind], name)
                carriers.setdefault(key, set(stored.get(key, ()))).add(pk_of[post])
    return carriers


def _links(store, stored, local, text: Edges, stored_nodes, count):
    """Text and image links among the local posts: stored evidence and this run's text edges."""
    pk_of_node = {node: pk for pk, node in stored_nodes.items()}
    left, right = [], []
    for a, b in links_among(store, stored):
        left.append(local[a])
        right.append(local[b])
    for a, b in zip(text.left.tolist(), text.right.tolist(), strict=True):
        a = a if a < count else local.get(pk_of_node[a - count], -1)
        b = b if b < count else local.get(pk_of_node[b - count], -1)
        if a >= 0 and b >= 0:
            left.append(a)
            right.append(b)
    return np.asarray(left, np.int64), np.asarray(right, np.int64)
