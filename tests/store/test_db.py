from __future__ import annotations

import pytest
from sqlalchemy import inspect

from sentinelle.errors import StoreError
from sentinelle.store import open_store


def test_opening_migrates_to_head_and_is_idempotent(store_url):
    first = open_store(store_url)
    tables = set(inspect(first.engine).get_table_names())
    assert {"posts", "post_versions", "post_analysis", "post_identifiers", "quarantine"} <= tables
    first.close()
    open_store(store_url).close()  # already at head: no error, nothing to do


def test_bad_urls_are_store_errors(tmp_path):
    with pytest.raises(StoreError, match="bad database URL"):
        open_store("nosuchdb://x")
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(str(tmp_path / "missing-dir" / "x.db"))


def test_head_constant_matches_the_migration_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from sentinelle.store import migrations

    config = Config()
    config.set_main_option("script_location", migrations.__path__[0])
    assert ScriptDirectory.from_config(config).get_current_head() == migrations.HEAD


def test_migration_0006_dates_existing_analysis_rows(store_url):
    from alembic import command
    from sqlalchemy import create_engine, text

    from sentinelle.store.db import _alembic_config

    engine = create_engine(store_url if "://" in store_url else f"sqlite:///{store_url}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0005_text_segments")
        connection.execute(
            text(
                "INSERT INTO posts (pk, source, post_id, kind, text, posted_at, posted_ts, "
                "image_phashes, extra, content_hash, version, ingested_at, pending) VALUES "
                "(7, 's', 'a', 'ad', 't', '2024-01-01T00:00:00+00:00', 1704067200, '[]', '{}', "
                "'h', 1, 0, false)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO post_analysis (post_pk, phones, handles, stated_ages, prices, "
                "mentions, obfuscated_phones, flags, indicators, analyzed_at) VALUES "
                "(7, '[]', '[]', '[]', '[]', '{}', 0, 1, '[]', 0)"
            )
        )
    engine.dispose()
    store = open_store(store_url)
    with store.engine.connect() as connection:
        dated = connection.execute(text("SELECT posted_ts FROM post_analysis")).scalar()
    store.close()
    assert dated == 1704067200
