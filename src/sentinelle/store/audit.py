"""The audit log table: append-only rows, each carrying the hash of the one before.

`seq` is unique, so two writers that read the same last entry cannot both append after it:
the loser retries on the new last entry, and the chain never forks.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator

from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    Integer,
    String,
    Table,
    Text,
    insert,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError

from sentinelle.store.db import Store
from sentinelle.store.schema import metadata

GENESIS = "0" * 64

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", Float, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("role", String(20), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", Text, nullable=False),
    Column("client", String(100), nullable=False),
    Column("detail", Text, nullable=False),  # JSON object
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # How `hash` was made (migration 0007): null = plain SHA-256 chain, 2 = HMAC with the key.
    Column("hash_version", Integer),
)

# Row (without seq, prev_hash, hash) + (seq, prev_hash) -> the complete row to insert.
RowMaker = Callable[[int, str], dict]


# Arbitrary constant naming the audit log's PostgreSQL advisory lock.
_PG_LOCK = 7_243_001


def _lock_chain(connection) -> None:
    """Take the database's write lock before reading the last entry, so concurrent writers
    (threads or server processes) queue instead of colliding and retrying."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
    elif connection.dialect.name == "sqlite":
        # pysqlite has not begun a transaction yet (it only does before DML): begin it as a
        # writer now.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


# Threads of one process queue here rather than in the database's lock (SQLite's busy
# handler sleeps in growing steps, which turns a 1 ms wait into tens of milliseconds).
_PROCESS_LOCK = threading.Lock()


class _Waiting:
    """An entry waiting for the transaction that appends it."""

    __slots__ = ("error", "make_row", "row")

    def __init__(self, make_row: RowMaker) -> None:
        self.make_row = make_row
        self.row: dict | None = None
        self.error: BaseException | None = None


_waiting: dict[object, list[_Waiting]] = {}  # per database (engine)
_waiting_lock = threading.Lock()


def append(store: Store, make_row: RowMaker, attempts: int = 20) -> dict:
    """Append one entry after the current last one; retries if another writer still won.

    Group commit: entries that threads of this process add while a transaction is being
    written go in the next transaction together, so a burst costs one commit (one disk flush,
    a few ms on PostgreSQL) per batch instead of one per entry, each entry still committed
    before its caller goes on."""
    mine = _Waiting(make_row)
    with _waiting_lock:
        _waiting.setdefault(store.engine, []).append(mine)
    with _PROCESS_LOCK:
        if mine.row is None and mine.error is None:  # no earlier batch took it: write one
            with _waiting_lock:
                batch = _waiting.pop(store.engine)
            try:
                rows = _append(store, [waiting.make_row for waiting in batch], attempts)
                for waiting, row in zip(batch, rows, strict=True):
                    waiting.row = row
            except Exception as error:  # every caller in the batch hears of it
                for waiting in batch:
                    waiting.error = error
    if mine.error is not None:
        raise mine.error
    assert mine.row is not None
    return mine.row


def _append(store: Store, makers: list[RowMaker], attempts: int) -> list[dict]:
    last_query = select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc())
    for attempt in range(attempts):
        try:
            with store.engine.begin() as connection:
                _lock_chain(connection)
                last = connection.execute(last_query.limit(1)).first()
                seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
                rows = []
                for offset, make_row in enumerate(makers):
                    rows.append(make_row(seq + offset, prev))
                    prev = rows[-1]["hash"]
                connection.execute(insert(audit_log), rows)
            return rows
        except IntegrityError:
            time.sleep(random.uniform(0, 0.002 * (attempt + 1)))
    raise RuntimeError("audit log is too busy: could not append after several attempts")


def iter_entries(store: Store, batch_size: int = 5000) -> Iterator[dict]:
    """Every entry in chain order."""
    last = 0
    query = select(audit_log).order_by(audit_log.c.seq).limit(batch_size)
    while True:
        with store.engine.connect() as connection:
            rows = connection.execute(query.where(audit_log.c.seq > last)).mappings().all()
        if not rows:
            return
        yield from (dict(row) for row in rows)
        last = rows[-1]["seq"]


def recent_entries(
    store: Store,
    *,
    limit: int = 100,
    before: int | None = None,
    actor: str | None = None,
    action: str | None = None,
) -> list[dict]:
    """Newest first, keyset-paged by `before` (a seq)."""
    query = select(audit_log).order_by(audit_log.c.seq.desc()).limit(limit)
    if before:
        query = query.where(audit_log.c.seq < before)
    if actor:
        query = query.where(audit_log.c.actor == actor)
    if action:
        query = query.where(audit_log.c.action == action)
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def first_seq(store: Store) -> int | None:
    """The oldest entry kept (1 unless a retention purge removed older ones)."""
    from sqlalchemy import func

    with store.engine.connect() as connection:
        return connection.execute(select(func.min(audit_log.c.seq))).scalar()


def last_is_keyed(store: Store) -> bool:
    """Whether the newest entry was chained with the key (hash_version 2)."""
    query = select(audit_log.c.hash_version).order_by(audit_log.c.seq.desc()).limit(1)
    with store.engine.connect() as connection:
        return (connection.execute(query).scalar() or 1) >= 2
