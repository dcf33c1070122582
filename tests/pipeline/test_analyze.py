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


def test_analyze_leaves_persons_at_risk_for_outreach(sqlite_store, tmp_path: Path):
    from sentinelle.store.outreach_persons import person_queue

    text = "Nouvelle sur Lyon, 16 ans, dispo ce soir. Appeler 06 12 34 56 78"
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*[post_dict(i, text=text) for i in range(3)], post_dict(9)))
    ingest_files(sqlite_store, [str(path)])
    analyze(sqlite_store, workers=1)
    persons = person_queue(sqlite_store, 1)
    first = persons[0]  # the stated minor age ranks first; her three posts are one person
    assert (first["contact_value"], first["posts"], first["stated_age"]) == ("+33612345678", 3, 16)
    assert "+33612345678" not in [p["contact_value"] for p in persons[1:]]
