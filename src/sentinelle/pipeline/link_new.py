"""Incremental linking against the store: only the posts analysed since the last run are linked.

New posts find their LSH buckets, identifier values and texts among the stored posts; each
stored network they touch is one node, so joining costs nothing per stored post.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from sentinelle.link.batch import TextModel, checked_text_edges, text_pair_edges
from sentinelle.link.config import LinkConfig
from sentinelle.link.graph import HUB_WEIGHT, Edges, components, concat_edges, make_edges
from sentinelle.link.identifiers import star_pairs
from sentinelle.link.lsh import band_keys, has_text, index_matches
from sentinelle.link.minhash import MinHasher
from sentinelle.link.networks import flatten_aliases, format_id, parse_id
from sentinelle.link.personas import generic_handle
from sentinelle.link.shingles import shingle_texts
from sentinelle.pipeline.link_hubs import STORED_KIND, fresh_hubs, stored_carriers
from sentinelle.store import Store
from sentinelle.store.link_index import (
    load_rarity,
    load_text_index,
    load_texts,
    network_of,
    save_rarity,
    save_text_index,
)
from sentinelle.store.networks import load_aliases, load_link_input, save_links


def link_new_posts(store: Store, config: LinkConfig, state: dict, mapper: Callable = map):
    """Link the posts analysed after `state["linked_at"]` to each other and to stored posts."""
    from sentinelle.pipeline.link import LinkSummary, changed_ids, edge_rows

    linked_at = time.time()
    posts, previous = load_link_input(
        store, config.shingle_width, analyzed_since=state["linked_at"], mapper=mapper
    )
    if len(posts) == 0:
        return LinkSummary(incremental=True)
    rarity = load_rarity(store, config.boilerplate_floor, config.boilerplate_share)
    shingles = posts.shingles
    rarity.add(shingles)
    signatures = MinHasher(config.num_perm, config.seed).signatures(shingles)
    keys = band_keys(signatures, config.bands)
    new_pks = set(posts.post_pk.tolist())
    stored: dict[int, int] = {}  # stored pk -> node number after the new posts
    index = load_text_index(store)
    side = shingles
    text = concat_edges([
        text_pair_edges(side, TextModel(signatures, keys, rarity), config),
        _text_against(store, index, side, signatures, keys, rarity, config, new_pks, stored),
    ])  # fmt: skip
    known = state.get("hubs", {})
    carried = stored_carriers(store, posts)
    fresh = fresh_hubs(store, posts, text, stored, carried, known, config)
    hubs = _with_fresh_hubs(known, fresh)
    edges = concat_edges([text, *_identifiers(posts, hubs, carried, new_pks, stored)])
    ids, aliases, merged, next_number, stored_ids = _assign(
        store, previous, edges, stored, state, config
    )
    pk_of = np.concatenate([posts.post_pk, np.array(list(stored), dtype=np.int64)])
    changes = [*changed_ids(posts.post_pk, previous, ids)]
    changes += [(network_id, pk) for pk, network_id in stored_ids.items()]
    new_state = {"next_number": next_number, "linked_at": linked_at,
                 "settings": state["settings"], "hubs": hubs}  # fmt: skip

    def save_text(connection) -> None:
        save_text_index(connection, posts.post_pk, signatures, keys)
        save_rarity(connection, rarity)

    rows = edge_rows(edges, pk_of, ids + [None] * len(stored))
    stale = current_values(posts, index.post_pk if index is not None else np.zeros(0, np.int64))
    save_links(
        store, changes, aliases, rows, new_state, replace_edges=False, stale=stale, also=save_text
    )
    networks = len({i for i in ids if i})
    return LinkSummary(posts=len(posts), networks=networks, merged=merged, incremental=True)


def _text_against(store, index, side, signatures, keys, rarity, config, new_pks, stored) -> Edges:
    """Text edges from new posts to stored posts sharing an LSH bucket."""
    count = len(side)
    if index is None or (index.signatures.seed, index.signatures.num_perm) != (
        signatures.seed, signatures.num_perm
    ):  # fmt: skip
        return make_edges([], [], "text", [])
    # a new post re-analysed since it was indexed must not match its own old version
    usable_index = has_text(index.signatures) & ~np.isin(index.post_pk, list(new_pks))
    index_rows = np.flatnonzero(usable_index)
    usable = np.flatnonzero(has_text(signatures))
    rows, leaders = index_matches(keys[usable], index.band_keys[index_rows])
    rows, leaders = usable[rows], index_rows[leaders]
    likely = signatures.agreement(rows, leaders, index.signatures) >= config.signature_min
    rows, leaders = rows[likely], leaders[likely]
    if len(rows) == 0:
        return make_edges([], [], "text", [])
    pks, local = np.unique(index.post_pk[leaders], return_inverse=True)
    texts = load_texts(store, pks.tolist())
    stored_shingles = shingle_texts([texts[pk] for pk in pks.tolist()], config.shingle_width)
    edges = checked_text_edges(side, rows, stored_shingles, local, rarity, config)
    right = [_node(stored, int(pks[i]), count) for i in edges.right.tolist()]
    return make_edges(edges.left, right, "text", edges.weight)


def _with_fresh_hubs(known: dict[str, list[str]], fresh: dict[str, set[str]]) -> dict:
    """Known hubs per linking kind plus the fresh ones (author accounts are stored handles)."""
    merged = {kind: list(values) for kind, values in known.items()}
    for kind, stored_kind in STORED_KIND.items():
        extra = sorted(fresh.get(stored_kind, set()) - set(merged.get(kind, [])))
        if extra:
            merged[kind] = merged.get(kind, []) + extra
    return merged


def current_values(posts, linked_before: np.ndarray) -> dict[int, set[tuple[str, str]]]:
    """For posts linked before (content changed since), the (kind, value) pairs they carry now:
    the evidence of their old version that no longer holds is dropped when saving."""
    again = np.isin(posts.post_pk, linked_before)
    values: dict[int, set[tuple[str, str]]] = {int(pk): set() for pk in posts.post_pk[again]}
    for kind, found in posts.found.items():
        for post, value in zip(found.post.tolist(), found.value.tolist(), strict=True):
            if again[post]:
                values[int(posts.post_pk[post])].add((kind, found.values[value]))
    return values


def _identifiers(
    posts, hubs: dict, carried, new_pks: set[int], stored: dict[int, int]
) -> list[Edges]:
    """Identifier edges among new posts and from new posts to the first stored post of a value."""
    count = len(posts)
    parts = []
    for kind, found in posts.found.items():
        known_hubs = set(hubs.get(kind, []))
        generic = kind == "handle"
        hub = np.array([v in known_hubs or (generic and generic_handle(v)) for v in found.values])
        hub = hub.astype(bool)
        weight = np.where(hub, HUB_WEIGHT, 1.0)
        member, leader, value = star_pairs(found)
        parts.append(
            make_edges(member, leader, kind, weight[value], value, hub[value], found.values)
        )
        if kind not in STORED_KIND or not found.values:
            continue
        first = _first_stored(carried, STORED_KIND[kind], new_pks)
        pairs = zip(found.post.tolist(), found.value.tolist(), strict=True)
        hits = [(post, value) for post, value in pairs if found.values[value] in first]
        if hits:
            post, value = (np.array(column, dtype=np.int64) for column in zip(*hits, strict=True))
            right = [_node(stored, first[found.values[v]], count) for v in value.tolist()]
            parts.append(
                make_edges(post, right, kind, weight[value], value, hub[value], found.values)
            )
    return parts


def _first_stored(carried, stored_kind: str, new_pks: set[int]) -> dict[str, int]:
    """For each value, the earliest stored post (not one of this run's) that carries it."""
    first = {}
    for (kind, value), pks in carried.items():
        older = [pk for pk in pks if pk not in new_pks]
        if kind == stored_kind and older:
            first[value] = min(older)
    return first


def _node(stored: dict[int, int], pk: int, count: int) -> int:
    """Node number of a stored post: after the new posts, in order of first use."""
    return count + stored.setdefault(pk, len(stored))


def _assign(store, previous, edges: Edges, stored: dict[int, int], state: dict, config):
    """Network ids for new posts and joined stored singletons, and the aliases of merges."""
    count = len(previous)
    stored_pks = list(stored)
    current = network_of(store, stored_pks)
    aliases = load_aliases(store)
    resolve = lambda nid: aliases.get(nid, nid) if nid else None  # noqa: E731
    # a stored post in a network stands for the whole network: one node per network
    group_of = [resolve(current.get(pk)) or f"post:{pk}" for pk in stored_pks]
    names = sorted(set(group_of))
    group_node = {name: count + i for i, name in enumerate(names)}
    node = np.concatenate([np.arange(count), np.array([group_node[g] for g in group_of], np.int64)])
    strong = edges.strong(config.min_edge_weight)
    labels = components(count + len(names), node[edges.left[strong]], node[edges.right[strong]])
    members: dict[int, list] = {}
    for index in range(count):
        members.setdefault(int(labels[index]), []).append(("new", index))
    for name, position in group_node.items():
        members.setdefault(int(labels[position]), []).append(("group", name))
    ids: list[str | None] = [resolve(p) for p in previous]
    stored_ids: dict[int, str] = {}
    new_aliases: dict[str, str] = {}
    next_number = state.get("next_number", 1)
    for parts in members.values():
        if not any(kind == "new" for kind, _ in parts):
            continue
        existing = {
            name for kind, name in parts if kind == "group" and not name.startswith("post:")
        }
        existing |= {ids[i] for kind, i in parts if kind == "new" and ids[i]}
        size = sum(1 for kind, _ in parts)
        if existing:
            survivor = min(existing, key=parse_id)
            new_aliases |= {other: survivor for other in existing if other != survivor}
        elif size >= 2:
            survivor, next_number = format_id(next_number), next_number + 1
        else:
            survivor = None
        for kind, item in parts:
            if kind == "new":
                ids[item] = survivor
            elif item.startswith("post:") and survivor:
                stored_ids[int(item[5:])] = survivor
    all_aliases = flatten_aliases({**aliases, **new_aliases})
    return ids, all_aliases, len(new_aliases), next_number, stored_ids
