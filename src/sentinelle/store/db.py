"""Opening a store: engine, connection settings per dialect, migrations to head."""

from __future__ import annotations

import fcntl
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from sentinelle.config import database_url
from sentinelle.errors import StoreError
from sentinelle.store.migrations import HEAD

_MMAP_SIZE = 1 << 30  # SQLite reads through a 1 GB memory map: page reads without syscalls
_CACHE_KB = 200_000  # and keeps up to 200 MB of pages per connection


@dataclass(frozen=True)
class Store:
    """An open database. Repository modules (`store.posts`, ...) take it as first argument."""

    engine: Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def bulk_pass(connection: Connection) -> Iterator[None]:
    """Read or write a whole table through a small cache and no memory map: one pass gains nothing
    from either, and every page they held would count in the process's memory (SQLite only)."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        connection.exec_driver_sql("PRAGMA mmap_size=0")
        connection.exec_driver_sql("PRAGMA cache_size=-8000")
    try:
        yield
    finally:
        if sqlite:
            connection.exec_driver_sql(f"PRAGMA mmap_size={_MMAP_SIZE}")
            connection.exec_driver_sql(f"PRAGMA cache_size=-{_CACHE_KB}")


# Lock files this process holds: forked workers close their copies (`pipeline.workers`), so
# the lock belongs to the parent alone and dies with it.
HELD_LOCK_FDS: set[int] = set()


@contextmanager
def exclusive(store: Store, name: str) -> Iterator[None]:
    """Hold the store's lock called `name` meanwhile; if another process holds it, fail at once.

    Two `analyze` runs on one store would link the same posts twice and race on network ids.
    SQLite: an OS file lock beside the database (released by the OS if the process dies);
    PostgreSQL: a session advisory lock.
    """
    if store.dialect == "postgresql":
        with store.engine.connect() as connection:
            key = zlib.crc32(name.encode())
            taken = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key})
            if not taken.scalar_one():
                raise StoreError(_busy(name))
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                connection.commit()
        return
    database = store.engine.url.database
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.{name}.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(_busy(name)) from None
        HELD_LOCK_FDS.add(handle.fileno())
        try:
            yield
        finally:
            HELD_LOCK_FDS.discard(handle.fileno())
            fcntl.flock(handle, fcntl.LOCK_UN)


def _busy(name: str) -> str:
    return f"another `{name}` is running on this store; wait for it to finish, then try again"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the web app read while analyze writes; NORMAL sync is safe with WAL. Temporary
    # storage stays the default (files): big sorts (index builds over millions of evidence
    # rows) spill to disk instead of holding the process's memory.
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=NORMAL",
        "foreign_keys=ON",
        f"cache_size=-{_CACHE_KB}",
        f"mmap_size={_MMAP_SIZE}",
        "busy_timeout=30000",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _alembic_config(connection):
    from alembic.config import Config

    config = Config()
    location = resources.files("sentinelle.store") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["connection"] = connection
    return config


def current_revision(connection) -> str | None:
    """The schema's Alembic revision, or None for an empty database."""
    if not connection.dialect.has_table(connection, "alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


_PG_MIGRATE_LOCK = 7_243_003


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest migration; a no-op (one query) when it is already there.

    Under a lock (PostgreSQL advisory lock; a file lock beside a SQLite file), so two processes
    opening a fresh store migrate it once, the second finding it done."""
    with engine.connect() as connection:
        if current_revision(connection) == HEAD:
            return
    with _migration_lock(engine), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATE_LOCK})
        elif connection.dialect.name == "sqlite":
            # pysqlite begins a transaction only before DML, so each CREATE committed alone: a
            # process killed mid-migration left tables without their revision, and the store
            # could not be opened again ("table posts already exists"). One transaction, as on
            # PostgreSQL: SQLite's DDL is transactional.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        if current_revision(connection) == HEAD:
            return
        from alembic import command

        command.upgrade(_alembic_config(connection), "head")


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    try:
        handle = open(f"{database}.migrate.lock", "a")  # noqa: SIM115 - closed below
    except OSError:  # a read-only folder: the migration itself will say what is wrong
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # waits for the other process's migration
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_only_place(engine: Engine) -> bool:
    """Whether a SQLite store sits in a folder this process cannot write (WAL needs to)."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        return False
    folder = os.path.dirname(database) or "."
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY) or not os.access(folder, os.W_OK)
    except OSError:
        return False


def open_store(
    url: str | None = None, *, migrate_schema: bool = True, connections: int | None = None
) -> Store:
    """Open the database named by `url` (else SENTINELLE_DB) and migrate it to head.

    `connections` keeps that many connections open for concurrent use (the web server's
    threads); past them a connection is opened and closed per use, which costs a PostgreSQL
    backend start or, on SQLite, a cold page cache. Default: SQLAlchemy's 5."""
    resolved = database_url(url)
    options: dict = {"pool_pre_ping": not resolved.startswith("sqlite")}  # a file cannot drop
    if connections is not None:
        options |= {"pool_size": connections, "max_overflow": connections // 2}
    try:
        engine = create_engine(resolved, **options)
    except (ArgumentError, NoSuchModuleError, ValueError) as error:
        raise StoreError(f"bad database URL {resolved!r}: {error}") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        if migrate_schema:
            migrate(engine)
        else:
            engine.connect().close()
    except OperationalError as error:
        engine.dispose()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        if _read_only_place(engine):
            raise StoreError(
                f"the store {engine.url.database} cannot be written (its folder is read-only): "
                "remount it read-write or fix its permissions, or point --db at a writable store"
            ) from error
        raise StoreError(f"cannot open database {engine.url!r}: {reason}") from error
    return Store(engine)
