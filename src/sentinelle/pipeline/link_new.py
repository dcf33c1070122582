"""Incremental linking against the store: only the posts analysed since the last run are linked.

New posts find their LSH buckets, identifier values and texts among the stored posts; each
stored network they touch is one node (of as many posts as it holds, anchored when it gives
contacts of its own), so joining costs nothing per stored post. The rules are the full run's:
the same text check, the match weights the last full run estimated (`state["match_model"]`)
and the same constrained clustering (`link.clustering`), on the graph of new posts and the
stored networks they touch.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import orjson

from sentinelle.link.account_names import name_links
from sentinelle.link.batch import (
    TextModel,
    TextPairs,
    anchored_posts,
    checked_pairs,
    concat_pairs,
    contact_groups,
    decide,
    generic_handles,
    text_edges_of,
    text_pairs,
)
from sentinelle.link.config import LinkConfig
from sentinelle.link.contactless import contactless_groups, photos_of, subset, without_contacts
from sentinelle.link.facets import facets_of
from sentinelle.link.graph import HUB_WEIGHT, Edges, concat_edges, make_edges
from sentinelle.link.hubs import named_alike, venue_names
from sentinelle.link.identifiers import star_pairs
from sentinelle.link.lsh import band_keys, has_text, index_matches
from sentinelle.link.match_weights import MatchModel, text_level
from sentinelle.link.minhash import MinHasher
from sentinelle.link.networks import flatten_aliases, format_id, parse_id
from sentinelle.link.personas import generic_handle
from sentinelle.link.shingles import shingle_texts
from sentinelle.pipeline.link_hubs import STORED_KIND, fresh_hubs, stored_carriers
from sentinelle.store import Store
from sentinelle.store.link_index import (
    group_members,
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
    from sentinelle.pipeline.link import LinkSummary, changed_ids, edge_rows, template_state

    linked_at = time.time()
    posts, previous = load_link_input(
        store, config.shingle_width, analyzed_since=state["linked_at"], mapper=mapper
    )
    if len(posts) == 0:
        return LinkSummary(incremental=True)
    new_pks = set(posts.post_pk.tolist())
    carried = stored_carriers(store, posts)
    rarity = load_rarity(store, config)
    shingles = posts.shingles
    rarity.add(shingles)
    rarity.add_groups(shingles, _new_groups(posts, carried, new_pks))
    signatures = MinHasher(config.num_perm, config.seed).signatures(shingles)
    keys = band_keys(signatures, config.bands)
    stored: dict[int, int] = {}  # stored pk -> node number after the new posts
    index = load_text_index(store)
    pairs = concat_pairs([
        text_pairs(shingles, TextModel(signatures, keys, rarity), config),
        _text_against(store, index, shingles, signatures, keys, rarity, config, new_pks, stored),
    ])  # fmt: skip
    tied = text_level(pairs.check.score, pairs.check.shared_rare, config.text_min_shared) >= 2
    links = make_edges(pairs.left[tied], pairs.right[tied], "text", pairs.check.score[tied])
    known = state.get("hubs", {})
    fresh = fresh_hubs(store, posts, links, stored, carried, known, config)
    hubs = _with_venues(posts, _with_fresh_hubs(known, fresh))
    identifier_edges = concat_edges(
        [*_identifiers(posts, hubs, carried, new_pks, stored), _named(posts, hubs, links)]
    )
    groups = _GroupNodes(store, posts, previous, stored, hubs)
    node = groups.node
    strong = identifier_edges.strong(config.min_edge_weight)
    id_pairs = (node[identifier_edges.left[strong]], node[identifier_edges.right[strong]])
    node_pairs = TextPairs(node[pairs.left], node[pairs.right], pairs.check)
    model = MatchModel.from_dict(state.get("match_model"))
    # new posts giving no contact, grouped by their wording as a whole among themselves (the
    # stored ones were grouped by the run that linked them)
    free = without_contacts(posts.found, len(posts))
    facets = None if posts.facets is None else facets_of(posts.facets, free)
    loose = contactless_groups(free, subset(shingles, free), signatures.values[free], rarity,
                               config, photos_of(posts.found["image"], free), facets)  # fmt: skip
    decision = decide(groups.count, id_pairs, groups.anchored, node_pairs, config, model=model,
                      sizes=groups.sizes, joins=(node[loose[0]], node[loose[1]]))  # fmt: skip
    ids, aliases, merged, next_number, stored_ids = groups.assign(decision.labels, state)
    pk_of = np.concatenate([posts.post_pk, np.array(list(stored), dtype=np.int64)])
    changes = [*changed_ids(posts.post_pk, previous, ids)]
    changes += [(network_id, pk) for pk, network_id in stored_ids.items()]
    row_ids = ids + [stored_ids.get(pk, groups.network_of_stored(pk)) for pk in stored]
    example = decision.templates
    templates = template_state(
        state.get("templates", []), pk_of[pairs.left[example]], pk_of[pairs.right[example]],
        [row_ids[i] for i in pairs.left[example].tolist()],
        [row_ids[i] for i in pairs.right[example].tolist()],
    )  # fmt: skip
    new_state = {"next_number": next_number, "linked_at": linked_at,
                 "settings": state["settings"], "hubs": hubs, "templates": templates,
                 "match_model": model.as_dict()}  # fmt: skip

    def save_text(connection) -> None:
        save_text_index(connection, posts.post_pk, signatures, keys)
        save_rarity(connection, rarity)

    edges = concat_edges([identifier_edges, text_edges_of(pairs, decision)])
    rows = edge_rows(edges, pk_of, ids + [None] * len(stored))
    stale = current_values(posts, index.post_pk if index is not None else np.zeros(0, np.int64))
    save_links(
        store, changes, aliases, rows, new_state, replace_edges=False, stale=stale, also=save_text
    )
    networks = len({i for i in ids if i})
    return LinkSummary(posts=len(posts), networks=networks, merged=merged, incremental=True)


def _new_groups(posts, carried, new_pks: set[int]) -> np.ndarray:
    """Contact groups of the new posts for the template counts; a group holding a value some
    stored post already carries was counted when that post was linked (-1: not counted)."""
    groups = contact_groups(posts.found, len(posts))
    seen = np.zeros(len(posts), bool)
    for kind, found in posts.found.items():
        stored_kind = STORED_KIND.get(kind)
        if stored_kind is None:
            continue
        old = np.fromiter(
            (_stored_before(carried.get((stored_kind, v), ()), new_pks) for v in found.values),
            bool, len(found.values),
        )  # fmt: skip
        seen[found.post[old[found.value]]] = True
    known = np.unique(groups[seen & (groups >= 0)])
    return np.where(np.isin(groups, known), -1, groups)


def _stored_before(pks, new_pks: set[int]) -> bool:
    return any(pk not in new_pks for pk in pks)


def _text_against(store, index, side, signatures, keys, rarity, config, new_pks, stored):
    """Checked text pairs from new posts to stored posts sharing an LSH bucket."""
    count = len(side)
    empty = np.zeros(0, np.int64)
    none = concat_pairs([])
    if index is None or (index.signatures.seed, index.signatures.num_perm) != (
        signatures.seed, signatures.num_perm
    ):  # fmt: skip
        return none
    # a new post re-analysed since it was indexed must not match its own old version
    usable_index = has_text(index.signatures) & ~np.isin(index.post_pk, list(new_pks))
    index_rows = np.flatnonzero(usable_index)
    usable = np.flatnonzero(has_text(signatures))
    rows, leaders = index_matches(keys[usable], index.band_keys[index_rows])
    rows, leaders = usable[rows], index_rows[leaders]
    likely = signatures.agreement(rows, leaders, index.signatures) >= config.signature_min
    rows, leaders = rows[likely], leaders[likely]
    if len(rows) == 0:
        return none
    pks, local = np.unique(index.post_pk[leaders], return_inverse=True)
    texts = load_texts(store, pks.tolist())
    stored_shingles = shingle_texts([texts[pk] for pk in pks.tolist()], config.shingle_width)
    found = checked_pairs(side, rows, stored_shingles, local, rarity, config)
    right = np.array([_node(stored, int(pks[i]), count) for i in found.right.tolist()], np.int64)
    return TextPairs(found.left, right if len(right) else empty, found.check)


class _GroupNodes:
    """The graph incremental linking clusters: new posts, then one node per stored network
    (or stored post in none) that the new posts touch, with its size and whether it gives
    contacts of its own."""

    def __init__(self, store, posts, previous, stored: dict[int, int], hubs: dict) -> None:
        count = len(previous)
        self.stored_pks = list(stored)
        self.current = network_of(store, self.stored_pks)
        self.aliases = load_aliases(store)
        resolve = self.resolve
        group_of = [resolve(self.current.get(pk)) or f"post:{pk}" for pk in self.stored_pks]
        names = sorted(set(group_of))
        self.names = names
        group_node = {name: count + i for i, name in enumerate(names)}
        self.group_node = group_node
        self.new_count = count
        self.count = count + len(names)
        self.node = np.concatenate(
            [np.arange(count), np.array([group_node[g] for g in group_of], np.int64)]
        )
        self.previous = previous
        sizes = np.ones(self.count, np.int64)
        anchored = np.zeros(self.count, bool)
        hub = {kind: _hub_mask(posts.found[kind], hubs.get(kind, [])) for kind in posts.found}
        anchored[:count] = anchored_posts(posts.found, hub, count)
        networks = [n for n in names if not n.startswith("post:")]
        singles = [int(n[5:]) for n in names if n.startswith("post:")]
        hub_values = {v for kind in ("phone", "handle") for v in hubs.get(kind, [])}
        counted: dict[str, int] = {}
        for network_id, pk, source, phones, handles in group_members(store, networks, singles):
            name = resolve(network_id) or f"post:{pk}"
            if name not in group_node:
                continue
            counted[name] = counted.get(name, 0) + 1
            if _gives_contacts(source, phones, handles, hub_values):
                anchored[group_node[name]] = True
        for name, size in counted.items():
            sizes[group_node[name]] = max(size, 1)
        self.sizes, self.anchored = sizes, anchored

    def resolve(self, network_id):
        return self.aliases.get(network_id, network_id) if network_id else None

    def network_of_stored(self, pk: int) -> str | None:
        return self.resolve(self.current.get(pk))

    def assign(self, labels: np.ndarray, state: dict):
        """Network ids for new posts and joined stored singletons, and the aliases of merges."""
        count = self.new_count
        members: dict[int, list] = {}
        for index in range(count):
            members.setdefault(int(labels[index]), []).append(("new", index))
        for name, position in self.group_node.items():
            members.setdefault(int(labels[position]), []).append(("group", name))
        ids: list[str | None] = [self.resolve(p) for p in self.previous]
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
        all_aliases = flatten_aliases({**self.aliases, **new_aliases})
        return ids, all_aliases, len(new_aliases), next_number, stored_ids


def _named(posts, hubs: dict, links: Edges) -> Edges:
    """Accounts named on several platforms among the new posts only (`account_names`; stored
    posts are not searched by name: until `--relink`, an offer joins a stored group only
    through a value both carry)."""
    hub = {kind: _hub_mask(posts.found[kind], hubs.get(kind, [])) for kind in posts.found}
    hub["handle"] |= generic_handles(posts.found["handle"])
    new = (links.left < len(posts)) & (links.right < len(posts))
    pairs = (links.left[new], links.right[new])
    return name_links(posts.found, hub, pairs, len(posts), posts.mention_author)


def _hub_mask(found, hubs: list[str]) -> np.ndarray:
    known = set(hubs)
    return np.fromiter((v in known for v in found.values), bool, len(found.values))


def _gives_contacts(source: str, phones: str, handles: str, hubs: set[str]) -> bool:
    """A stored post gives a phone or a contact handle of its own (not a hub, not its author
    account, not a bare first name)."""
    if any(p["e164"] not in hubs for p in orjson.loads(phones)):
        return True
    own = source.lower()
    return any(
        h.split(":", 1)[0] != own and h not in hubs and not generic_handle(h)
        for h in orjson.loads(handles)
    )


def _with_fresh_hubs(known: dict[str, list[str]], fresh: dict[str, set[str]]) -> dict:
    """Known hubs per linking kind plus the fresh ones (author accounts are stored handles)."""
    merged = {kind: list(values) for kind, values in known.items()}
    for kind, stored_kind in STORED_KIND.items():
        extra = sorted(fresh.get(stored_kind, set()) - set(merged.get(kind, [])))
        if extra:
            merged[kind] = merged.get(kind, []) + extra
    return merged


def _with_venues(posts, hubs: dict[str, list[str]]) -> dict[str, list[str]]:
    """The hubs plus the new posts' accounts named as a venue found by its bare tags
    (`link.hubs.venue_names`), as the full run marks them."""
    venues = venue_names(hubs.get("author", []))
    if venues:  # its handles, not the account it posts under itself
        values = posts.found["handle"].values
        alike = named_alike(values, venues).tolist()
        extra = {v for v, a in zip(values, alike, strict=True) if a} - set(hubs.get("handle", []))
        if extra:
            hubs["handle"] = hubs.get("handle", []) + sorted(extra)
    return hubs


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
