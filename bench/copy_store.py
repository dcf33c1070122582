"""Copy an analysed SQLite store into a new PostgreSQL database, row for row, for the web
benchmark on PostgreSQL with the same posts, networks and URLs as on SQLite.

    python bench/copy_store.py large.db postgresql://postgres@127.0.0.1:5432/sentinelle_web_1m

The database is created (it must not exist) and migrated to the schema head by opening it;
every table the schema has is then COPYed in foreign-key order with its secondary indexes
dropped, which are built again afterwards, and the sequences are set past the copied keys.
SQLite's own text index is not copied: PostgreSQL's is an index over `posts`.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sentinelle.store import accounts, audit, cases, labels, open_store, scoring  # noqa: F401
from sentinelle.store.schema import metadata  # complete once the modules above define theirs

_BATCH = 50_000


def create_database(url: str) -> None:
    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            raise SystemExit(f"database {name} exists: drop it first or choose another name")
        admin.execute(f'CREATE DATABASE "{name}"')
    open_store(url).close()  # migrations to the head


def _secondary_indexes(pg, table: str) -> list[tuple[str, str]]:
    """(name, definition) of the indexes no constraint owns (those can be dropped)."""
    return pg.execute(
        """SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.tablename = %s AND i.schemaname = 'public' AND NOT EXISTS (
            SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""",
        (table,),
    ).fetchall()


def _pg_booleans(pg, table: str) -> set[str]:
    rows = pg.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
        "AND data_type = 'boolean'",
        (table,),
    )
    return {name for (name,) in rows}


def copy_table(lite: sqlite3.Connection, pg, table) -> int:
    names = [c.name for c in table.columns]
    booleans = _pg_booleans(pg, table.name)
    flags = [name in booleans for name in names]
    quoted = ", ".join(f'"{n}"' for n in names)
    rows = lite.execute(f'SELECT {quoted} FROM "{table.name}"')
    count = 0
    with pg.cursor().copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        while batch := rows.fetchmany(_BATCH):
            for row in batch:
                copy.write_row(
                    [
                        bool(v) if flag and v is not None else v
                        for v, flag in zip(row, flags, strict=True)
                    ]
                )
            count += len(batch)
    return count


def set_sequences(pg) -> None:
    columns = pg.execute(
        """SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_default LIKE 'nextval%%'"""
    ).fetchall()
    for table, column in columns:
        pg.execute(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), "
            f'COALESCE((SELECT max("{column}") FROM "{table}"), 0) + 1, false)',
            (table, column),
        )


def copy_store(sqlite_path: str, url: str) -> None:
    started = time.perf_counter()
    create_database(url)
    lite = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True, isolation_level=None)
    lite.execute("BEGIN")  # one snapshot for every table, while a server may write
    present = {r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    with psycopg.connect(url) as pg:
        for table in metadata.sorted_tables:
            if table.name not in present:
                continue
            indexes = _secondary_indexes(pg, table.name)
            for name, _ in indexes:
                pg.execute(f'DROP INDEX "{name}"')
            pg.execute(f'DELETE FROM "{table.name}"')  # rows the migrations wrote (defaults)
            count = copy_table(lite, pg, table)
            for _, definition in indexes:
                pg.execute(definition)
            pg.commit()
            print(f"  {table.name}: {count:,} rows ({time.perf_counter() - started:.0f}s)")
        set_sequences(pg)
        pg.commit()
    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute("VACUUM ANALYZE")
    print(f"copied in {time.perf_counter() - started:.0f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sqlite")
    parser.add_argument("postgres_url")
    args = parser.parse_args()
    copy_store(args.sqlite, args.postgres_url)


if __name__ == "__main__":
    main()
