"""Clear failure (issue 15, defect 5): a full disk, a read-only store and a lost PostgreSQL
server each end the command with one line saying what to do, exit 1, nothing half-written."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SRC, _pg_admin
from factories import jsonl, post_dict


@contextlib.contextmanager
def small_disk(path: Path, size: str):
    path.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _one_line_error(result) -> str:
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 or lines[0].startswith("error:"), err
    return err


def test_a_full_disk_is_one_clear_line_and_the_store_stays_whole(cli, tmp_path: Path):
    posts = [post_dict(i, text="Dispo Lyon, appeler le soir. " * 200) for i in range(3000)]
    source = tmp_path / "posts.jsonl"
    source.write_bytes(jsonl(*posts))  # about 18 MB of text, on the normal disk
    with small_disk(tmp_path / "small", "4m") as disk:
        db = str(disk / "s.db")
        assert cli("quarantine", "list", db=db).returncode == 0  # creates the store
        result = cli("ingest", str(source), db=db)
        err = _one_line_error(result)
        assert "disk holding the store is full" in err and "free some space" in err
        with sqlite3.connect(db) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            stored = raw.execute("SELECT count(*) FROM posts").fetchone()[0]
        assert stored % 5000 == 0  # whole batches only


def test_a_read_only_store_is_one_clear_line(cli, tmp_path: Path):
    source = tmp_path / "posts.jsonl"
    source.write_bytes(jsonl(post_dict(1), post_dict(2)))
    with small_disk(tmp_path / "ro", "8m") as disk:
        db = str(disk / "s.db")
        assert cli("quarantine", "list", db=db).returncode == 0
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        result = cli("ingest", str(source), db=db)
        err = _one_line_error(result)
        assert "cannot be written" in err or "read-only" in err


def test_an_unreachable_server_is_one_clear_line(cli, tmp_path: Path):
    source = tmp_path / "posts.jsonl"
    source.write_bytes(jsonl(post_dict(1)))
    result = cli("ingest", str(source), db="postgresql://postgres@127.0.0.1:1/nothing")
    err = _one_line_error(result)
    assert "cannot open database" in err


@pytest.mark.postgres
def test_a_server_connection_lost_mid_ingest_is_one_clear_line(tmp_path: Path, postgres_url):
    """The backend is terminated while ingest writes (the shared server keeps running)."""
    source = tmp_path / "posts.jsonl"
    source.write_bytes(jsonl(*(post_dict(i) for i in range(60_000))))
    name = postgres_url.rsplit("/", 1)[1]
    env = {**os.environ, "PYTHONPATH": SRC, "SENTINELLE_DB": postgres_url}
    process = subprocess.Popen(
        [sys.executable, "-m", "sentinelle", "ingest", str(source)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    import psycopg

    base = postgres_url.replace("postgresql://", "postgresql://", 1)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:  # wait for the first batch
        with contextlib.suppress(psycopg.Error), psycopg.connect(base, autocommit=True) as probe:
            if probe.execute("SELECT count(*) FROM posts").fetchone()[0] > 0:
                break
        time.sleep(0.1)
    with _pg_admin() as admin:
        while process.poll() is None and time.monotonic() < deadline:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid() AND state = 'idle in transaction'"
                " OR (datname = %s AND state = 'active' AND pid <> pg_backend_pid())",
                (name, name),
            )
            time.sleep(0.05)
    _out, err = process.communicate(timeout=60)
    text = err.decode()
    assert process.returncode == 1, text
    assert "Traceback" not in text
    assert "lost the connection to the database server" in text
