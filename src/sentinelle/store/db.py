"""Opening a store: engine, connection settings per dialect, migrations to head."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from sentinelle.config import database_url
from sentinelle.errors import StoreError
from sentinelle.store.migrations import HEAD


@dataclass(frozen=True)
class Store:
    """An open database. Repository modules (`store.posts`, ...) take it as first argument."""

    engine: Engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the web app read while analyze writes; NORMAL sync is safe with WAL.
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "synchronous=NORMAL",
        "foreign_keys=ON",
        "temp_store=MEMORY",
        "cache_size=-200000",
        "mmap_size=1073741824",
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


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest migration; a no-op (one query) when it is already there."""
    with engine.begin() as connection:
        if current_revision(connection) == HEAD:
            return
        from alembic import command

        command.upgrade(_alembic_config(connection), "head")


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
        raise StoreError(f"cannot open database {engine.url!r}: {reason}") from error
    return Store(engine)
