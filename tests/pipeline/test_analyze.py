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


def _summaries(store) -> dict[str, dict]:
    from sentinelle.store.network_summaries import NetworkFilter, list_networks

    rows, total = list_networks(store, NetworkFilter(), limit=10_000)
    assert total == len(rows)
    return {row["network_id"]: row for row in rows}


def _from_posts(store) -> dict[str, tuple]:
    """Each network's size and sources, counted from the exported posts."""
    grouped: dict[str, tuple[int, set]] = {}
    for obj in iter_export(store):
        if obj["network_id"]:
            size, sources = grouped.get(obj["network_id"], (0, set()))
            grouped[obj["network_id"]] = (size + 1, sources | {obj["source"]})
    return grouped


def test_analyze_writes_network_summaries_and_updates_the_touched_ones(store, tmp_path: Path):
    from sentinelle.store.network_summaries import refresh_summaries
    from sentinelle.store.weekly_counts import latest_weeks, refresh_weekly

    path = tmp_path / "posts.jsonl"
    # posts 0-9 share one phone (one network); 10-19 another; each pair of sources differs
    texts = ["Dispo Lyon. Appeler 06 12 34 56 78", "Dispo Nantes, appeler 07 11 22 33 44"]
    first = [
        post_dict(i, text=texts[i // 10], source=f"site{i % 2}", image_phashes=[])
        for i in range(20)
    ]
    path.write_bytes(jsonl(*first))
    ingest_files(store, [str(path)])
    analyze(store, workers=1)
    after_full = _summaries(store)
    assert {k: (v["posts"], v["sources"]) for k, v in after_full.items()} == {
        k: (n, sorted(s)) for k, (n, s) in _from_posts(store).items()
    }
    assert sum(v["posts"] for v in after_full.values()) == 20

    # incremental: three new posts join the first network, one new network of two posts,
    # and a changed post leaves the second network
    later = [post_dict(i, text=texts[0], source="site9", image_phashes=[]) for i in range(20, 23)]
    brest = "Coloc Brest, appeler 06 99 88 77 66"
    later += [post_dict(i, text=brest, image_phashes=[]) for i in range(23, 25)]
    later.append(post_dict(19, text="Coloc sans numéro, Rennes", source="site1", image_phashes=[]))
    path.write_bytes(jsonl(*later))
    ingest_files(store, [str(path)])
    analyze(store, workers=1)
    incremental = _summaries(store)
    assert {k: (v["posts"], v["sources"]) for k, v in incremental.items()} == {
        k: (n, sorted(s)) for k, (n, s) in _from_posts(store).items()
    }
    assert any("site9" in v["sources"] for v in incremental.values())  # rewritten
    refresh_summaries(store)  # a full rewrite gives the same rows
    assert _summaries(store) == incremental
    # the overview's weekly counts: every analysed post counted once, as a full rewrite does
    weekly = sorted(tuple(r.values()) for r in latest_weeks(store, weeks=10**6))
    assert sum(r[3] for r in weekly) == 25
    refresh_weekly(store)
    assert sorted(tuple(r.values()) for r in latest_weeks(store, weeks=10**6)) == weekly


def test_a_full_relink_rewrites_every_stored_network_page(sqlite_store, tmp_path: Path):
    """Linking everything again (its settings changed) rewrites every network's evidence, so
    every post is scored again and every stored page goes, not only those of networks holding
    new posts."""
    from sqlalchemy import update

    from sentinelle.store.network_views import read_view
    from sentinelle.store.schema import link_state, network_views, post_analysis

    texts = ["Dispo Lyon. Appeler 06 12 34 56 78", "Dispo Nantes, appeler 07 11 22 33 44"]
    path = tmp_path / "posts.jsonl"
    path.write_bytes(
        jsonl(*[post_dict(i, text=texts[i // 20], image_phashes=[]) for i in range(40)])
    )
    ingest_files(sqlite_store, [str(path)])
    analyze(sqlite_store, workers=1)
    networks = {obj["network_id"] for obj in iter_export(sqlite_store)}
    assert len(networks) == 2 and all(read_view(sqlite_store, n) for n in networks)
    with sqlite_store.engine.begin() as connection:
        connection.execute(update(network_views).values(view=b'{"stale": true}'))
        connection.execute(update(post_analysis).values(score_minor=0.3456))
        connection.execute(
            update(link_state).where(link_state.c.name == "settings").values(value="{}")
        )
    path.write_bytes(jsonl(post_dict(40, text=texts[0], image_phashes=[])))
    ingest_files(sqlite_store, [str(path)])
    analyze(sqlite_store, workers=1)
    for network_id in networks:
        assert b"stale" not in read_view(sqlite_store, network_id)
    assert all(obj["scores"]["minor"] != 0.3456 for obj in iter_export(sqlite_store))
