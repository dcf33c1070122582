"""Retention: removing what is older than its kind's limit (posts, extracted identifiers, audit
entries), with a dry run that only counts.

- posts: a post (with its history, analysis, identifiers, evidence edges and review labels)
  whose date (`posted_ts`) is older than the limit;
- identifiers: the phones and handles extracted from older posts (the identifier rows and the
  lists in their analysis), the posts themselves kept;
- audit: entries older than the limit. The chain keeps verifying: a `audit.purge` entry,
  appended first, names the first entry kept and the hash before it (see `audit.chain`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, func, or_, select, text, update

from sentinelle.store.audit import audit_log
from sentinelle.store.bulk import delete_where_in
from sentinelle.store.db import Store
from sentinelle.store.labels import review_labels
from sentinelle.store.network_summaries import mark_networks_changed, write_summaries
from sentinelle.store.network_views import drop_views
from sentinelle.store.schema import (
    link_edges,
    post_analysis,
    post_identifiers,
    post_indicators,
    post_versions,
    posts,
)
from sentinelle.store.weekly_counts import write_weekly

_CHUNK = 5000


@dataclass(slots=True)
class PurgePlan:
    """What a purge removes (or would, in a dry run), per kind."""

    posts: int = 0
    identifiers: int = 0
    audit: int = 0
    notes: list[str] = field(default_factory=list)


def _old_post_pks(connection, before: float) -> list[int]:
    query = select(posts.c.pk).where(posts.c.posted_ts < before).order_by(posts.c.pk)
    return [row[0] for row in connection.execute(query)]


def plan_or_purge(
    store: Store,
    now: float,
    *,
    posts_days: float | None = None,
    identifiers_days: float | None = None,
    audit_days: float | None = None,
    dry_run: bool = True,
    before_audit_purge=None,
) -> PurgePlan:
    """Count (dry run) or remove what is older than each given limit in days.
    `before_audit_purge(last_seq, anchor_hash)` records the purge in the chain first."""
    plan = PurgePlan()
    day = 86_400.0
    if posts_days is not None:
        with store.engine.begin() as connection:
            pks = _old_post_pks(connection, now - posts_days * day)
            plan.posts = len(pks)
            if not dry_run:
                touched: set[str] = set()
                for start in range(0, len(pks), _CHUNK):
                    touched |= _delete_posts(connection, pks[start : start + _CHUNK])
                write_summaries(connection, touched)  # the network list's rows
                write_weekly(connection, until_ts=now - posts_days * day)  # weeks emptied
    if identifiers_days is not None:
        with store.engine.begin() as connection:
            pks = _old_post_pks(connection, now - identifiers_days * day)
            counted = 0
            for start in range(0, len(pks), _CHUNK):
                chunk = pks[start : start + _CHUNK]
                query = select(func.count()).where(post_identifiers.c.post_pk.in_(chunk))
                counted += connection.execute(query).scalar_one()
                if not dry_run:
                    delete_where_in(connection, post_identifiers, "post_pk", chunk)
                    connection.execute(
                        update(post_analysis)
                        .where(post_analysis.c.post_pk.in_(chunk))
                        .values(phones="[]", handles="[]")
                    )
            if not dry_run and counted:
                drop_views(connection)  # stored network pages list identifiers
                mark_networks_changed(connection)  # network pages list identifiers
            plan.identifiers = counted
            plan.notes.append("identifiers stay in the text of posts kept: purge posts too")
    if audit_days is not None:
        plan.audit = _purge_audit(store, now - audit_days * day, dry_run, before_audit_purge)
    return plan


def _delete_posts(connection, pks: list[int]) -> set[str]:
    """Delete posts and what hangs on them; the networks they were in."""
    networks = select(post_analysis.c.network_id).where(post_analysis.c.post_pk.in_(pks))
    touched = {row[0] for row in connection.execute(networks) if row[0]}
    for table, column in (
        (post_versions, "post_pk"),
        (post_identifiers, "post_pk"),
        (post_indicators, "post_pk"),
        (post_analysis, "post_pk"),
        (review_labels, "post_pk"),
    ):
        delete_where_in(connection, table, column, pks)
    connection.execute(
        delete(link_edges).where(or_(link_edges.c.left_pk.in_(pks), link_edges.c.right_pk.in_(pks)))
    )
    delete_where_in(connection, posts, "pk", pks)
    return touched


def _purge_audit(store: Store, before: float, dry_run: bool, announce) -> int:
    with store.engine.connect() as connection:
        query = select(func.count(), func.max(audit_log.c.seq)).where(audit_log.c.at < before)
        count, last = connection.execute(query).one()
    if dry_run or not count:
        return count or 0
    with store.engine.connect() as connection:
        anchor = connection.execute(
            select(audit_log.c.hash).where(audit_log.c.seq == last)
        ).scalar_one()
    if announce is not None:
        announce(last, anchor)
    with store.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
            connection.execute(delete(audit_log).where(audit_log.c.seq <= last))
            connection.exec_driver_sql(
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
                "SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
        else:
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
            connection.execute(delete(audit_log).where(audit_log.c.seq <= last))
            connection.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))
    return count
