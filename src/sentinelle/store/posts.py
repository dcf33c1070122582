"""Posts in the store: idempotent bulk saves with history, pending work, analysis results."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import orjson
from sqlalchemy import bindparam, func, insert, select, text, update

from sentinelle.records import POST_FIELDS, Post
from sentinelle.records import content_hash as post_content_hash
from sentinelle.store.bulk import delete_where_in, insert_rows, select_where_in, update_where_in
from sentinelle.store.db import Store
from sentinelle.store.schema import post_analysis, post_identifiers, post_versions, posts

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
        counts = SaveCounts()
        now = time.time()
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
        superseded_keys = {(post.source, post.id) for post, _, _ in superseded}
        seen_now: dict[bytes, str] = {}
        with self.store.engine.begin() as connection:
            _lock_writers(connection)
            if not self._store_had_posts and _max_pk(connection) != (self._last_pk or 0):
                self._store_had_posts = True  # another writer stored posts since we looked
            lookup = []
            for key, (_, _, content_hash) in latest.items():
                seen = self._seen.get(_key_digest(key))
                if seen == content_hash and key not in superseded_keys:
                    continue  # a duplicate of what this run stored: no query needed
                if seen is not None or self._store_had_posts:
                    lookup.append(key)
            existing = _existing(connection, sorted(lookup)) if lookup else {}
            # Earlier in-batch versions of a key are saved first so history keeps their order.
            for post, posted_ts, content_hash in superseded:
                _apply(connection, existing, post, posted_ts, content_hash, now, counts)
            new_rows = []
            for key, (post, posted_ts, content_hash) in latest.items():
                digest = _key_digest(key)
                if key in existing:
                    _apply(connection, existing, post, posted_ts, content_hash, now, counts)
                elif self._seen.get(digest) == content_hash:
                    counts.duplicates += 1
                else:
                    new_rows.append(post_to_row(post, posted_ts, content_hash, now))
                seen_now[digest] = content_hash
            inserted = _insert_new(connection, new_rows)
            counts.stored += inserted
            if inserted < len(new_rows):  # stored meanwhile by a writer that took no lock
                _resolve_conflicts(connection, new_rows, now, counts)
            self._last_pk = _max_pk(connection)
        self._seen.update(seen_now)  # only once committed: a failed batch leaves no trace
        return counts


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
        cursor.executemany(sql, [tuple(row[c] for c in columns) for row in rows])
        return cursor.rowcount
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    statement = (
        pg_insert(posts)
        .on_conflict_do_nothing(index_elements=["source", "post_id"])
        .returning(posts.c.pk)
    )
    return len(connection.execute(statement, rows).all())


def _resolve_conflicts(connection, rows: list[dict], now: float, counts: SaveCounts) -> None:
    """Rows another writer stored first: each is now a duplicate or a new version of theirs."""
    existing = _existing(connection, [(row["source"], row["post_id"]) for row in rows])
    for row in rows:
        stored = existing[(row["source"], row["post_id"])]
        if stored["ingested_at"] == now and stored["content_hash"] == row["content_hash"]:
            continue  # ours
        post = row_to_post(row)
        _apply(connection, existing, post, row["posted_ts"], row["content_hash"], now, counts)


def save_posts(store: Store, batch: Sequence[tuple[Post, float, str]]) -> SaveCounts:
    """Save one batch with a fresh writer (small callers); bulk loads keep one `PostWriter`."""
    return PostWriter(store).save(batch)


def _known_version(connection, post_pk: int, content_hash: str) -> bool:
    """Whether `content_hash` is one of the post's earlier versions (rare path: a changed key)."""
    query = select(post_versions.c.content_hash, post_versions.c.content).where(
        post_versions.c.post_pk == post_pk
    )
    for stored_hash, content in connection.execute(query):
        if (stored_hash or _hash_of_contract(content)) == content_hash:
            return True
    return False


def _hash_of_contract(content: str) -> str:
    """The digest of a history row stored before 0007 (no digest column then)."""
    fields = orjson.loads(content)
    known = {name: fields.pop(name, None) for name in POST_FIELDS}
    post = Post(
        source=known["source"],
        id=known["id"],
        kind=known["kind"],
        text=known["text"],
        posted_at=known["posted_at"],
        url=known["url"],
        city=known["city"],
        title=known["title"],
        author=known["author"],
        image_phashes=known["image_phashes"] or [],
        extra=fields,
    )
    return post_content_hash(post)


def _apply(connection, existing, post, posted_ts, content_hash, now, counts) -> None:
    """Save one post whose key may already be stored (rare path: re-ingest or change)."""
    key = (post.source, post.id)
    old = existing.get(key)
    if old is None:
        row = post_to_row(post, posted_ts, content_hash, now)
        pk = connection.execute(insert(posts).returning(posts.c.pk), row).scalar_one()
        existing[key] = {**row, "pk": pk, "version": 1}
        counts.stored += 1
        return
    if old["content_hash"] == content_hash or _known_version(connection, old["pk"], content_hash):
        counts.duplicates += 1
        return
    history = orjson.dumps(_contract_dict(old)).decode()
    connection.execute(
        insert(post_versions),
        {
            "post_pk": old["pk"],
            "version": old["version"],
            "content": history,
            "replaced_at": now,
            "content_hash": old["content_hash"],
        },
    )
    row = post_to_row(post, posted_ts, content_hash, now)
    row["version"] = old["version"] + 1
    connection.execute(update(posts).where(posts.c.pk == old["pk"]).values(**row))
    existing[key] = {**row, "pk": old["pk"]}
    counts.updated += 1


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
        rows = _with_posted_ts(connection, rows)
        delete_where_in(connection, post_analysis, "post_pk", pks)
        delete_where_in(connection, post_identifiers, "post_pk", pks)
        insert_rows(connection, post_analysis, rows)
        insert_rows(connection, post_identifiers, identifiers)
        update_where_in(connection, posts, "pk", pks, {"pending": False})


def refresh_statistics(store: Store) -> None:
    """The query planners' figures for posts and their analyses, after a run changed many
    (under a second at 1M posts): SQLite has none until asked, and without them reads a
    whole source to sort it where walking dates would stop after a page."""
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE posts")
        connection.exec_driver_sql("ANALYZE post_analysis")


def _with_posted_ts(connection, rows: list[dict]) -> list[dict]:
    """Analysis rows with their post's date, which the workspace lists order by."""
    pks = [row["post_pk"] for row in rows]
    query = select(posts.c.pk, posts.c.posted_ts)
    dates = dict(select_where_in(connection, query, posts.c.pk, pks))
    return [{**row, "posted_ts": dates.get(row["post_pk"])} for row in rows]


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
