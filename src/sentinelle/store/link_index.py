"""What incremental linking looks up in the store: signatures, LSH buckets, identifiers, state."""

from __future__ import annotations

import zlib
from collections.abc import Iterable

import numpy as np
import orjson
from sqlalchemy import Connection, func, select

from sentinelle.link.minhash import Signatures
from sentinelle.link.rarity import ShingleRarity
from sentinelle.store.bulk import delete_where_in, insert_rows
from sentinelle.store.db import Store
from sentinelle.store.schema import (
    link_state,
    post_analysis,
    post_band_keys,
    post_identifiers,
    post_signatures,
    posts,
)

_IN_CHUNK = 500


def save_text_index(connection: Connection, pks: np.ndarray, signatures: Signatures, keys) -> None:
    """Store the signature and band keys of each post of `pks` (replacing earlier ones)."""
    pk_list = [int(pk) for pk in pks]
    delete_where_in(connection, post_signatures, "post_pk", pk_list)
    delete_where_in(connection, post_band_keys, "post_pk", pk_list)
    insert_rows(connection, post_signatures, [
        {"post_pk": pk, "seed": signatures.seed, "num_perm": signatures.num_perm,
         "signature": signatures.values[i].astype("<u4").tobytes()}
        for i, pk in enumerate(pk_list)
    ])  # fmt: skip
    signed = keys.view(np.int64)
    insert_rows(connection, post_band_keys, [
        {"band": band, "key": int(signed[i, band]), "post_pk": pk}
        for i, pk in enumerate(pk_list) for band in range(keys.shape[1])
    ])  # fmt: skip


def clear_text_index(connection: Connection) -> None:
    connection.execute(post_band_keys.delete())
    connection.execute(post_signatures.delete())


def bucket_leaders(
    store: Store, keys: np.ndarray, exclude: set[int]
) -> tuple[np.ndarray, np.ndarray]:
    """(row of `keys`, earliest stored post in the same bucket) for every band that matches."""
    signed = keys.view(np.int64)
    rows, leaders = [], []
    with store.engine.connect() as connection:
        for band in range(keys.shape[1]):
            wanted: dict[int, list[int]] = {}
            for row, key in enumerate(signed[:, band].tolist()):
                wanted.setdefault(key, []).append(row)
            found = _band_matches(connection, band, list(wanted), exclude)
            for key, pk in found.items():
                rows.extend(wanted[key])
                leaders.extend([pk] * len(wanted[key]))
    return np.asarray(rows, np.int64), np.asarray(leaders, np.int64)


def _band_matches(connection: Connection, band: int, keys: list[int], exclude: set[int]) -> dict:
    found: dict[int, int] = {}
    for start in range(0, len(keys), _IN_CHUNK):
        query = select(post_band_keys.c.key, post_band_keys.c.post_pk).where(
            post_band_keys.c.band == band, post_band_keys.c.key.in_(keys[start : start + _IN_CHUNK])
        )
        for key, pk in connection.execute(query):
            if pk not in exclude and (key not in found or pk < found[key]):
                found[key] = pk
    return found


def load_signatures(
    store: Store, pks: Iterable[int], seed: int, num_perm: int
) -> dict[int, np.ndarray]:
    """Stored signatures of `pks` made with `seed` and `num_perm` (others are ignored)."""
    found: dict[int, np.ndarray] = {}
    pk_list = list(pks)
    with store.engine.connect() as connection:
        for start in range(0, len(pk_list), _IN_CHUNK):
            query = select(post_signatures).where(
                post_signatures.c.post_pk.in_(pk_list[start : start + _IN_CHUNK]),
                post_signatures.c.seed == seed, post_signatures.c.num_perm == num_perm,
            )  # fmt: skip
            for row in connection.execute(query):
                found[row.post_pk] = np.frombuffer(row.signature, dtype="<u4").astype(np.uint32)
    return found


def load_texts(store: Store, pks: Iterable[int]) -> dict[int, str]:
    """Title and text of stored posts, as linking reads them."""
    pk_list = list(pks)
    texts: dict[int, str] = {}
    with store.engine.connect() as connection:
        for start in range(0, len(pk_list), _IN_CHUNK):
            query = select(posts.c.pk, posts.c.title, posts.c.text).where(
                posts.c.pk.in_(pk_list[start : start + _IN_CHUNK])
            )
            for pk, title, text in connection.execute(query):
                texts[pk] = f"{title or ''}\n{text}"
    return texts


def first_posts_with(
    store: Store, kind: str, values: list[str], exclude: set[int]
) -> dict[str, int]:
    """For each value, the earliest stored post (outside `exclude`) that carries it."""
    found: dict[str, int] = {}
    with store.engine.connect() as connection:
        for start in range(0, len(values), _IN_CHUNK):
            query = (
                select(post_identifiers.c.value, post_identifiers.c.post_pk)
                .where(post_identifiers.c.kind == kind,
                       post_identifiers.c.value.in_(values[start : start + _IN_CHUNK]))
            )  # fmt: skip
            for value, pk in connection.execute(query):
                if pk not in exclude and (value not in found or pk < found[value]):
                    found[value] = pk
    return found


def network_of(store: Store, pks: Iterable[int]) -> dict[int, str | None]:
    """Current network id of stored posts."""
    pk_list = list(pks)
    found: dict[int, str | None] = {}
    with store.engine.connect() as connection:
        for start in range(0, len(pk_list), _IN_CHUNK):
            query = select(post_analysis.c.post_pk, post_analysis.c.network_id).where(
                post_analysis.c.post_pk.in_(pk_list[start : start + _IN_CHUNK])
            )
            found.update(dict(connection.execute(query).all()))
    return found


def count_signatures(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(post_signatures)).scalar_one()


def save_rarity(connection: Connection, rarity: ShingleRarity) -> None:
    """The rarity sketch, compressed (mostly zeros on small corpora)."""
    value = orjson.dumps({"posts": rarity.posts, "bits": rarity.bits}).decode()
    blob = zlib.compress(rarity.counts.astype("<u4").tobytes(), 1)
    connection.execute(link_state.delete().where(link_state.c.name == "rarity"))
    insert_rows(connection, link_state, [{"name": "rarity", "value": value, "blob": blob}])


def load_rarity(store: Store, floor: int, share: float) -> ShingleRarity | None:
    with store.engine.connect() as connection:
        row = connection.execute(select(link_state).where(link_state.c.name == "rarity")).first()
    if row is None or row.blob is None:
        return None
    meta = orjson.loads(row.value)
    rarity = ShingleRarity(meta["bits"], floor, share)
    rarity.counts = np.frombuffer(zlib.decompress(row.blob), dtype="<u4").astype(np.uint32)
    rarity.posts = meta["posts"]
    return rarity
