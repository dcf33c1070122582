"""The overview's weekly counts: written once, rewritten from a week on, after a purge, and
the same rows whichever way they were reached."""

from __future__ import annotations

from sqlalchemy import insert, select, update

from sentinelle.store.retention import plan_or_purge
from sentinelle.store.schema import post_analysis, posts, weekly_counts
from sentinelle.store.weekly_counts import (
    WEEK,
    earliest_changed,
    latest_weeks,
    refresh_weekly,
)

DAY = 86400.0


def _post(pk: int, source: str, department: str | None, day: float, flags: int, network=None):
    ts = day * DAY
    post = {
        "pk": pk,
        "source": source,
        "post_id": str(pk),
        "kind": "ad",
        "text": "t",
        "posted_at": "2024-01-01T00:00:00+00:00",
        "posted_ts": ts,
        "image_phashes": "[]",
        "extra": "{}",
        "content_hash": str(pk),
        "version": 1,
        "ingested_at": 0.0,
        "pending": False,
    }
    analysis = {
        "post_pk": pk,
        "phones": "[]",
        "handles": "[]",
        "stated_ages": "[]",
        "prices": "[]",
        "mentions": "{}",
        "city": None,
        "department": department,
        "obfuscated_phones": 0,
        "flags": flags,
        "indicators": "[]",
        "network_id": network,
        "analyzed_at": float(pk),
        "posted_ts": ts,
    }
    return post, analysis


# week 0 holds days 0-6 (the epoch was a Thursday: weeks here are counted from it)
ROWS = [
    _post(1, "a", "69", 1, 1, "n-1"),
    _post(2, "a", "69", 2, 0, "n-1"),
    _post(3, "b", None, 3, 0),
    _post(4, "a", "69", 8, 1, "n-2"),
    _post(5, "b", "44", 15, 4, "n-2"),
    _post(6, "b", "44", 16, 0),
]


def _filled(store, rows=ROWS):
    with store.engine.begin() as connection:
        connection.execute(insert(posts), [p for p, _ in rows])
        connection.execute(insert(post_analysis), [a for _, a in rows])
        if store.dialect == "sqlite":  # the text index the posts writer fills
            connection.exec_driver_sql(
                "INSERT INTO posts_fts(rowid, text, title) SELECT pk, text, title FROM posts"
            )


def _rows(store) -> list[tuple]:
    with store.engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(select(weekly_counts))]
    return sorted(rows, key=lambda r: (r[0], r[1] or "", r[2]))  # nulls first on both engines


def test_counts_per_week_department_and_source(store):
    _filled(store)
    refresh_weekly(store)
    assert _rows(store) == [
        (0, None, "b", 1, 0),
        (0, "69", "a", 2, 1),
        (1, "69", "a", 1, 1),
        (2, "44", "b", 2, 1),
    ]
    assert {r["week"] for r in latest_weeks(store, weeks=2)} == {1, 2}
    assert sum(r["posts"] for r in latest_weeks(store)) == 6


def test_rewriting_from_a_week_gives_the_full_rows(store):
    _filled(store)
    refresh_weekly(store)
    with store.engine.begin() as connection:  # n-2 scored again: post 4 now unflagged
        connection.execute(update(post_analysis).where(post_analysis.c.post_pk == 4), {"flags": 0})
    since = earliest_changed(store, analysed_since=100.0, networks={"n-2"})
    assert since == 8 * DAY
    refresh_weekly(store, since)
    partial = _rows(store)
    assert (1, "69", "a", 1, 0) in partial
    refresh_weekly(store)
    assert partial == _rows(store)
    # posts analysed since a time count too, without any network
    assert earliest_changed(store, analysed_since=6.0, networks=()) == 16 * DAY
    assert earliest_changed(store, analysed_since=100.0, networks=()) is None


def test_a_purge_rewrites_the_weeks_it_emptied(store):
    _filled(store)
    refresh_weekly(store)
    plan_or_purge(store, now=10 * DAY, posts_days=2.5, dry_run=False)  # posts before day 7.5
    assert _rows(store) == [(1, "69", "a", 1, 1), (2, "44", "b", 2, 1)]
    assert int(7.5 * DAY // WEEK) == 1
