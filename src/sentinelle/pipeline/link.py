"""The linking step of `analyze`: posts from the store in, network ids and evidence out."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sentinelle.link.batch import link_posts
from sentinelle.link.config import LinkConfig
from sentinelle.link.graph import KINDS
from sentinelle.link.networks import assign_network_ids
from sentinelle.store import Store
from sentinelle.store.networks import load_aliases, load_link_input, load_state, save_links


@dataclass(slots=True)
class LinkSummary:
    posts: int = 0
    networks: int = 0
    merged: int = 0
    hubs: int = 0
    seconds: float = 0.0


def link_networks(store: Store, config: LinkConfig | None = None) -> LinkSummary:
    """Link every analysed post; ids of existing networks are kept (merges leave aliases)."""
    started = time.perf_counter()
    config = config or LinkConfig()
    posts, previous = load_link_input(store)
    if len(posts) == 0:
        return LinkSummary()
    state = load_state(store)
    old_aliases = load_aliases(store)
    result = link_posts(posts, config)
    assigned = assign_network_ids(result.labels, previous, old_aliases, state.get("next_number", 1))
    network_of_post = dict(zip(posts.post_pk.tolist(), assigned.ids, strict=True))
    state = {"next_number": assigned.next_number, "seed": config.seed, "num_perm": config.num_perm}
    save_links(
        store, network_of_post, assigned.aliases, _edge_rows(result, posts, assigned.ids), state
    )
    return LinkSummary(
        posts=len(posts),
        networks=len({i for i in assigned.ids if i}),
        merged=len(set(assigned.aliases) - set(old_aliases)),
        hubs=sum(len(values) for values in result.hubs.values()),
        seconds=time.perf_counter() - started,
    )


def _edge_rows(result, posts, ids: list[str | None]) -> list[dict]:
    edges = result.edges
    pk = posts.post_pk
    rows = []
    for left, right, kind, weight, value, hub in zip(
        edges.left.tolist(), edges.right.tolist(), edges.kind.tolist(), edges.weight.tolist(),
        edges.value.tolist(), edges.hub.tolist(), strict=True,
    ):  # fmt: skip
        rows.append(
            {
                "left_pk": int(pk[left]),
                "right_pk": int(pk[right]),
                "kind": KINDS[kind],
                "weight": round(weight, 4),
                "value": edges.evidence[value] if value >= 0 else None,
                "hub": hub,
                "network_id": ids[left],
            }
        )
    return rows
