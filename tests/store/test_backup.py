"""Backup and restore through the CLI, on both engines: the restored store holds the same
posts, history, quarantine and an audit chain that verifies."""

from __future__ import annotations

import uuid
from pathlib import Path

from conftest import PG_ADMIN_URL, _pg_admin
from factories import jsonl, post_dict
from sentinelle.audit import record_event, verify
from sentinelle.auth import Actor
from sentinelle.store import open_store
from sentinelle.store.posts import count_posts, post_versions_of
from sentinelle.store.quarantine import count_entries


def _fresh_target(store_url: str, tmp_path: Path) -> tuple[str, str | None]:
    if "://" not in store_url:
        return str(tmp_path / "restored.db"), None
    name = f"sentinelle_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}", name


def test_backup_then_restore_gives_the_same_store(cli, store_url: str, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SENTINELLE_AUDIT_KEY", "a" * 40)
    source = tmp_path / "posts.jsonl"
    source.write_bytes(
        jsonl(post_dict(1), post_dict(2), post_dict(1, text="Dispo Lyon, nouvelle version"))
        + b"{broken\n"
    )
    assert cli("ingest", str(source), db=store_url).returncode == 0
    store = open_store(store_url)
    record_event(store, Actor("lea", "analyst"), "post.view", "annonces-test/p00001")
    store.close()
    backup_file = str(tmp_path / "store.backup")
    made = cli("backup", backup_file, db=store_url)
    assert made.returncode == 0, made.stderr
    assert Path(backup_file).stat().st_size > 0
    again = cli("backup", backup_file, db=store_url)
    assert again.returncode == 1 and b"exists" in again.stderr

    target, pg_name = _fresh_target(store_url, tmp_path)
    try:
        restored = cli("restore", backup_file, db=target)
        assert restored.returncode == 0, restored.stderr
        copy = open_store(target)
        assert count_posts(copy) == 2
        assert count_entries(copy) == 1
        assert len(post_versions_of(copy, "annonces-test", "p00001")) == 1
        result = verify(copy)
        assert result.ok and result.checked == 1 and result.keyed == 1
        copy.close()
        refused = cli("restore", backup_file, db=target)
        assert refused.returncode == 1
    finally:
        if pg_name:
            with _pg_admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
