"""What the scoring step reads and writes: analysed posts grouped by network, and their scores.

Posts are read network by network so that every batch holds whole networks: contact-level
indicators and minor-cue propagation then see all the posts they reason about.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

import numpy as np
import orjson
from sqlalchemy import Column, Integer, MetaData, Table, func, select, update

from sentinelle.records import Extraction, PhoneHit, Place, Price, StatedAge
from sentinelle.store.bulk import delete_where_in, insert_tuples, update_rows
from sentinelle.store.db import Store, bulk_pass
from sentinelle.store.post_indicators import write_indicator_rows
from sentinelle.store.schema import post_analysis, post_identifiers, post_indicators, posts

_COLUMNS = (
    posts.c.pk,
    posts.c.source,
    posts.c.post_id,
    posts.c.kind,
    posts.c.text,
    posts.c.posted_at,
    posts.c.url,
    posts.c.city,
    posts.c.title,
    posts.c.author,
    posts.c.image_phashes,
    posts.c.extra,
    post_analysis.c.phones,
    post_analysis.c.handles,
    post_analysis.c.stated_ages,
    post_analysis.c.prices,
    post_analysis.c.mentions,
    post_analysis.c.city,
    post_analysis.c.department,
    post_analysis.c.network_id,
)
NETWORK_ID_POSITION = len(_COLUMNS) - 1  # where a scoring row holds its network id
# The same columns by name, as the Spark engine's analysed DataFrame calls them (the analysis
# city is `a_city` there, beside the post's own `city`).
SCORING_COLUMN_NAMES = tuple(
    "a_city" if column.table is post_analysis and column.name == "city" else column.name
    for column in _COLUMNS
)


def count_unscored(store: Store) -> int:
    """Analysed posts without scores (new, or left by an interrupted run)."""
    query = select(func.count()).where(post_analysis.c.score_minor.is_(None))
    with store.engine.connect() as connection:
        return connection.execute(query).scalar_one()


def clear_scores(store: Store) -> None:
    """Mark every analysed post for rescoring (after a full relink)."""
    with store.engine.begin() as connection:
        connection.execute(update(post_analysis).values(score_minor=None))


def iter_scoring_rows(store: Store, batch_size: int = 5000) -> Iterator[list[tuple]]:
    """Posts whose scores are missing, and every post that shares a network, a contact or a
    photo with one of them (transitively), in batches of whole groups: a batch only grows past
    `batch_size` to finish a group.

    Contact-level facts (posts, names and cities behind a number; minor cues on the same
    photo) are computed over a batch, so a batch must hold every post of each contact it
    sees: then a post's scores do not depend on where batches are cut.
    """
    with store.engine.connect() as connection, bulk_pass(connection):
        order, groups = _scoring_order(connection)
        if not len(order):
            return
        connection.exec_driver_sql(
            "CREATE TEMPORARY TABLE scoring_order (seq INTEGER PRIMARY KEY, post_pk BIGINT)"
        )
        insert_tuples(connection, _ORDER, ("seq", "post_pk"), _numbered(order))
        query = (
            select(*_COLUMNS, _ORDER.c.seq)
            .select_from(_ORDER)
            .join(posts, posts.c.pk == _ORDER.c.post_pk)
            .join(post_analysis, post_analysis.c.post_pk == posts.c.pk)
            .order_by(_ORDER.c.seq)
        )
        batch: list[tuple] = []
        group = -1
        try:
            result = connection.execute(query.execution_options(yield_per=batch_size))
            for row in result:
                seq_group = int(groups[row[-1]])
                if len(batch) >= batch_size and seq_group != group:
                    yield batch
                    batch = []
                batch.append(tuple(row)[:-1])
                group = seq_group
            if batch:
                yield batch
        finally:
            connection.rollback()
            connection.exec_driver_sql("DROP TABLE IF EXISTS scoring_order")


_ORDER = Table("scoring_order", MetaData(), Column("seq", Integer), Column("post_pk", Integer))


def _numbered(order: np.ndarray) -> Iterator[tuple[int, int]]:
    return enumerate(order.tolist())


def _scoring_order(connection) -> tuple[np.ndarray, np.ndarray]:
    """The pks to score, grouped (posts linked by a network, a contact or a photo are in one
    group) and in pk order within a group, with each position's group number."""
    query = select(
        post_analysis.c.post_pk,
        post_analysis.c.network_id,
        post_analysis.c.score_minor.is_(None),
    ).order_by(post_analysis.c.post_pk)
    streamed = {"yield_per": 50_000}  # PostgreSQL would fetch every row at once
    keys: dict[str, int] = {}
    # 8 bytes a row, not a Python int: a million posts share a few million things
    members = array("q")  # pk of a post ...
    shared = array("q")  # ... and what it shares: its network, a contact or a photo
    pk_list = array("q")
    unscored_list = array("b")
    for post_pk, network_id, missing in connection.execute(query, execution_options=streamed):
        pk_list.append(post_pk)
        unscored_list.append(1 if missing else 0)
        if network_id is not None:
            members.append(post_pk)
            shared.append(keys.setdefault("n" + network_id, len(keys)))
    pks = np.frombuffer(pk_list, np.int64).copy()
    unscored = np.frombuffer(unscored_list, np.int8).astype(bool)
    del pk_list, unscored_list
    if not unscored.any():
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    identifiers = select(post_identifiers.c.post_pk, post_identifiers.c.value)
    for post_pk, value in connection.execute(identifiers, execution_options=streamed):
        members.append(post_pk)
        shared.append(keys.setdefault("c" + value, len(keys)))
    photos = select(posts.c.pk, posts.c.image_phashes).join(
        post_analysis, post_analysis.c.post_pk == posts.c.pk
    )
    photos = photos.where(posts.c.image_phashes != "[]")
    for post_pk, phashes in connection.execute(photos, execution_options=streamed):
        for phash in orjson.loads(phashes):
            members.append(post_pk)
            shared.append(keys.setdefault("cphoto:" + phash, len(keys)))
    groups = _components(
        pks, np.frombuffer(members, np.int64), np.frombuffer(shared, np.int64), len(keys)
    )
    chosen = np.flatnonzero(np.isin(groups, np.unique(groups[unscored])))
    chosen = chosen[np.argsort(groups[chosen], kind="stable")]  # pk order within a group
    return pks[chosen], groups[chosen]


def _components(pks: np.ndarray, members: np.ndarray, shared: np.ndarray, keys: int) -> np.ndarray:
    """Group number of each post of `pks` (sorted): connected components of the graph joining
    each post (`members`, by pk) to what it shares (`shared`, numbered below `keys`)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    position = np.minimum(np.searchsorted(pks, members), len(pks) - 1)
    known = pks[position] == members  # identifiers of a post without analysis: none today
    size = len(pks) + keys
    graph = coo_matrix(
        (np.ones(int(known.sum()), np.int8), (position[known], len(pks) + shared[known])),
        shape=(size, size),
    )
    _, labels = connected_components(graph, directed=False)
    return labels[: len(pks)].astype(np.int64)


def extraction_from_row(row: tuple) -> Extraction:
    """The `Extraction` an analysis row stored (the inverse of the analyze step's rows)."""
    phones, handles, ages, prices, mentions, city, department = row[12:19]
    mentions = orjson.loads(mentions)
    return Extraction(
        phones=[
            PhoneHit(p["e164"], p["raw"], tuple(p["tricks"]), p.get("in_plan", True))
            for p in orjson.loads(phones)
        ],
        handles=orjson.loads(handles),
        stated_ages=[StatedAge(a["age"], a["evidence"]) for a in orjson.loads(ages)],
        prices=[Price(**p) for p in orjson.loads(prices)],
        emoji=mentions.get("emoji", []),
        urls=mentions.get("urls", []),
        platforms=mentions.get("platforms", []),
        place=Place(city, department) if city and department else None,
        places_mentioned=[Place(**p) for p in mentions.get("places", [])],
    )


def save_scores(store: Store, rows: list[dict]) -> None:
    """Write scores, flags and indicators of analysed posts (`post_pk` names each row)."""
    if not rows:
        return
    with store.engine.begin() as connection:
        update_rows(connection, post_analysis, "post_pk", rows)
        # the posts list's indicator rows follow the indicators just written
        delete_where_in(connection, post_indicators, "post_pk", [row["post_pk"] for row in rows])
        carrying = [row["post_pk"] for row in rows if row["indicators"] != "[]"]
        write_indicator_rows(connection, carrying, replace=False)
