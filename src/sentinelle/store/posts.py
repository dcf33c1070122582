"""Posts in the store: idempotent bulk saves with history, pending work, analysis results."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter

import orjson
from sqlalchemy import bindparam, func, select, text, update

from sentinelle.records import POST_FIELDS, Post
from sentinelle.records import content_hash as post_content_hash
from sentinelle.store.bulk import delete_where_in, insert_rows, select_where_in, update_where_in
from sentinelle.store.db import Store
from sentinelle.store.post_indicators import write_indicator_rows
from sentinelle.store.schema import (
    post_analysis,
    post_identifiers,
    post_indicators,
    post_versions,
    posts,
)

_LOOKUP_CHUNK = 400  # (source, id) pairs per IN query, well under every driver's limit


@dataclass(slots=True)
class SaveCounts:
    """What happened to a batch: stored new, unchanged duplicates, changed (history kept)."""

    stored: int = 0
    duplicates: int = 0
    updated: int = 0

    def add(self, other: SaveCounts) -> None:
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.updated += other.updated


def post_to_row(post: Post, posted_ts: float, content_hash: str, now: float) -> dict:
    return {
        "source": post.source,
        "post_id": post.id,
        "kind": post.kind,
        "text": post.text,
        "title": post.title,
        "url": post.url,
        "city": post.city,
        "author": post.author,
        "posted_at": post.posted_at,
        "posted_ts": posted_ts,
        "image_phashes": orjson.dumps(post.image_phashes).decode(),
        "extra": orjson.dumps(post.extra).decode(),
        "content_hash": content_hash,
        "version": 1,
        "ingested_at": now,
        "pending": True,
    }


def row_to_post(row) -> Post:
    """A stored row (mapping with the posts columns) back to the record type steps use."""
    return Post(
        source=row["source"],
        id=row["post_id"],
        kind=row["kind"],
        text=row["text"],
        posted_at=row["posted_at"],
        url=row["url"],
        city=row["city"],
        title=row["title"],
        author=row["author"],
        image_phashes=orjson.loads(row["image_phashes"]),
        extra=orjson.loads(row["extra"]),
    )


def _existing(connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """Stored rows for the given keys, queried per source so the (source, post_id) index serves."""
    by_source: dict[str, list[str]] = {}
    for source, post_id in keys:
        by_source.setdefault(source, []).append(post_id)
    found: dict[tuple[str, str], dict] = {}
    for source, ids in by_source.items():
        for start in range(0, len(ids), _LOOKUP_CHUNK):
            chunk = ids[start : start + _LOOKUP_CHUNK]
            query = select(posts).where(posts.c.source == source, posts.c.post_id.in_(chunk))
            for row in connection.execute(query).mappings():
                found[(row["source"], row["post_id"])] = dict(row)
    return found


def _key_digest(key: tuple[str, str]) -> bytes:
    return hashlib.blake2b(f"{key[0]}\x1f{key[1]}".encode(), digest_size=8).digest()


# Arbitrary constant naming the posts writers' PostgreSQL advisory lock.
_PG_WRITE_LOCK = 7_243_002


def _lock_writers(connection) -> None:
    """Take the store's write lock for this transaction, before reading what is stored: two
    writers (ingests, API posts) then decide in turn on what the other committed, so neither
    inserts a key the other just stored nor numbers a version twice."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_WRITE_LOCK})
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # pysqlite has not begun one yet


def _max_pk(connection) -> int:
    return connection.execute(select(func.max(posts.c.pk))).scalar() or 0


class PostWriter:
    """Saves batches of posts for one ingest run, exactly once.

    A post whose content is a version the store already knows (the latest or one in its
    history) is a duplicate: re-ingesting a file, or rerunning one cut short by a crash,
    changes nothing. Only content never seen for that key adds a version.

    It remembers the key and content digest of every post it saved, so that a bulk load into a
    fresh store never queries the database to detect duplicates, and a store that already held
    posts is queried only for keys that may be stored with other content. If another writer
    adds posts meanwhile (the largest key moved under us), it queries from then on.

    Versions and duplicates are resolved in memory (`resolve_batch`), then written set by set:
    new posts in one insert, history rows in one, changed posts in one update, and (SQLite)
    the full-text rows of the batch's new and changed posts in a statement or two each.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._seen: dict[bytes, str] = {}
        self._store_had_posts = has_posts(store)
        self._last_pk: int | None = None

    def save(self, batch: Sequence[tuple[Post, float, str]]) -> SaveCounts:
        """Store (post, posted_ts, content_hash) triples: new ones inserted, known ones
        counted as duplicates, changed ones updated with the previous version in
        `post_versions`. One transaction under the store's write lock.

        A key repeated inside the batch is resolved in order (the last version wins, earlier
        ones become history), as if the records were saved one by one.
        """
        while True:
            try:
                return self._save(batch)
            except _KeyTaken:
                # A writer that took no lock stored some of our keys meanwhile: look every
                # key up this time (the failed transaction left nothing behind).
                self._store_had_posts = True

    def _save(self, batch: Sequence[tuple[Post, float, str]]) -> SaveCounts:
        counts = SaveCounts()
        now = time.time()
        latest, superseded = _latest_versions(batch, counts)
        superseded_keys = {(post.source, post.id) for post, _, _ in superseded}
        with self.store.engine.begin() as connection:
            _lock_writers(connection)
            last_pk = _max_pk(connection)
            if not self._store_had_posts and last_pk != (self._last_pk or 0):
                self._store_had_posts = True  # another writer stored posts since we looked
            digests = {key: _key_digest(key) for key in latest}  # each hashed once a batch
            seen = {key: self._seen.get(digest) for key, digest in digests.items()}
            lookup = []
            for key, (_, _, content_hash) in latest.items():
                if seen[key] == content_hash and key not in superseded_keys:
                    continue  # a duplicate of what this run stored: no query needed
                if seen[key] is not None or self._store_had_posts:
                    lookup.append(key)
            existing = _existing(connection, sorted(lookup)) if lookup else {}
            # Earlier in-batch versions of a key come first so history keeps their order.
            ops = [*superseded, *latest.values()]
            history = _history_hashes(connection, existing, ops)
            plan = resolve_batch(ops, len(superseded), existing, history, seen, now, counts)
            _write_plan(connection, plan, last_pk)
            self._last_pk = _max_pk(connection)
        # only once committed: a failed batch leaves no trace
        self._seen.update((digest, latest[key][2]) for key, digest in digests.items())
        return counts


class _KeyTaken(Exception):
    """A new post's key was stored by another writer between our lookup and our insert."""


def _latest_versions(batch, counts: SaveCounts) -> tuple[dict, list]:
    """The last version of each key in the batch, and the earlier ones it replaces, in order;
    a repeat of the previous content is counted as a duplicate."""
    latest: dict[tuple[str, str], tuple[Post, float, str]] = {}
    superseded: list[tuple[Post, float, str]] = []
    for item in batch:
        key = (item[0].source, item[0].id)
        previous = latest.get(key)
        if previous is not None:
            if previous[2] == item[2]:
                counts.duplicates += 1
                continue
            superseded.append(previous)
        latest[key] = item
    return latest, superseded


@dataclass(slots=True)
class _Version:
    """A key's current version while a batch is resolved: its posts row, its stored key (None
    for a post new in this batch) and the digests of its earlier versions."""

    row: dict
    pk: int | None
    known: set[str]
    changed: bool = False


@dataclass(slots=True)
class BatchPlan:
    """What a batch writes: new posts (in the order of their keys' first appearance, which is
    their primary-key order), stored posts that changed, and history rows (key, row)."""

    new: dict[tuple[str, str], _Version]
    changed: list[_Version]
    history: list[tuple[tuple[str, str], int | None, dict]]


def resolve_batch(
    ops: list[tuple[Post, float, str]],
    first_latest: int,
    existing: dict[tuple[str, str], dict],
    history: dict[int, set[str]],
    seen: dict[tuple[str, str], str | None],
    now: float,
    counts: SaveCounts,
) -> BatchPlan:
    """Apply the batch's versions in order, in memory, as saving them one by one would.

    `existing` holds the stored rows of looked-up keys and `history` the digests of their
    earlier versions; `seen` the digest this run stored for each of the batch's keys, if any
    (keys not looked up are new unless seen with the same content); ops from `first_latest` on
    are each key's last version in the batch."""
    state: dict[tuple[str, str], _Version] = {}
    plan = BatchPlan({}, [], [])
    for index, (post, posted_ts, content_hash) in enumerate(ops):
        key = (post.source, post.id)
        current = state.get(key)
        if current is None and key in existing:
            old = existing[key]
            current = state[key] = _Version(old, old["pk"], set(history.get(old["pk"], ())))
        if current is None:
            if index >= first_latest and seen.get(key) == content_hash:
                counts.duplicates += 1
                continue
            row = post_to_row(post, posted_ts, content_hash, now)
            state[key] = plan.new[key] = _Version(row, None, set())
            counts.stored += 1
            continue
        old = current.row
        if old["content_hash"] == content_hash or content_hash in current.known:
            counts.duplicates += 1
            continue
        version = {
            "version": old["version"],
            "content": orjson.dumps(_contract_dict(old)).decode(),
            "replaced_at": now,
            "content_hash": old["content_hash"],
        }
        plan.history.append((key, current.pk, version))
        current.known.add(old["content_hash"])
        current.row = post_to_row(post, posted_ts, content_hash, now)
        current.row["version"] = old["version"] + 1
        if current.pk is not None and not current.changed:
            current.changed = True
            plan.changed.append(current)
        counts.updated += 1
    return plan


def _history_hashes(connection, existing: dict, ops: list) -> dict[int, set[str]]:
    """Digests of the earlier versions of stored posts the batch brings other content for
    (the rare path: a change, or an old version sent again)."""
    pks = set()
    for post, _, content_hash in ops:
        stored = existing.get((post.source, post.id))
        if stored is not None and stored["content_hash"] != content_hash:
            pks.add(stored["pk"])
    return _version_hashes(connection, sorted(pks)) if pks else {}


def _version_hashes(connection, pks: list[int]) -> dict[int, set[str]]:
    query = select(post_versions.c.post_pk, post_versions.c.content_hash, post_versions.c.content)
    found: dict[int, set[str]] = {}
    for post_pk, stored_hash, content in select_where_in(
        connection, query, post_versions.c.post_pk, pks
    ):
        found.setdefault(post_pk, set()).add(stored_hash or _hash_of_contract(content))
    return found


def _write_plan(connection, plan: BatchPlan, last_pk: int) -> None:
    """One insert of new posts, one of history, one update of changes; on SQLite the
    full-text rows of new and changed posts in a statement or two each (no trigger)."""
    sqlite = connection.dialect.name == "sqlite"
    rows = [version.row for version in plan.new.values()]
    if _insert_new(connection, rows) < len(rows):
        raise _KeyTaken
    if rows and sqlite:
        connection.exec_driver_sql(
            "INSERT INTO posts_fts(rowid, text, title) "
            f"SELECT pk, text, title FROM posts WHERE pk > {int(last_pk)}"
        )
    if plan.history:
        new_pks = (
            _new_pks(connection, last_pk) if any(pk is None for _, pk, _ in plan.history) else {}
        )
        insert_rows(
            connection,
            post_versions,
            [{"post_pk": pk or new_pks[key], **row} for key, pk, row in plan.history],
        )
    if plan.changed and sqlite:
        pks = (orjson.dumps([version.pk for version in plan.changed]).decode(),)
        connection.exec_driver_sql(_FTS_FORGET, pks)
        _update_posts(connection, plan.changed)
        connection.exec_driver_sql(_FTS_ADD, pks)
    elif plan.changed:
        _update_posts(connection, plan.changed)


# Full-text rows of the posts whose keys a JSON array lists (one bound parameter, any number
# of keys). An external-content index forgets a row only when given the values it indexed,
# hence the old rows are forgotten before the update.
_CHANGED = "FROM posts WHERE pk IN (SELECT value FROM json_each(?))"
_FTS_FORGET = (
    "INSERT INTO posts_fts(posts_fts, rowid, text, title) "
    f"SELECT 'delete', pk, text, title {_CHANGED}"
)
_FTS_ADD = f"INSERT INTO posts_fts(rowid, text, title) SELECT pk, text, title {_CHANGED}"


def _new_pks(connection, last_pk: int) -> dict[tuple[str, str], int]:
    query = select(posts.c.pk, posts.c.source, posts.c.post_id).where(posts.c.pk > last_pk)
    return {(source, post_id): pk for pk, source, post_id in connection.execute(query)}


def _update_posts(connection, changed: list[_Version]) -> None:
    """Every column of the changed posts, in one executemany."""
    columns = [c for c in changed[0].row if c != "pk"]
    statement = (
        update(posts)
        .where(posts.c.pk == bindparam("pk_"))
        .values({c: bindparam(c) for c in columns})
    )
    connection.execute(statement, [{c: v.row[c] for c in columns} | {"pk_": v.pk} for v in changed])


def _insert_new(connection, rows: list[dict]) -> int:
    """INSERT ... ON CONFLICT DO NOTHING; how many rows went in."""
    if not rows:
        return 0
    if connection.dialect.name == "sqlite":
        columns = tuple(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        sql = (
            f"INSERT INTO posts ({names}) VALUES ({marks}) ON CONFLICT (source, post_id) DO NOTHING"
        )
        cursor = connection.connection.driver_connection.cursor()
        cursor.executemany(sql, map(itemgetter(*columns), rows))
        return cursor.rowcount
    return _copy_new(connection, rows)


def _copy_new(connection, rows: list[dict]) -> int:
    """PostgreSQL: COPY the rows (numbered) into a temporary table, then one INSERT ... SELECT
    in their order (so keys are numbered as they come) ON CONFLICT DO NOTHING."""
    columns = tuple(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    connection.exec_driver_sql(
        f"CREATE TEMPORARY TABLE new_posts ON COMMIT DROP AS "
        f"SELECT 0::bigint AS ord, {names} FROM posts WITH NO DATA"
    )
    get = itemgetter(*columns)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY new_posts (ord, {names}) FROM STDIN") as copy:
        for number, row in enumerate(rows):
            copy.write_row((number, *get(row)))
    inserted = connection.exec_driver_sql(
        f"INSERT INTO posts ({names}) SELECT {names} FROM new_posts ORDER BY ord "
        "ON CONFLICT (source, post_id) DO NOTHING"
    ).rowcount
    connection.exec_driver_sql("DROP TABLE new_posts")
    return inserted


def save_posts(store: Store, batch: Sequence[tuple[Post, float, str]]) -> SaveCounts:
    """Save one batch with a fresh writer (small callers); bulk loads keep one `PostWriter`."""
    return PostWriter(store).save(batch)


def _hash_of_contract(content: str) -> str:
    """The digest of a history row stored before 0007 (no digest column then)."""
    post = Post.from_contract(orjson.loads(content))
    return post_content_hash(post)


def _contract_dict(row) -> dict:
    post = row_to_post(row)
    return {**{name: getattr(post, name) for name in POST_FIELDS}, **post.extra}


def has_posts(store: Store) -> bool:
    """Whether any post is stored (one index probe, unlike a count)."""
    with store.engine.connect() as connection:
        return connection.execute(select(posts.c.pk).limit(1)).first() is not None


def count_posts(store: Store, *, pending_only: bool = False) -> int:
    query = select(func.count()).select_from(posts)
    if pending_only:
        query = query.where(posts.c.pending.is_(True))
    with store.engine.connect() as connection:
        return connection.execute(query).scalar_one()


_POST_COLUMNS = (
    "pk",
    "source",
    "post_id",
    "kind",
    "text",
    "posted_at",
    "url",
    "city",
    "title",
    "author",
    "image_phashes",
    "extra",
    "posted_ts",  # not part of the `Post`: the analysis row carries it for the workspace's lists
)


def iter_pending_rows(store: Store, batch_size: int = 5000) -> Iterator[list[tuple]]:
    """Posts waiting for analysis as plain tuples (cheap to send to a worker), in keyset
    batches by primary key; `posts_from_rows` turns a batch into records."""
    last = 0
    columns = [posts.c[name] for name in _POST_COLUMNS]
    query = (
        select(*columns)
        .where(posts.c.pending.is_(True), posts.c.pk > bindparam("last"))
        .order_by(posts.c.pk)
        .limit(batch_size)
    )
    while True:
        with store.engine.connect() as connection:
            rows = [tuple(row) for row in connection.execute(query, {"last": last})]
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _json_list(value: str) -> list:
    return [] if value == "[]" else orjson.loads(value)


def _json_object(value: str) -> dict:
    return {} if value == "{}" else orjson.loads(value)


def posts_from_rows(rows: list[tuple]) -> list[tuple[int, Post]]:
    """(pk, Post) pairs from `iter_pending_rows` tuples; pure, runs in workers."""
    return [(row[0], Post(*row[1:10], _json_list(row[10]), _json_object(row[11]))) for row in rows]


def iter_pending(store: Store, batch_size: int = 5000) -> Iterator[list[tuple[int, Post]]]:
    """Posts waiting for analysis, as (pk, Post) batches."""
    for rows in iter_pending_rows(store, batch_size):
        yield posts_from_rows(rows)


def post_versions_of(store: Store, source: str, post_id: str) -> list[dict]:
    """Earlier versions of a post, oldest first, as input-contract dicts."""
    query = (
        select(post_versions.c.version, post_versions.c.content, post_versions.c.replaced_at)
        .join(posts, posts.c.pk == post_versions.c.post_pk)
        .where(posts.c.source == source, posts.c.post_id == post_id)
        .order_by(post_versions.c.version)
    )
    with store.engine.connect() as connection:
        return [
            {"version": r.version, "replaced_at": r.replaced_at, **orjson.loads(r.content)}
            for r in connection.execute(query)
        ]


def save_analyses(store: Store, rows: list[dict], identifiers: list[dict]) -> None:
    """Replace the analysis and identifier rows of the given posts and clear their pending flag."""
    if not rows:
        return
    pks = [row["post_pk"] for row in rows]
    with store.engine.begin() as connection:
        if any("posted_ts" not in row or "kind" not in row for row in rows):
            rows = _with_post_columns(connection, rows)
        delete_where_in(connection, post_analysis, "post_pk", pks)
        delete_where_in(connection, post_identifiers, "post_pk", pks)
        insert_rows(connection, post_analysis, rows)
        insert_rows(connection, post_identifiers, identifiers)
        # the posts list's indicator rows: extraction leaves indicators empty until scoring,
        # so usually only a changed post's old rows go
        with_indicators = [row["post_pk"] for row in rows if row.get("indicators", "[]") != "[]"]
        delete_where_in(connection, post_indicators, "post_pk", pks)
        write_indicator_rows(connection, with_indicators, replace=False)
        update_where_in(connection, posts, "pk", pks, {"pending": False})


def refresh_statistics(store: Store) -> None:
    """The query planners' figures for posts and their analyses, after a run changed many
    (under a second at 1M posts): SQLite has none until asked, and without them reads a
    whole source to sort it where walking dates would stop after a page."""
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE posts")
        connection.exec_driver_sql("ANALYZE post_analysis")
        # the network list reads a city's or source's names by a skip-scan of this index
        connection.exec_driver_sql("ANALYZE network_facets")
        connection.exec_driver_sql("ANALYZE post_indicators")  # the indicator filter's rows


def _with_post_columns(connection, rows: list[dict]) -> list[dict]:
    """Analysis rows with their post's date, source and kind, which the workspace lists order
    and filter by."""
    pks = [row["post_pk"] for row in rows]
    query = select(posts.c.pk, posts.c.posted_ts, posts.c.source, posts.c.kind)
    found = {row.pk: row for row in select_where_in(connection, query, posts.c.pk, pks)}
    missing = (None, None, None, None)
    return [
        {**row, "posted_ts": post[1], "source": post[2], "kind": post[3]}
        for row in rows
        for post in (found.get(row["post_pk"], missing),)
    ]


def export_select():
    """Posts joined to their analysis, with the columns `export.posts.export_object` reads."""
    return select(
        posts.c.pk,
        posts.c.post_id,
        posts.c.source,
        posts.c.city,
        post_analysis.c.city.label("a_city"),
        post_analysis.c.department,
        post_analysis.c.phones,
        post_analysis.c.handles,
        post_analysis.c.stated_ages,
        post_analysis.c.indicators,
        post_analysis.c.score_minor,
        post_analysis.c.score_control,
        post_analysis.c.score_recruitment,
        post_analysis.c.flags,
        post_analysis.c.network_id,
        post_analysis.c.analyzed_at,
    ).select_from(posts.outerjoin(post_analysis, post_analysis.c.post_pk == posts.c.pk))


def iter_export_rows(store: Store, batch_size: int = 10_000) -> Iterator:
    """Every post's export row, in storage order, read in keyset batches."""
    query = export_select().order_by(posts.c.pk).limit(batch_size)
    last = 0
    while True:
        with store.engine.connect() as connection:
            rows = connection.execute(query.where(posts.c.pk > last)).mappings().all()
        if not rows:
            return
        yield from rows
        last = rows[-1]["pk"]
