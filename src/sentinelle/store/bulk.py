"""Bulk writes, the one place where dialects differ for speed.

SQLAlchemy's executemany builds a parameter dict per row; for SQLite we hand the driver plain
tuples instead (several times faster). PostgreSQL keeps SQLAlchemy's batched "insertmanyvalues".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from operator import itemgetter

from sqlalchemy import Connection, MetaData, Table, bindparam, insert


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
        # itemgetter of several keys gives a tuple per row, at C speed
        cursor.executemany(
            sql,
            map(itemgetter(*columns), rows)
            if len(columns) > 1
            else [(row[columns[0]],) for row in rows],
        )
        return
    connection.execute(insert(table), rows)


def update_rows(connection: Connection, table: Table, key: str, rows: list[dict]) -> None:
    """UPDATE each row of `table` whose `key` is the row's, setting its other keys (every row
    has the same keys). SQLite: the driver's executemany of plain tuples."""
    columns = tuple(name for name in rows[0] if name != key) if rows else ()
    if not columns:
        return  # nothing to set
    if connection.dialect.name == "sqlite":
        assignments = ", ".join(f'"{c}" = ?' for c in columns)
        sql = f'UPDATE "{table.name}" SET {assignments} WHERE "{key}" = ?'
        cursor = connection.connection.driver_connection.cursor()
        try:
            cursor.executemany(sql, map(itemgetter(*columns, key), rows))
        finally:
            cursor.close()
        return
    # the key only names the row: under its own name it would be SET as well
    statement = (
        table.update()
        .where(table.c[key] == bindparam("key_"))
        .values({c: bindparam(c) for c in columns})
    )
    params = [{c: row[c] for c in columns} | {"key_": row[key]} for row in rows]
    connection.execute(statement, params)


_IN_CHUNK = 500


def select_where_in(connection: Connection, query, column, values: Iterable) -> Iterator:
    """Rows of `query` whose `column` is in `values`, asked in chunks the drivers accept."""
    values = list(values)
    for start in range(0, len(values), _IN_CHUNK):
        yield from connection.execute(query.where(column.in_(values[start : start + _IN_CHUNK])))


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


_STREAM_CHUNK = 50_000


def insert_tuples(
    connection: Connection, table: Table, columns: tuple[str, ...], rows: Iterable[tuple]
) -> None:
    """Insert rows given as tuples in `columns` order, streamed: millions of rows (linking's
    evidence) never sit in memory as dicts. PostgreSQL takes them through COPY."""
    dialect = connection.dialect.name
    if dialect == "sqlite":
        cursor = connection.connection.driver_connection.cursor()
        cursor.executemany(_sqlite_insert_sql(table, columns), rows)
    elif dialect == "postgresql":
        names = ", ".join(f'"{c}"' for c in columns)
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
    else:
        for chunk in _chunks(iter(rows), _STREAM_CHUNK):
            connection.execute(
                insert(table), [dict(zip(columns, row, strict=True)) for row in chunk]
            )


def set_column(
    connection: Connection, table: Table, key: str, column: str, pairs: Iterable[tuple]
) -> None:
    """SET `column` = value WHERE `key` = k for each (value, k) of `pairs`, in bulk."""
    if connection.dialect.name == "sqlite":
        cursor = connection.connection.driver_connection.cursor()
        sql = f'UPDATE "{table.name}" SET "{column}" = ? WHERE "{key}" = ?'
        cursor.executemany(sql, pairs)
        return
    # PostgreSQL: COPY the pairs into a temporary table, then one UPDATE ... FROM
    dialect = connection.dialect
    key_type = table.c[key].type.compile(dialect)
    value_type = table.c[column].type.compile(dialect)
    temp = f"set_{table.name}_{column}"
    connection.exec_driver_sql(f'CREATE TEMP TABLE "{temp}" (v {value_type}, k {key_type})')
    insert_tuples(connection, Table(temp, MetaData()), ("v", "k"), pairs)
    connection.exec_driver_sql(
        f'UPDATE "{table.name}" SET "{column}" = t.v FROM "{temp}" t WHERE "{key}" = t.k'
    )
    connection.exec_driver_sql(f'DROP TABLE "{temp}"')


def _chunks(rows: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(rows, size)):
        yield chunk
