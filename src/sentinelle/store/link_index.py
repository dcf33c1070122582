"""What incremental linking looks up in the store: signatures, LSH buckets, identifiers, state."""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import orjson
from sqlalchemy import Connection, func, select

from sentinelle.link.minhash import Signatures
from sentinelle.link.prepare import link_text
from sentinelle.link.rarity import ShingleRarity
from sentinelle.store.bulk import insert_rows, select_where_in
from sentinelle.store.db import Store
from sentinelle.store.schema import (
    link_edges,
    link_segments,
    link_state,
    post_analysis,
    post_identifiers,
    posts,
)

SEGMENT_POSTS = 250_000  # posts per segment: about 80 MB per row with the default sizes
MAX_SEGMENTS = 24  # more than this and the index is rewritten as full segments


@dataclass(frozen=True, slots=True)
class TextIndex:
    """Signatures and band keys of the linked posts, one row per post (its latest version)."""

    post_pk: np.ndarray  # int64
    signatures: Signatures
    band_keys: np.ndarray  # uint64, posts x bands

    def __len__(self) -> int:
        return len(self.post_pk)


def save_text_index(connection: Connection, pks: np.ndarray, signatures: Signatures, keys) -> None:
    """Append the signatures and band keys of `pks` as segments (they supersede earlier ones)."""
    pks = np.asarray(pks, dtype=np.int64)
    now = time.time()
    for start in range(0, len(pks), SEGMENT_POSTS):
        stop = start + SEGMENT_POSTS
        _insert_segment(connection, pks[start:stop], signatures.values[start:stop],
                        keys[start:stop], signatures.seed, signatures.num_perm, now)  # fmt: skip
    _compact(connection)


def _insert_segment(connection, pks, values, keys, seed: int, num_perm: int, now: float) -> None:
    insert_rows(connection, link_segments, [{
        "seed": seed, "num_perm": num_perm, "bands": keys.shape[1], "posts": len(pks),
        "post_pks": pks.astype("<i8").tobytes(),
        "signatures": np.ascontiguousarray(values, dtype="<u4").tobytes(),
        "band_keys": np.ascontiguousarray(keys, dtype="<u8").tobytes(),
        "created_at": now,
    }])  # fmt: skip


def _compact(connection: Connection) -> None:
    """Rewrite the index as full segments once there are many, so a load stays a few large
    reads (each post once, in its latest version; rare: every `MAX_SEGMENTS` runs or so)."""
    segments = connection.execute(select(func.count()).select_from(link_segments)).scalar_one()
    if segments <= MAX_SEGMENTS:
        return
    index = _read_segments(connection)
    connection.execute(link_segments.delete())
    now = time.time()
    for start in range(0, len(index), SEGMENT_POSTS):
        part = slice(start, start + SEGMENT_POSTS)
        _insert_segment(connection, index.post_pk[part], index.signatures.values[part],
                        index.band_keys[part], index.signatures.seed, index.signatures.num_perm,
                        now)  # fmt: skip


def clear_text_index(connection: Connection) -> None:
    connection.execute(link_segments.delete())


def load_text_index(store: Store) -> TextIndex | None:
    """Every indexed post's latest signature and band keys, sorted by pk; None if empty."""
    with store.engine.connect() as connection:
        return _read_segments(connection)


def _read_segments(connection: Connection) -> TextIndex | None:
    query = select(link_segments).order_by(link_segments.c.seq)
    pks, values, keys, shape = [], [], [], None
    for row in connection.execute(query):
        if shape is not None and shape != (row.seed, row.num_perm, row.bands):
            raise ValueError("text index segments disagree on seed or size; run analyze --relink")
        shape = (row.seed, row.num_perm, row.bands)
        pks.append(np.frombuffer(row.post_pks, dtype="<i8"))
        values.append(np.frombuffer(row.signatures, dtype="<u4").reshape(row.posts, row.num_perm))
        keys.append(np.frombuffer(row.band_keys, dtype="<u8").reshape(row.posts, row.bands))
    if shape is None:
        return None
    pk = np.concatenate(pks).astype(np.int64)
    # the latest segment holding a post wins: each pk's last occurrence, rows sorted by pk
    _, first_from_end = np.unique(pk[::-1], return_index=True)
    latest = len(pk) - 1 - first_from_end
    seed, num_perm, _ = shape
    signatures = Signatures(np.concatenate(values)[latest].astype(np.uint32), seed, num_perm)
    return TextIndex(pk[latest], signatures, np.concatenate(keys)[latest].astype(np.uint64))


def count_indexed(store: Store) -> int:
    """Posts in the text index (counting a post linked twice twice, which is enough to decide)."""
    with store.engine.connect() as connection:
        total = connection.execute(select(func.sum(link_segments.c.posts))).scalar_one()
    return int(total or 0)


def load_texts(store: Store, pks: Iterable[int]) -> dict[int, str]:
    """Title and text of stored posts, as linking reads them."""
    query = select(posts.c.pk, posts.c.title, posts.c.text)
    with store.engine.connect() as connection:
        rows = select_where_in(connection, query, posts.c.pk, pks)
        return {pk: link_text(title, text) for pk, title, text in rows}


def network_of(store: Store, pks: Iterable[int]) -> dict[int, str | None]:
    """Current network id of stored posts."""
    query = select(post_analysis.c.post_pk, post_analysis.c.network_id)
    with store.engine.connect() as connection:
        return dict(select_where_in(connection, query, post_analysis.c.post_pk, pks))


def save_rarity(connection: Connection, rarity: ShingleRarity) -> None:
    """The rarity sketch (post counts, then contact-group counts), compressed (mostly zeros on
    small corpora)."""
    value = orjson.dumps({"posts": rarity.posts, "bits": rarity.bits, "groups": True}).decode()
    raw = rarity.counts.astype("<u4").tobytes() + rarity.groups.astype("<u2").tobytes()
    blob = zlib.compress(raw, 1)
    connection.execute(link_state.delete().where(link_state.c.name == "rarity"))
    insert_rows(connection, link_state, [{"name": "rarity", "value": value, "blob": blob}])


def load_rarity(store: Store, config) -> ShingleRarity | None:
    """The stored sketch with `config`'s boilerplate and template thresholds."""
    with store.engine.connect() as connection:
        row = connection.execute(select(link_state).where(link_state.c.name == "rarity")).first()
    if row is None or row.blob is None:
        return None
    meta = orjson.loads(row.value)
    rarity = ShingleRarity(meta["bits"], config.boilerplate_floor, config.boilerplate_share,
                           config.template_groups, config.template_share)  # fmt: skip
    raw = zlib.decompress(row.blob)
    size = 4 << meta["bits"]
    rarity.counts = np.frombuffer(raw[:size], dtype="<u4").astype(np.uint32)
    if meta.get("groups"):
        rarity.groups = np.frombuffer(raw[size:], dtype="<u2").astype(np.uint16)
    rarity.posts = meta["posts"]
    return rarity


def group_members(
    store: Store, network_ids: list[str], pks: list[int]
) -> list[tuple[str | None, int, str, str, str]]:
    """(network id, pk, source, phones JSON, handles JSON) of every post of the networks
    `network_ids` and of the posts `pks`: what incremental linking needs to know whether a
    stored network gives contacts of its own, and how many posts it holds."""
    query = select(
        post_analysis.c.network_id, posts.c.pk, posts.c.source, post_analysis.c.phones,
        post_analysis.c.handles,
    ).join(posts, posts.c.pk == post_analysis.c.post_pk)  # fmt: skip
    rows: dict[int, tuple] = {}
    with store.engine.connect() as connection:
        for column, values in ((post_analysis.c.network_id, network_ids), (posts.c.pk, pks)):
            for row in select_where_in(connection, query, column, values):
                rows[row[1]] = tuple(row)
    return list(rows.values())


def identifiers_of_values(store: Store, kind: str, values: list[str]) -> list[tuple[int, str]]:
    """(post pk, value) of every stored post carrying one of `values` of `kind`."""
    query = select(post_identifiers.c.post_pk, post_identifiers.c.value).where(
        post_identifiers.c.kind == kind
    )
    with store.engine.connect() as connection:
        return [
            tuple(row)
            for row in select_where_in(connection, query, post_identifiers.c.value, values)
        ]


def identifiers_of_posts(store: Store, pks: list[int]) -> list[tuple[int, str, str]]:
    """(post pk, kind, value) of every identifier the stored posts `pks` carry."""
    columns = (post_identifiers.c.post_pk, post_identifiers.c.kind, post_identifiers.c.value)
    with store.engine.connect() as connection:
        rows = select_where_in(connection, select(*columns), post_identifiers.c.post_pk, pks)
        return [tuple(row) for row in rows]


def links_among(store: Store, pks: list[int]) -> list[tuple[int, int]]:
    """Stored text and image evidence between two of the posts `pks` (left, right pk)."""
    wanted = set(pks)
    query = select(link_edges.c.left_pk, link_edges.c.right_pk).where(
        link_edges.c.kind.in_(("text", "image"))
    )
    with store.engine.connect() as connection:
        rows = select_where_in(connection, query, link_edges.c.left_pk, pks)
        return [(a, b) for a, b in rows if b in wanted]
