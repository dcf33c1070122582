"""Concurrent writers (issue 15, defect 1): ingests and API posts sharing keys, all at once,
end with what a serial run stores, on SQLite and PostgreSQL; a fresh store opened by several
processes at once is migrated once."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson
from fastapi.testclient import TestClient
from sqlalchemy import select

from conftest import SRC
from factories import post_dict
from sentinelle.auth.accounts import create_account
from sentinelle.auth.tokens import create_token
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.store import open_store
from sentinelle.store.posts import _hash_of_contract
from sentinelle.store.schema import post_versions, posts
from sentinelle.web import WebSettings, create_app

KEYS = 1500


def _records(seed: int, count: int) -> list[dict]:
    """Posts over a shared key range, each in one of three contents."""
    rng = random.Random(seed)
    return [
        post_dict(key, text=f"Dispo Lyon, variante {rng.randrange(3)}")
        for key in (rng.randrange(KEYS) for _ in range(count))
    ]


def _known_versions(url: str) -> dict[tuple[str, str], tuple[int, frozenset]]:
    """Per key: its version number and every content it is known by; the same whatever order
    the writers went in, since a version is added only for content never seen."""
    store = open_store(url)
    with store.engine.connect() as connection:
        result = {
            (row.source, row.post_id): (row.version, {row.content_hash}, row.pk)
            for row in connection.execute(select(posts))
        }
        by_pk = {pk: key for key, (_, _, pk) in result.items()}
        for row in connection.execute(select(post_versions)):
            result[by_pk[row.post_pk]][1].add(row.content_hash or _hash_of_contract(row.content))
    store.close()
    return {key: (version, frozenset(hashes)) for key, (version, hashes, _) in result.items()}


def _cli_ingest(path: Path, url: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC, "SENTINELLE_DB": url}
    return subprocess.Popen(
        [sys.executable, "-m", "sentinelle", "ingest", str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_ingests_and_api_posts_at_once_equal_a_serial_run(store_url: str, tmp_path: Path):
    files = []
    for index in range(3):
        path = tmp_path / f"part{index}.jsonl"
        path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in _records(index, 1500)))
        files.append(path)
    api_batches = [_records(100 + i, 200) for i in range(6)]

    # The serial run, on a second database of the same engine.
    serial_url = store_url + "_serial" if "://" in store_url else str(tmp_path / "serial.db")
    if "://" in store_url:
        import psycopg

        admin, name = store_url.rsplit("/", 1)
        with psycopg.connect(f"{admin}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}_serial"')
    try:
        serial = open_store(serial_url)
        ingest_files(serial, [str(p) for p in files])
        from sentinelle.ingest.pipeline import check_record
        from sentinelle.ingest.readers import InputRecord
        from sentinelle.store.posts import save_posts

        for batch in api_batches:
            save_posts(serial, [check_record(InputRecord("api", 0, r, b"")) for r in batch])
        serial.close()
        expected = _known_versions(serial_url)
    finally:
        if "://" in store_url:
            with psycopg.connect(f"{admin}/postgres", autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}_serial" WITH (FORCE)')

    # Everything at once on a fresh store: the processes also race to create the schema.
    processes = [_cli_ingest(path, store_url) for path in files]
    time.sleep(0.5)
    app = create_app(WebSettings(secret_key="k" * 48, db=store_url))
    store = app.state.store
    create_account(store, "robot", "analyst", "correct horse battery", time.time())
    token = create_token(store, "robot", time.time())
    statuses: list[int] = []

    def post_batches(batches: list[list[dict]]) -> None:
        with TestClient(app, base_url="https://testserver") as client:
            for batch in batches:
                response = client.post(
                    "/api/posts", json=batch, headers={"Authorization": f"Bearer {token}"}
                )
                statuses.append(response.status_code)

    threads = [threading.Thread(target=post_batches, args=(api_batches[i::2],)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    for process in processes:
        _out, err = process.communicate(timeout=180)
        assert process.returncode == 0, err.decode()
        assert b"Traceback" not in err
    store.close()
    assert statuses == [200] * len(api_batches)
    assert _known_versions(store_url) == expected


def test_processes_opening_a_fresh_store_at_once_migrate_it_once(store_url: str, tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": SRC, "SENTINELLE_DB": store_url}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "sentinelle", "quarantine", "list"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(4)
    ]
    for process in processes:
        _out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
