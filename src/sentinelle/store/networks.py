"""Linking's side of the store: the posts as `LinkInput`, network ids and their aliases."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import numpy as np
import orjson
from sqlalchemy import Connection, bindparam, select

from sentinelle.extract.handles import find_handles
from sentinelle.link.inputs import LinkInput
from sentinelle.link.named_accounts import MENTION, addressed, credited
from sentinelle.link.prepare import PreparedPosts, concat_prepared, link_text, prepare
from sentinelle.link.profile import NetworkPost, network_features
from sentinelle.store.bulk import (
    delete_where_in,
    insert_rows,
    insert_tuples,
    select_where_in,
    set_column,
)
from sentinelle.store.db import Store, bulk_pass
from sentinelle.store.schema import link_edges, link_state, network_aliases, post_analysis, posts

_COLUMNS = (
    posts.c.pk,
    posts.c.text,
    posts.c.title,
    posts.c.source,
    posts.c.image_phashes,
    post_analysis.c.phones,
    post_analysis.c.handles,
    post_analysis.c.network_id,
    # what extraction stored, for the stated facts of posts without contacts (`link.facets`)
    post_analysis.c.prices,
    post_analysis.c.stated_ages,
    post_analysis.c.mentions,
    posts.c.author,  # a post without one whose handles hold "source:name" mentions that name
)
_LOAD_CHUNK = 20_000  # posts read, then prepared, at a time


def load_link_input(
    store: Store,
    shingle_width: int,
    analyzed_since: float | None = None,
    mapper: Callable = map,
) -> tuple[PreparedPosts, list[str | None]]:
    """Analysed posts (all, or those analysed after `analyzed_since`) in time order, prepared
    for linking, with their current network id.

    Posts stream from the store and are prepared a chunk at a time, so memory holds arrays of
    shingles and identifiers, never every post's text. `mapper` runs `prepare_rows` over the
    chunks in order (a worker pool's `map` spreads them over processes).
    """
    query = (
        select(*_COLUMNS)
        .join(post_analysis, post_analysis.c.post_pk == posts.c.pk)
        .order_by(posts.c.posted_ts, posts.c.pk)
    )
    if analyzed_since is not None:
        query = query.where(post_analysis.c.analyzed_at > analyzed_since)
    parts: list[PreparedPosts] = []
    previous: list[str | None] = []
    names: dict[str, str] = {}  # one string per network id, however many posts carry it
    with store.engine.connect() as connection, bulk_pass(connection):
        result = connection.execution_options(yield_per=_LOAD_CHUNK).execute(query)
        chunks = ((shingle_width, [tuple(row) for row in rows]) for rows in result.partitions())
        for prepared, ids in mapper(prepare_rows, chunks):
            parts.append(prepared)
            previous.extend(names.setdefault(i, i) if i else None for i in ids)
    return concat_prepared(parts), previous


def prepare_rows(chunk: tuple[int, list[tuple]]) -> tuple[PreparedPosts, list[str | None]]:
    """Prepare one chunk of `_COLUMNS` rows; pure, so it can run in a worker process."""
    shingle_width, rows = chunk
    pk, text, title, source, phashes, phones, handles, network_id = range(8)
    prices, ages, mentions, author = range(8, 12)
    found = [orjson.loads(row[handles]) for row in rows]
    texts = [link_text(row[title], row[text]) for row in rows]
    own = [_own_handles(hs, row[source]) for hs, row in zip(found, rows, strict=True)]
    contacts = [_contacts(hs, mine, body) for hs, mine, body in zip(found, own, texts, strict=True)]
    posted = [
        _posted_under(mine, body, bool((row[author] or "").strip()), alone=not (
            theirs or orjson.loads(row[phones])))
        for mine, row, body, theirs in zip(own, rows, texts, contacts, strict=True)
    ]  # fmt: skip
    batch = LinkInput(
        post_pk=np.array([row[pk] for row in rows], dtype=np.int64),
        texts=texts,
        phones=[[p["e164"] for p in orjson.loads(row[phones])] for row in rows],
        handles=contacts,
        phashes=[orjson.loads(row[phashes]) for row in rows],
        authors=[mine[0] if mine else None for mine in posted],
        extraction=[(row[prices], row[ages], row[mentions]) for row in rows],
        mention_author=[
            bool(mine) and not (row[author] or "").strip()
            for mine, row in zip(posted, rows, strict=True)
        ],
    )
    return prepare(batch, shingle_width), [row[network_id] for row in rows]


def _own_handles(handles: list[str], source: str) -> list[str]:
    """The post's author account, which extraction writes as "source:author"."""
    return [h for h in handles if h.split(":", 1)[0] == source.lower()]


def _posted_under(own: list[str], text: str, has_author: bool, alone: bool = False) -> list[str]:
    """The accounts the post is posted under, for linking. A post without an author keeps a
    bare "@name" as its account when the text hands it out as a contact ("DM @x",
    `link.named_accounts.addressed`), names it after its platform ("telegram: @x" on a source
    named telegram), or gives no other contact (`alone`: no phone, no other handle), whatever
    the words around it; never when it only thanks or credits it. Posts tagging one popular
    account are then told apart by structure: the account is a hub (`link.hubs`, `loose`)."""
    if has_author or not own:
        return own
    lowered = text.lower()
    explicit = set(find_handles(text))
    kept = []
    for handle in own:
        name = handle.partition(":")[2]
        if credited(lowered, name):
            continue
        if handle in explicit or addressed(lowered, name):
            kept.append(handle)
        elif alone:  # one value whatever the source, so hubs count every post naming it
            kept.append(f"{MENTION}:{name}")
    return kept


def _contacts(found: list[str], own: list[str], text: str) -> list[str]:
    """The post's handles for linking: not its own account, not one it only thanks or credits
    (`link.named_accounts.credited`)."""
    handles = [h for h in found if h not in own]
    if not handles:
        return handles
    lowered = text.lower()
    return [h for h in handles if not credited(lowered, h.partition(":")[2])]


def load_aliases(store: Store) -> dict[str, str]:
    """Every retired network id and the id that absorbed it."""
    with store.engine.connect() as connection:
        rows = connection.execute(select(network_aliases.c.alias, network_aliases.c.network_id))
        return {row.alias: row.network_id for row in rows}


def load_state(store: Store) -> dict:
    with store.engine.connect() as connection:
        rows = connection.execute(select(link_state)).all()
    return {row.name: orjson.loads(row.value) for row in rows}


EDGE_COLUMNS = ("left_pk", "right_pk", "kind", "weight", "value", "hub", "network_id")


def save_links(
    store: Store,
    changes: Iterable[tuple[str | None, int]],
    aliases: dict[str, str],
    edges: Iterable[tuple],
    state: dict,
    *,
    replace_edges: bool = True,
    stale: dict[int, set[tuple[str, str]]] | None = None,
    also: Callable[[Connection], None] | None = None,
) -> None:
    """Save network ids, aliases, evidence edges and state in one transaction.

    `changes` are (network id, post pk) for the posts whose id changed; `edges` are tuples in
    `EDGE_COLUMNS` order, streamed. `also` writes more in the same transaction (the text
    index). Ids merged away are rewritten wherever they are stored. `stale` gives, for posts
    linked again after a change, the (kind, value) pairs they carry now (`prune_stale_edges`).
    """
    now = time.time()
    with store.engine.begin() as connection, bulk_pass(connection):
        set_column(connection, post_analysis, "post_pk", "network_id", changes)
        known = set(load_aliases_on(connection))
        insert_rows(
            connection,
            network_aliases,
            [
                {"alias": alias, "network_id": target, "merged_at": now}
                for alias, target in aliases.items()
                if alias not in known
            ],
        )
        for alias, target in aliases.items():
            if alias in known:
                connection.execute(
                    network_aliases.update()
                    .where(network_aliases.c.alias == alias)
                    .values(network_id=target)
                )
            for table in (post_analysis, link_edges):
                connection.execute(
                    table.update().where(table.c.network_id == alias).values(network_id=target)
                )
        if replace_edges:
            _replace_edges(connection, edges)
        else:
            prune_stale_edges(connection, stale or {})
            insert_tuples(connection, link_edges, EDGE_COLUMNS, edges)
        if also is not None:
            also(connection)
        delete_where_in(connection, link_state, "name", list(state))
        insert_rows(
            connection,
            link_state,
            [{"name": k, "value": orjson.dumps(v).decode()} for k, v in state.items()],
        )


def prune_stale_edges(connection: Connection, current: dict[int, set[tuple[str, str]]]) -> None:
    """Drop the evidence of posts' old versions: every edge from them (this run makes new ones),
    and edges to them through text or through a value they no longer carry."""
    pks = list(current)
    if not pks:
        return
    delete_where_in(connection, link_edges, "left_pk", pks)
    gone = []
    columns = (link_edges.c.left_pk, link_edges.c.right_pk, link_edges.c.kind, link_edges.c.value)
    for left, right, kind, value in select_where_in(
        connection, select(*columns), link_edges.c.right_pk, pks
    ):
        held = current[right]
        if kind == "text" or not any((kind, v) in held for v in (value or "").split("~")):
            gone.append({"l": left, "r": right, "k": kind})
    if gone:
        connection.execute(
            link_edges.delete().where(
                link_edges.c.left_pk == bindparam("l"),
                link_edges.c.right_pk == bindparam("r"),
                link_edges.c.kind == bindparam("k"),
            ),
            gone,
        )


def _replace_edges(connection: Connection, edges: Iterable[tuple]) -> None:
    """All evidence anew: indexes are dropped and rebuilt once, not updated row by row."""
    for index in link_edges.indexes:
        index.drop(connection, checkfirst=True)
    connection.execute(link_edges.delete())
    insert_tuples(connection, link_edges, EDGE_COLUMNS, edges)
    for index in link_edges.indexes:
        index.create(connection, checkfirst=True)


def load_aliases_on(connection) -> dict[str, str]:
    rows = connection.execute(select(network_aliases.c.alias, network_aliases.c.network_id))
    return {row.alias: row.network_id for row in rows}


def linked_posts(store: Store) -> list[dict]:
    """Every analysed post with its network id, city and time: what linking evaluation needs."""
    query = select(
        posts.c.source, posts.c.post_id, posts.c.posted_ts,
        post_analysis.c.network_id, post_analysis.c.city,
    ).join(post_analysis, post_analysis.c.post_pk == posts.c.pk)  # fmt: skip
    with store.engine.connect() as connection:
        return [
            {
                "source": r.source,
                "id": r.post_id,
                "posted_ts": r.posted_ts,
                "network_id": r.network_id,
                "city": r.city,
            }
            for r in connection.execute(query)
        ]


def network_posts(store: Store, network_id: str | None = None) -> dict[str, list[NetworkPost]]:
    """Posts of every network (or of one), grouped by network id."""
    query = (
        select(
            post_analysis.c.network_id,
            posts.c.source,
            posts.c.post_id,
            posts.c.posted_at,
            posts.c.posted_ts,
            posts.c.title,
            posts.c.text,
            post_analysis.c.city,
            post_analysis.c.department,
            post_analysis.c.phones,
            post_analysis.c.handles,
            post_analysis.c.obfuscated_phones,
            post_analysis.c.flags,
            post_analysis.c.score_minor,
            post_analysis.c.score_control,
            post_analysis.c.score_recruitment,
        )
        .join(post_analysis, post_analysis.c.post_pk == posts.c.pk)
        .where(post_analysis.c.network_id.is_not(None))
        .order_by(post_analysis.c.network_id, posts.c.posted_ts)
    )
    if network_id is not None:
        query = query.where(post_analysis.c.network_id == network_id)
    grouped: dict[str, list[NetworkPost]] = {}
    with store.engine.connect() as connection:
        for row in connection.execute(query):
            grouped.setdefault(row.network_id, []).append(network_post(row))
    return grouped


def network_post(row) -> NetworkPost:
    """A `network_posts` row (anything with its columns as attributes) as a `NetworkPost`."""
    return NetworkPost(
        network_id=row.network_id,
        source=row.source,
        post_id=row.post_id,
        posted_at=row.posted_at,
        posted_ts=row.posted_ts,
        text=f"{row.title}\n{row.text}" if row.title else row.text,
        city=row.city,
        department=row.department,
        phones=[p["e164"] for p in orjson.loads(row.phones)],
        handles=orjson.loads(row.handles),
        obfuscated=bool(row.obfuscated_phones),
        recruitment=bool((row.flags or 0) & 4),
        scores={
            "minor": row.score_minor,
            "control": row.score_control,
            "recruitment": row.score_recruitment,
        },
    )


def aliases_by_network(store: Store) -> dict[str, list[str]]:
    """Retired ids per surviving network."""
    grouped: dict[str, list[str]] = {}
    for alias, network_id in load_aliases(store).items():
        grouped.setdefault(network_id, []).append(alias)
    return grouped


def resolve_network_id(store: Store, network_id: str) -> str:
    """The surviving id for `network_id` (itself unless it was merged away)."""
    return load_aliases(store).get(network_id, network_id)


def network_edges(store: Store, network_id: str) -> list[dict]:
    """The evidence edges of one network, with both posts' keys, texts and contacts (phones
    and contact handles: what the match weights compare)."""
    left, right = posts.alias("left_post"), posts.alias("right_post")
    left_found, right_found = post_analysis.alias("left_found"), post_analysis.alias("right_found")
    query = (
        select(
            link_edges.c.kind,
            link_edges.c.weight,
            link_edges.c.value,
            link_edges.c.hub,
            left.c.source.label("left_source"),
            left.c.post_id.label("left_id"),
            left.c.text.label("left_text"),
            right.c.source.label("right_source"),
            right.c.post_id.label("right_id"),
            right.c.text.label("right_text"),
            left_found.c.phones.label("left_phones"),
            left_found.c.handles.label("left_handles"),
            right_found.c.phones.label("right_phones"),
            right_found.c.handles.label("right_handles"),
        )
        .join(left, left.c.pk == link_edges.c.left_pk)
        .join(right, right.c.pk == link_edges.c.right_pk)
        .join(left_found, left_found.c.post_pk == link_edges.c.left_pk)
        .join(right_found, right_found.c.post_pk == link_edges.c.right_pk)
        .where(link_edges.c.network_id == network_id)
    )
    with store.engine.connect() as connection:
        return [_with_contacts(dict(row._mapping)) for row in connection.execute(query)]


def _with_contacts(edge: dict) -> dict:
    for side in ("left", "right"):
        own = edge[f"{side}_source"].lower()
        phones = [p["e164"] for p in orjson.loads(edge.pop(f"{side}_phones"))]
        handles = [
            h for h in orjson.loads(edge.pop(f"{side}_handles")) if h.split(":", 1)[0] != own
        ]
        edge[f"{side}_contacts"] = phones + handles
    return edge


def template_relations(store: Store, network_id: str) -> list[dict]:
    """Networks whose posts share a common template with `network_id` ("same template": who
    copies whom, never a merge), each with one example pair of texts."""
    aliases = load_aliases(store)
    found: dict[str, tuple[int, int]] = {}
    for a, b, left_pk, right_pk in load_state(store).get("templates", []):
        a, b = aliases.get(a, a), aliases.get(b, b)
        if a == b or network_id not in (a, b):
            continue
        mine, theirs = (left_pk, right_pk) if a == network_id else (right_pk, left_pk)
        found.setdefault(b if a == network_id else a, (mine, theirs))
    wanted = {pk for pair in found.values() for pk in pair}
    query = select(posts.c.pk, posts.c.source, posts.c.post_id, posts.c.title, posts.c.text)
    with store.engine.connect() as connection:
        rows = {row.pk: row for row in select_where_in(connection, query, posts.c.pk, wanted)}
    relations = []
    for other, (mine, theirs) in sorted(found.items()):
        if mine in rows and theirs in rows:
            relations.append({
                "network_id": other,
                "post": [rows[mine].source, rows[mine].post_id],
                "other_post": [rows[theirs].source, rows[theirs].post_id],
                "text": link_text(rows[mine].title, rows[mine].text),
                "other_text": link_text(rows[theirs].title, rows[theirs].text),
            })  # fmt: skip
    return relations


def match_model(store: Store):
    """The match weights the last full run estimated (the prior model before any run)."""
    from sentinelle.link.match_weights import MatchModel

    return MatchModel.from_dict(load_state(store).get("match_model"))


def features_by_network(store: Store) -> dict[str, dict]:
    """Link-level features of every network (for scoring): see `profile.network_features`."""
    return {nid: network_features(members) for nid, members in network_posts(store).items()}
