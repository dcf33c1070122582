"""The linking step of `analyze`: posts from the store in, network ids and evidence out.

The first run (or a run with other text settings) links every post and stores, beside the
networks, the text index (each post's MinHash signature and LSH band keys, in segments) and the
shingle-rarity sketch. Later runs link only the posts analysed since (`link_new.py`): their
buckets, identifiers and texts are looked up among the stored posts, and the components they
touch are joined (the oldest id survives). Hubs come from the last full run, plus values that
later runs found to have become hubs (`link_hubs.py`); `link_networks(store, full=True)`
re-detects them all.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from sentinelle.link.batch import link_posts
from sentinelle.link.config import LinkConfig
from sentinelle.link.graph import KINDS
from sentinelle.link.networks import assign_network_ids
from sentinelle.store import Store
from sentinelle.store.link_index import (
    clear_text_index,
    count_indexed,
    save_rarity,
    save_text_index,
)
from sentinelle.store.networks import load_aliases, load_link_input, load_state, save_links

SETTINGS = ("seed", "num_perm", "bands", "shingle_width", "rarity_bits")
_ROWS = 50_000  # rows turned into Python objects at a time when saving
TEXT_FORMAT = 3  # shingle hashing (2: 32-bit; 3: slot tokens); other formats are redone


@dataclass(slots=True)
class LinkSummary:
    posts: int = 0
    networks: int = 0
    merged: int = 0
    hubs: int = 0
    seconds: float = 0.0
    incremental: bool = False


def link_networks(
    store: Store, config: LinkConfig | None = None, full: bool = False, mapper: Callable = map
) -> LinkSummary:
    """Link the posts analysed since the last run (all of them on the first run or `full`).

    `mapper` prepares the posts read from the store (a worker pool's `map` to use several
    processes)."""
    started = time.perf_counter()
    config = config or LinkConfig()
    state = load_state(store)
    settings = {name: getattr(config, name) for name in SETTINGS} | {"text_format": TEXT_FORMAT}
    if not full and state.get("settings") == settings and count_indexed(store):
        from sentinelle.pipeline.link_new import link_new_posts

        summary = link_new_posts(store, config, state, mapper)
    else:
        summary = _link_all(store, config, state, settings, mapper)
    summary.seconds = time.perf_counter() - started
    return summary


def _link_all(
    store: Store, config: LinkConfig, state: dict, settings: dict, mapper: Callable
) -> LinkSummary:
    linked_at = time.time()
    posts, previous = load_link_input(store, config.shingle_width, mapper=mapper)
    if len(posts) == 0:
        return LinkSummary()
    old_aliases = load_aliases(store)
    result = link_posts(posts, config, release=True)
    assigned = assign_network_ids(result.labels, previous, old_aliases, state.get("next_number", 1))
    hubs = {kind: values for kind, values in result.hubs.items() if values}
    left, right = result.templates
    templates = template_state([], posts.post_pk[left], posts.post_pk[right],
                               [assigned.ids[i] for i in left.tolist()],
                               [assigned.ids[i] for i in right.tolist()])  # fmt: skip
    new_state = {"next_number": assigned.next_number, "settings": settings, "hubs": hubs,
                 "linked_at": linked_at, "match_model": result.model.as_dict(),
                 "templates": templates}  # fmt: skip

    def save_text(connection) -> None:
        clear_text_index(connection)
        save_text_index(connection, posts.post_pk, result.text.signatures, result.text.band_keys)
        save_rarity(connection, result.text.rarity)

    changes = changed_ids(posts.post_pk, previous, assigned.ids)
    rows = edge_rows(result.edges, posts.post_pk, assigned.ids)
    save_links(store, changes, assigned.aliases, rows, new_state, also=save_text)
    return LinkSummary(
        posts=len(posts),
        networks=len({i for i in assigned.ids if i}),
        merged=len(set(assigned.aliases) - set(old_aliases)),
        hubs=sum(len(values) for values in result.hubs.values()),
    )


def template_state(known: list, left_pk, right_pk, left_ids, right_ids) -> list[list]:
    """The "same template" relations to store: [network, network, example pk, example pk] per
    two networks whose posts share a common template (`known` ones first, each pair once)."""
    seen = {frozenset(row[:2]) for row in known}
    rows = [list(row) for row in known]
    for a, b, pa, pb in zip(left_ids, right_ids, left_pk.tolist(), right_pk.tolist(), strict=True):
        if a and b and a != b and frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            rows.append([a, b, pa, pb])
    return rows


def changed_ids(
    post_pk: np.ndarray, before: list[str | None], after: list[str | None]
) -> Iterator[tuple[str | None, int]]:
    """(new network id, pk) of every post whose id changed."""
    for first in range(0, len(post_pk), _ROWS):
        pks = post_pk[first : first + _ROWS].tolist()
        part = slice(first, first + _ROWS)
        for pk, old, new in zip(pks, before[part], after[part], strict=True):
            if old != new:
                yield new, pk


def edge_rows(edges, post_pk: np.ndarray, ids: list[str | None]) -> Iterator[tuple]:
    """Store rows (`EDGE_COLUMNS` order) of edges whose endpoints index `post_pk`; the network
    id is the left post's. Generated a slice at a time: millions of edges never become Python
    rows all at once."""
    kinds, evidence = KINDS, edges.evidence
    for first in range(0, len(edges), _ROWS):
        part = slice(first, first + _ROWS)
        left = edges.left[part]
        for left_pk, right_pk, kind, weight, value, hub, network_id in zip(
            post_pk[left].tolist(), post_pk[edges.right[part]].tolist(),
            edges.kind[part].tolist(), np.round(edges.weight[part], 4).tolist(),
            edges.value[part].tolist(), edges.hub[part].tolist(), [ids[i] for i in left.tolist()],
            strict=True,
        ):  # fmt: skip
            yield (left_pk, right_pk, kinds[kind], weight,
                   evidence[value] if value >= 0 else None, hub, network_id)  # fmt: skip
