"""Shared fixtures: a real store per test (SQLite file, or a fresh PostgreSQL database) and a
helper that runs the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import sentinelle
from sentinelle.store import Store, open_store

SRC = str(Path(sentinelle.__file__).resolve().parents[1])
PG_ADMIN_URL = os.environ.get("SENTINELLE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _pg_admin():
    import psycopg

    return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return str(tmp_path / "sentinelle.db")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped after the test."""
    name = f"sentinelle_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request) -> str:
    """Each store test runs on SQLite and on PostgreSQL."""
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return request.getfixturevalue(fixture)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[Store]:
    opened = open_store(sqlite_url)
    yield opened
    opened.close()


def run_cli(
    *args: str,
    db: str | None = None,
    stdin: bytes | None = None,
    cwd=None,
    python_options: tuple[str, ...] = (),
):
    """Run `python [OPTIONS] -m sentinelle ARGS` as a user would; returns the CompletedProcess."""
    env = {**os.environ, "PYTHONPATH": SRC, "COLUMNS": "200"}
    if db is not None:
        env["SENTINELLE_DB"] = db
    return subprocess.run(
        [sys.executable, *python_options, "-m", "sentinelle", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture
def cli():
    return run_cli
