"""Exactly-once ingest (issue 15, defect 2): rerunning an ingest, whole or after a crash at any
point, leaves the store as one clean run does."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from sqlalchemy import select

from conftest import SRC
from factories import post_dict
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.store import open_store
from sentinelle.store.posts import count_posts
from sentinelle.store.quarantine import count_entries
from sentinelle.store.schema import post_versions, posts, quarantine


def write_input(path: Path, count: int, seed: int = 7) -> None:
    """`count` records: posts, later versions of some of them, exact repeats, bad records."""
    rng = random.Random(seed)
    lines = []
    for index in range(count):
        roll = rng.random()
        if roll < 0.1 and index > 10:
            earlier = rng.randrange(index)  # a new version of an earlier post
            lines.append(orjson.dumps(post_dict(earlier, text=f"Dispo Lyon, version {index}")))
        elif roll < 0.15 and index > 10:
            lines.append(orjson.dumps(post_dict(rng.randrange(index))))  # an exact repeat
        elif roll < 0.17:
            lines.append(b'{"id": "broken ' + str(index).encode() + b'", ')  # bad JSON
        else:
            lines.append(orjson.dumps(post_dict(index)))
    path.write_bytes(b"\n".join(lines) + b"\n")


def snapshot(url: str) -> tuple:
    """Everything an ingest decides, without times or surrogate keys."""
    store = open_store(url)
    try:
        with store.engine.connect() as connection:
            stored = sorted(
                connection.execute(
                    select(posts.c.source, posts.c.post_id, posts.c.content_hash, posts.c.version)
                )
            )
            history = sorted(
                connection.execute(
                    select(posts.c.post_id, post_versions.c.version, post_versions.c.content).join(
                        posts, posts.c.pk == post_versions.c.post_pk
                    )
                )
            )
            bad = sorted(
                connection.execute(
                    select(quarantine.c.line, quarantine.c.field, quarantine.c.reason)
                )
            )
        return [tuple(r) for r in stored], [tuple(r) for r in history], [tuple(r) for r in bad]
    finally:
        store.close()


def test_ingesting_the_same_file_twice_changes_nothing(store_url: str, tmp_path: Path):
    path = tmp_path / "posts.jsonl"
    write_input(path, 600)
    store = open_store(store_url)
    first = ingest_files(store, [str(path)])
    before = snapshot(store_url)
    assert first.counts.updated > 0 and first.quarantined > 0
    second = ingest_files(store, [str(path)])
    store.close()
    assert second.counts.stored == 0
    assert second.counts.updated == 0
    assert second.read == first.read
    assert second.quarantined == first.quarantined  # still quarantined, not stored twice
    assert snapshot(store_url) == before


def test_an_old_version_sent_again_is_a_duplicate_and_a_new_one_a_version(store):
    from sentinelle.ingest.pipeline import check_record
    from sentinelle.ingest.readers import InputRecord
    from sentinelle.store.posts import post_versions_of, save_posts

    def checked(**overrides):
        return check_record(InputRecord("f", 1, post_dict(1, **overrides), b""))

    save_posts(store, [checked(text="un"), checked(text="deux"), checked(text="trois")])
    again = save_posts(store, [checked(text="un"), checked(text="deux")])
    assert (again.duplicates, again.updated) == (2, 0)
    assert len(post_versions_of(store, "annonces-test", "p00001")) == 2
    new = save_posts(store, [checked(text="quatre")])
    assert new.updated == 1
    assert [v["text"] for v in post_versions_of(store, "annonces-test", "p00001")] == [
        "un",
        "deux",
        "trois",
    ]


def _ingest_process(path: Path, db: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC, "SENTINELLE_DB": db}
    return subprocess.Popen(
        [sys.executable, "-m", "sentinelle", "ingest", str(path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.slow
def test_kill_9_at_random_points_then_rerun_gives_the_clean_store(tmp_path: Path):
    """Ingest killed with SIGKILL at random moments (twice in a row in some rounds), then run
    to the end: the store equals that of one clean run, row for row."""
    path = tmp_path / "posts.jsonl"
    write_input(path, 20_000)
    clean = str(tmp_path / "clean.db")
    started = time.monotonic()
    assert _ingest_process(path, clean).wait(120) == 0
    duration = time.monotonic() - started
    expected = snapshot(clean)
    assert count_posts(open_store(clean)) == len(expected[0])
    rng = random.Random(15)
    killed_mid_run = 0
    for round_ in range(3):
        db = str(tmp_path / f"round{round_}.db")
        for _ in range(1 + round_ % 2):
            process = _ingest_process(path, db)
            time.sleep(rng.uniform(0.2, duration))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed_mid_run += 1
            process.wait(60)
        assert _ingest_process(path, db).wait(120) == 0
        assert snapshot(db) == expected, f"round {round_} differs from a clean run"
        assert count_entries(open_store(db)) == len(expected[2])
    assert killed_mid_run >= 2  # the kills did land while ingest was running
