from __future__ import annotations

from pathlib import Path

from factories import jsonl, post_dict
from sentinelle.export.posts import iter_export
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.pipeline.analyze import analyze
from sentinelle.store.db import exclusive
from sentinelle.store.posts import count_posts


def test_analyze_is_incremental_on_both_backends(store, tmp_path: Path):
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*[post_dict(i) for i in range(30)]))
    ingest_files(store, [str(path)])
    assert analyze(store, workers=1).analyzed == 30
    assert count_posts(store, pending_only=True) == 0
    assert analyze(store, workers=1).analyzed == 0

    path.write_bytes(jsonl(*[post_dict(i) for i in range(25, 40)]))
    summary = ingest_files(store, [str(path)])
    assert (summary.counts.stored, summary.counts.duplicates) == (10, 5)
    assert analyze(store, workers=2).analyzed == 10
    exported = list(iter_export(store))
    assert len(exported) == 40
    assert all(obj["network_id"] is None or obj["network_id"].startswith("n-") for obj in exported)
    if store.dialect == "sqlite":  # the planner's figures, which SQLite keeps only when asked
        with store.engine.connect() as connection:
            analysed = connection.exec_driver_sql("SELECT DISTINCT tbl FROM sqlite_stat1")
            assert {"posts", "post_analysis"} <= {row[0] for row in analysed}


def test_a_second_analyze_on_the_same_store_is_refused(store, store_url: str, cli, tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*[post_dict(i) for i in range(5)]))
    ingest_files(store, [str(path)])
    with exclusive(store, "analyze"):
        busy = cli("analyze", "--workers", "1", db=store_url)
        assert busy.returncode != 0
        assert b"another `analyze` is running" in busy.stderr
        assert count_posts(store, pending_only=True) == 5
    done = cli("analyze", "--workers", "1", db=store_url)
    assert done.returncode == 0, done.stderr
    assert count_posts(store, pending_only=True) == 0
