"""Set-based writes (`store.bulk`) on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select

from sentinelle.store.bulk import update_rows


def _table(tmp_path: Path):
    engine = create_engine(f"sqlite:///{tmp_path / 'bulk.db'}")
    table = Table("t", MetaData(), Column("pk", Integer, primary_key=True), Column("v", String))
    table.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(table.insert(), [{"pk": 1, "v": "a"}, {"pk": 2, "v": "b"}])
    return engine, table


def test_update_rows_sets_the_other_columns_by_key(tmp_path: Path) -> None:
    engine, table = _table(tmp_path)
    with engine.begin() as connection:
        update_rows(connection, table, "pk", [{"pk": 2, "v": "z"}])
    with engine.connect() as connection:
        assert connection.execute(select(table.c.v).order_by(table.c.pk)).scalars().all() == [
            "a",
            "z",
        ]


def test_update_rows_without_a_column_to_set_changes_nothing(tmp_path: Path) -> None:
    engine, table = _table(tmp_path)
    with engine.begin() as connection:
        update_rows(connection, table, "pk", [{"pk": 1}])
        update_rows(connection, table, "pk", [])
    with engine.connect() as connection:
        assert connection.execute(select(table.c.v)).scalars().all() == ["a", "b"]
