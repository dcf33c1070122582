"""Retention per kind of data, with a dry run; a purged audit log keeps verifying."""

from __future__ import annotations

from factories import post_dict
from sentinelle.audit import record_event, verify
from sentinelle.audit.log import announce_purge
from sentinelle.auth import Actor
from sentinelle.ingest.pipeline import check_record
from sentinelle.ingest.readers import InputRecord
from sentinelle.store.posts import count_posts, save_posts
from sentinelle.store.retention import plan_or_purge

DAY = 86_400.0
NOW = 1_720_000_000.0  # 2024-07-03


def _seed(store) -> None:
    posts = [
        post_dict(1, posted_at="2023-01-10T10:00:00+01:00"),
        post_dict(2, posted_at="2023-02-10T10:00:00+01:00"),
        post_dict(3, posted_at="2024-07-01T10:00:00+01:00"),
    ]
    save_posts(store, [check_record(InputRecord("f", i, p, b"")) for i, p in enumerate(posts)])


def test_dry_run_counts_and_changes_nothing_then_purge_removes(store):
    _seed(store)
    plan = plan_or_purge(store, NOW, posts_days=365, dry_run=True)
    assert plan.posts == 2 and count_posts(store) == 3
    done = plan_or_purge(store, NOW, posts_days=365, dry_run=False)
    assert done.posts == 2 and count_posts(store) == 1


def test_a_purged_audit_log_keeps_verifying(store):
    for i in range(6):
        record_event(
            store, Actor("lea", "analyst"), "post.view", f"s/p{i}", now=NOW - (10 - i) * DAY
        )
    record_event(store, Actor("lea", "analyst"), "post.view", "s/new", now=NOW)
    plan = plan_or_purge(store, NOW, audit_days=7, dry_run=True)
    assert plan.audit == 3
    done = plan_or_purge(
        store,
        NOW,
        audit_days=7,
        dry_run=False,
        before_audit_purge=lambda last, anchor: announce_purge(store, last, anchor),
    )
    assert done.audit == 3
    result = verify(store)
    assert result.ok, result.reason
    assert result.checked == 5  # three old ones gone; four kept plus the purge entry


def test_cli_purge_dry_run(cli, sqlite_url):
    from sentinelle.store import open_store

    store = open_store(sqlite_url)
    _seed(store)
    store.close()
    result = cli(
        "purge", "--posts-days", "30", "--identifiers-days", "1", "--dry-run", db=sqlite_url
    )
    assert result.returncode == 0, result.stderr
    assert b"would remove: 3 posts, 0 identifiers, 0 audit entries" in result.stdout
    usage = cli("purge", db=sqlite_url)
    assert usage.returncode == 2
