"""Opening a store: engine, connection settings per dialect, migrations to head."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from sentinelle.config import database_url
from sentinelle.errors import StoreError


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


def _alembic_config(connection) -> Config:
    config = Config()
    location = resources.files("sentinelle.store") / "migrations"
    config.set_main_option("script_location", str(location))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest migration; a no-op (one query) when it is already there."""
    with engine.begin() as connection:
        config = _alembic_config(connection)
        head = ScriptDirectory.from_config(config).get_current_head()
        current = MigrationContext.configure(connection).get_current_revision()
        if current != head:
            command.upgrade(config, "head")


def open_store(url: str | None = None, *, migrate_schema: bool = True) -> Store:
    """Open the database named by `url` (else SENTINELLE_DB) and migrate it to head."""
    resolved = database_url(url)
    try:
        engine = create_engine(resolved, pool_pre_ping=True)
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
