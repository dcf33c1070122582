"""Quarantined input records: every record that could not be stored, with where and why."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, insert, select

from sentinelle.store.db import Store
from sentinelle.store.schema import quarantine


@dataclass(slots=True, frozen=True)
class QuarantineEntry:
    """Where a bad record was read, which field broke the contract, why, and its exact bytes."""

    file: str
    line: int | None
    field: str | None
    reason: str
    raw: bytes | None
    kind: str = "post"
    key: str | None = None  # set by ingest: the same record quarantined again adds no row


def add_entries(store: Store, entries: Iterable[QuarantineEntry]) -> int:
    """Store quarantined records in bulk; returns how many were given. An entry whose `key`
    is already stored (a rerun over the same file) is not added again."""
    now = time.time()
    rows = [
        {
            "kind": e.kind,
            "file": e.file,
            "line": e.line,
            "field": e.field,
            "reason": e.reason,
            "raw": e.raw,
            "quarantined_at": now,
            "record_key": e.key,
        }
        for e in entries
    ]
    if rows:
        with store.engine.begin() as connection:
            connection.execute(_insert_new(connection.dialect.name), rows)
    return len(rows)


def _insert_new(dialect: str):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        return insert(quarantine)
    return dialect_insert(quarantine).on_conflict_do_nothing(index_elements=["record_key"])


def list_entries(store: Store, *, kind: str | None = None, limit: int = 100) -> Iterator[dict]:
    """The most recent quarantined records first."""
    query = select(quarantine).order_by(quarantine.c.pk.desc()).limit(limit)
    if kind:
        query = query.where(quarantine.c.kind == kind)
    with store.engine.connect() as connection:
        for row in connection.execute(query):
            yield dict(row._mapping)


def count_entries(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(quarantine)).scalar_one()
