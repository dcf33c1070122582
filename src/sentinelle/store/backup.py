"""Backups of a store: SQLite's online backup API (a consistent copy while others write),
`pg_dump`'s custom format for PostgreSQL; and restoring either. The audit checkpoints beside a
SQLite store travel with it, so a restored store's log still verifies."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sentinelle.errors import StoreError
from sentinelle.store.db import Store


def _libpq_url(store: Store) -> str:
    return store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _checkpoints(database: str) -> Path:
    return Path(f"{database}.audit-checkpoints")


def _sqlite_copy(source: str, destination: str) -> None:
    """SQLite's online backup from one file to another, the audit checkpoints along."""
    reader, writer = sqlite3.connect(source), sqlite3.connect(destination)
    try:
        reader.backup(writer)
    except sqlite3.Error as error:
        writer.close()
        Path(destination).unlink(missing_ok=True)
        raise StoreError(f"copy to {destination} failed: {error}") from error
    finally:
        writer.close()
        reader.close()
    if _checkpoints(source).exists():
        shutil.copyfile(_checkpoints(source), _checkpoints(destination))


def backup(store: Store, destination: str) -> str:
    """Write a backup of `store` to `destination`; returns what was written."""
    target = Path(destination)
    if target.exists():
        raise StoreError(f"{destination} exists: choose a new name (a backup never overwrites)")
    if store.dialect == "sqlite":
        _sqlite_copy(store.engine.url.database, destination)
        return f"SQLite backup written to {destination}"
    if store.dialect == "postgresql":
        _run(["pg_dump", "--format=custom", "--file", destination, _libpq_url(store)], target)
        return f"PostgreSQL dump written to {destination} (custom format; pg_restore reads it)"
    raise StoreError(f"no backup for a {store.dialect} store")


def restore(store_url: str, source: str) -> str:
    """Restore a backup into the store named by `store_url`, which must hold no posts yet."""
    from sqlalchemy.engine import make_url

    from sentinelle.store import open_store
    from sentinelle.store.posts import has_posts

    if not Path(source).exists():
        raise StoreError(f"{source}: no such backup")
    url = make_url(store_url)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if Path(database).exists() and Path(database).stat().st_size > 0:
            raise StoreError(f"{database} exists: restore into a new file")
    store = open_store(store_url, migrate_schema=False)
    try:
        if store.dialect == "sqlite":
            database = store.engine.url.database
            store.close()
            _sqlite_copy(source, database)
            return f"restored {source} into {database}"
        from sentinelle.store.db import current_revision

        with store.engine.connect() as connection:
            if current_revision(connection) is not None and has_posts(store):
                raise StoreError("the target database already holds posts: restore into a new one")
        _run(["pg_restore", "--no-owner", "--dbname", _libpq_url(store), source], None)
        return f"restored {source} into the PostgreSQL database"
    finally:
        store.close()


def _run(command: list[str], partial: Path | None) -> None:
    try:
        done = subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        raise StoreError(f"{command[0]} is not installed (Debian: postgresql-client)") from None
    if done.returncode != 0:
        if partial is not None:
            partial.unlink(missing_ok=True)
        lines = done.stderr.strip().splitlines() or ["no message"]
        raise StoreError(f"{command[0]} failed: {lines[-1]}")
