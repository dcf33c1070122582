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
