"""Bulk writes, the one place where dialects differ for speed.

SQLAlchemy's executemany builds a parameter dict per row; for SQLite we hand the driver plain
tuples instead (several times faster). PostgreSQL keeps SQLAlchemy's batched "insertmanyvalues".
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Connection, Table, insert


@lru_cache(maxsize=64)
def _sqlite_insert_sql(table: Table, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    return f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'


def insert_rows(connection: Connection, table: Table, rows: list[dict]) -> None:
    """Insert rows that all have the same keys, as fast as the dialect allows."""
    if not rows:
        return
    if connection.dialect.name == "sqlite":
        columns = tuple(rows[0])
        sql = _sqlite_insert_sql(table, columns)
        cursor = connection.connection.driver_connection.cursor()
        cursor.executemany(sql, [tuple(row[c] for c in columns) for row in rows])
        return
    connection.execute(insert(table), rows)


_IN_CHUNK = 500


def delete_where_in(connection: Connection, table: Table, column: str, values: list) -> None:
    """DELETE rows whose `column` is in `values`, in chunks the drivers accept."""
    col = table.c[column]
    for start in range(0, len(values), _IN_CHUNK):
        connection.execute(table.delete().where(col.in_(values[start : start + _IN_CHUNK])))


def update_where_in(
    connection: Connection, table: Table, column: str, values: list, changes: dict
) -> None:
    """UPDATE rows whose `column` is in `values` with the same `changes`, in chunks."""
    col = table.c[column]
    for start in range(0, len(values), _IN_CHUNK):
        chunk = values[start : start + _IN_CHUNK]
        connection.execute(table.update().where(col.in_(chunk)).values(**changes))
