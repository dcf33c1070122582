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


def append(store: Store, make_row: RowMaker, attempts: int = 20) -> dict:
    """Append one entry after the current last one; retries if another writer still won."""
    with _PROCESS_LOCK:
        return _append(store, make_row, attempts)


def _append(store: Store, make_row: RowMaker, attempts: int) -> dict:
    last_query = select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc())
    for attempt in range(attempts):
        try:
            with store.engine.begin() as connection:
                _lock_chain(connection)
                last = connection.execute(last_query.limit(1)).first()
                seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
                row = make_row(seq, prev)
                connection.execute(insert(audit_log), row)
            return row
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
