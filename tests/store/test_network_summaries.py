"""The network list's rows: filters, sorting and pagination in SQL, and the migration's backfill."""

from __future__ import annotations

from sqlalchemy import insert, select, update

from sentinelle.store.network_summaries import (
    NetworkFilter,
    count_networks,
    list_networks,
    networks_changed_at,
    refresh_summaries,
    summary_sources,
    top_networks,
)
from sentinelle.store.schema import network_facets, network_summaries, post_analysis, posts

DAY = 86400.0


def _post(pk: int, network: str, source: str, city: str, day: int, minor: float, control=0.0):
    return (
        {
            "pk": pk,
            "source": source,
            "post_id": str(pk),
            "kind": "ad",
            "text": "t",
            "posted_at": "2024-01-01T00:00:00+00:00",
            "posted_ts": day * DAY,
            "image_phashes": "[]",
            "extra": "{}",
            "content_hash": str(pk),
            "version": 1,
            "ingested_at": 0.0,
            "pending": False,
        },
        {
            "post_pk": pk,
            "phones": "[]",
            "handles": "[]",
            "stated_ages": "[]",
            "prices": "[]",
            "mentions": "{}",
            "city": city,
            "obfuscated_phones": 0,
            "score_minor": minor,
            "score_control": control,
            "score_recruitment": 0.1,
            "flags": 1 if minor >= 0.5 else 0,
            "indicators": "[]",
            "network_id": network,
            "analyzed_at": 0.0,
            "posted_ts": day * DAY,
        },
    )


ROWS = [
    _post(1, "n-1", "a", "Lyon", 10, 0.9),
    _post(2, "n-1", "b", "Villeurbanne", 12, 0.2),
    _post(3, "n-2", "a", "Nantes", 1, 0.3, control=0.7),
    _post(4, "n-2", "a", "Nantes", 2, 0.1),
    _post(5, "n-2", "a", "Rennes", 3, 0.1),
    _post(6, "n-3", "c", "Lyon", 30, 0.4),
    _post(7, None, "a", "Lyon", 30, 0.99),  # in no network
]


def _filled(store):
    with store.engine.begin() as connection:
        connection.execute(insert(posts), [p for p, _ in ROWS])
        connection.execute(insert(post_analysis), [a for _, a in ROWS])
        if store.dialect == "sqlite":  # the text index the posts writer fills
            connection.exec_driver_sql(
                "INSERT INTO posts_fts(rowid, text, title) SELECT pk, text, title FROM posts"
            )
    refresh_summaries(store)


def _ids(store, spec: NetworkFilter | None = None, sort="risk", offset=0, limit=50):
    rows, total = list_networks(store, spec or NetworkFilter(), sort, offset, limit)
    return [row["network_id"] for row in rows], total


def test_summary_rows_and_filters(store):
    _filled(store)
    assert count_networks(store) == 3
    rows, _ = list_networks(store, NetworkFilter())
    first = rows[0]
    assert first["network_id"] == "n-1"
    assert (first["posts"], first["flagged"], first["minor"]) == (2, 1, 0.9)
    assert (first["cities"], first["sources"], first["city_count"]) == (
        ["Lyon", "Villeurbanne"],
        ["a", "b"],
        2,
    )
    assert (first["first_ts"], first["last_ts"]) == (10 * DAY, 12 * DAY)
    assert _ids(store, NetworkFilter(min_score=0.6)) == (["n-1", "n-2"], 2)
    assert _ids(store, NetworkFilter(label="control", min_score=0.6)) == (["n-2"], 1)
    assert _ids(store, NetworkFilter(min_posts=3)) == (["n-2"], 1)
    assert _ids(store, NetworkFilter(city="villeur")) == (["n-1"], 1)
    assert _ids(store, NetworkFilter(city="lyon")) == (["n-1", "n-3"], 2)
    assert _ids(store, NetworkFilter(source="b")) == (["n-1"], 1)
    assert _ids(store, NetworkFilter(source="%")) == ([], 0)
    assert _ids(store, NetworkFilter(since_ts=11 * DAY)) == (["n-1", "n-3"], 2)
    assert _ids(store, NetworkFilter(until_ts=5 * DAY)) == (["n-2"], 1)
    assert _ids(store, NetworkFilter(known=["n-3", "n-9"])) == (["n-3"], 1)
    assert _ids(store, NetworkFilter(known=[])) == ([], 0)
    assert summary_sources(store) == ["a", "b", "c"]


def test_sorting_and_pages(store):
    _filled(store)
    assert _ids(store, sort="posts")[0] == ["n-2", "n-1", "n-3"]
    assert _ids(store, sort="last")[0] == ["n-3", "n-1", "n-2"]
    assert _ids(store, sort="first")[0] == ["n-2", "n-1", "n-3"]
    assert _ids(store, sort="cities")[0] == ["n-2", "n-1", "n-3"]
    assert _ids(store, sort="posts", offset=1, limit=1) == (["n-1"], 3)
    assert [n["network_id"] for n in top_networks(store)] == ["n-2", "n-1", "n-3"]


def test_rewriting_some_networks_drops_merged_ones(store):
    from sentinelle.store.schema import network_aliases

    _filled(store)
    with store.engine.begin() as connection:  # n-3 merged into n-1, as linking records it
        connection.execute(
            update(post_analysis).where(post_analysis.c.network_id == "n-3"), {"network_id": "n-1"}
        )
        connection.execute(
            insert(network_aliases), {"alias": "n-3", "network_id": "n-1", "merged_at": 0.0}
        )
    refresh_summaries(store, {"n-1"})
    rows, total = list_networks(store, NetworkFilter(), "posts")
    assert total == 2
    assert [(r["network_id"], r["posts"]) for r in rows] == [("n-1", 3), ("n-2", 3)]


def test_migration_0011_backfills_the_summaries(store_url):
    from alembic import command
    from sqlalchemy import create_engine

    from sentinelle.store.db import _alembic_config, open_store

    engine = create_engine(store_url if "://" in store_url else f"sqlite:///{store_url}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0010_web_pseudonyms")
        connection.execute(insert(posts), [p for p, _ in ROWS])
        connection.execute(insert(post_analysis), [a for _, a in ROWS])
    engine.dispose()
    store = open_store(store_url)
    try:
        assert _ids(store, sort="posts") == (["n-2", "n-1", "n-3"], 3)
        # migration 0015 backfilled the cities and sources the filters look up
        assert _ids(store, NetworkFilter(city="rennes")) == (["n-2"], 1)
        assert _ids(store, NetworkFilter(source="c")) == (["n-3"], 1)
    finally:
        store.close()


def test_purging_old_posts_rewrites_their_networks(store):
    from sentinelle.store.retention import plan_or_purge

    _filled(store)  # posts of days 1-3 (n-2) and 10-12 (n-1); n-3 and the lone post on day 30
    plan_or_purge(store, 11 * DAY, posts_days=0, dry_run=False)  # posts before day 11
    rows, total = list_networks(store, NetworkFilter(), "posts")
    assert total == 2
    assert [(r["network_id"], r["posts"]) for r in rows] == [("n-3", 1), ("n-1", 1)]


def test_city_and_source_filters_read_the_facets(store):
    _filled(store)
    with store.engine.connect() as connection:
        facets = connection.execute(
            select(network_facets.c.kind, network_facets.c.value).where(
                network_facets.c.network_id == "n-2"
            )
        ).all()
    assert sorted(facets) == [("city", "Nantes"), ("city", "Rennes"), ("source", "a")]
    assert _ids(store, NetworkFilter(city="e")) == (["n-1", "n-2"], 2)  # not Lyon alone
    assert _ids(store, NetworkFilter(city="lyon", source="c")) == (["n-3"], 1)
    assert _ids(store, NetworkFilter(city="paris")) == ([], 0)
    # a page shorter than the limit counts itself; a full one asks the database
    assert _ids(store, NetworkFilter(city="lyon"), limit=1) == (["n-1"], 2)


def test_rewriting_networks_moves_the_change_mark_and_their_facets(store):
    _filled(store)
    before = networks_changed_at(store)
    assert before is not None
    with store.engine.begin() as connection:  # n-3's post moves to Nice
        connection.execute(
            update(post_analysis).where(post_analysis.c.network_id == "n-3"), {"city": "Nice"}
        )
    refresh_summaries(store, {"n-3"})
    assert networks_changed_at(store) != before
    assert _ids(store, NetworkFilter(city="nice")) == (["n-3"], 1)
    assert _ids(store, NetworkFilter(city="lyon")) == (["n-1"], 1)


def test_networks_without_dates_sort_last_going_down(store):
    _filled(store)
    with store.engine.begin() as connection:
        connection.execute(
            update(network_summaries).where(network_summaries.c.network_id == "n-3"),
            {"last_ts": None, "first_ts": None},
        )
    assert _ids(store, sort="last")[0] == ["n-1", "n-2", "n-3"]
    assert _ids(store, NetworkFilter(since_ts=0))[1] == 3  # undated counts as dated 0
    assert _ids(store, NetworkFilter(since_ts=1))[1] == 2
