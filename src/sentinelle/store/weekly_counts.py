"""Analysed posts and flagged posts per week, department and source: written by `analyze`
(like the network summaries), read by the overview's charts.

The overview used to group the latest 26 weeks of posts itself: at a million posts that scan
took about a second of CPU per server process every five minutes, and the first requests
after a start waited for it. The rows here are few (weeks x departments x sources), so the
overview reads them in a millisecond; `analyze` rewrites only the weeks its posts fall in.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Integer, and_, cast, func, insert, or_, select

from sentinelle.store.bulk import _IN_CHUNK
from sentinelle.store.db import Store
from sentinelle.store.schema import post_analysis, posts, weekly_counts

WEEK = 7 * 24 * 3600
_COLUMNS = ("week", "department", "source", "posts", "flagged")


def _week(dialect: str):
    if dialect == "postgresql":
        return cast(func.floor(posts.c.posted_ts / WEEK), Integer)
    return cast(posts.c.posted_ts / WEEK, Integer)


def weekly_select(dialect: str, first_week: int | None = None, last_week: int | None = None):
    """The grouped query whose rows are `weekly_counts` rows, for weeks `first_week` to
    `last_week` (open ends when None). Only analysed posts count: a post waiting for
    `analyze` has no flags yet."""
    week = _week(dialect)
    flagged = func.sum(cast(func.coalesce(post_analysis.c.flags, 0) > 0, Integer))
    query = (
        select(week, post_analysis.c.department, posts.c.source, func.count(), flagged)
        .select_from(posts.join(post_analysis, post_analysis.c.post_pk == posts.c.pk))
        .group_by(week, post_analysis.c.department, posts.c.source)
    )
    if first_week is not None:
        query = query.where(posts.c.posted_ts >= first_week * WEEK)
    if last_week is not None:
        query = query.where(posts.c.posted_ts < (last_week + 1) * WEEK)
    return query


def write_weekly(connection, since_ts: float | None = None, until_ts: float | None = None) -> None:
    """Rewrite the rows of the weeks from the one holding `since_ts` to the one holding
    `until_ts` (open ends when None) on `connection`, in its transaction."""
    table = weekly_counts
    first_week = None if since_ts is None else int(since_ts // WEEK)
    last_week = None if until_ts is None else int(until_ts // WEEK)
    chosen = table.delete()
    if first_week is not None:
        chosen = chosen.where(table.c.week >= first_week)
    if last_week is not None:
        chosen = chosen.where(table.c.week <= last_week)
    connection.execute(chosen)
    query = weekly_select(connection.dialect.name, first_week, last_week)
    connection.execute(insert(table).from_select(_COLUMNS, query))


def refresh_weekly(store: Store, since_ts: float | None = None) -> None:
    """`write_weekly` in a transaction of its own."""
    with store.engine.begin() as connection:
        write_weekly(connection, since_ts)


def earliest_changed(store: Store, analysed_since: float, networks: Iterable[str]) -> float | None:
    """The earliest post date among posts analysed at or after `analysed_since` and posts of
    `networks` (scored again): the first week whose counts may have changed."""
    a = post_analysis.c
    ids = sorted({n for n in networks if n})
    chunks = [ids[i : i + _IN_CHUNK] for i in range(0, len(ids), _IN_CHUNK)] or [[]]
    earliest = None
    with store.engine.connect() as connection:
        for chunk in chunks:
            changed = a.analyzed_at >= analysed_since
            if chunk:
                changed = or_(changed, a.network_id.in_(chunk))
            query = select(func.min(posts.c.posted_ts)).select_from(
                post_analysis.join(posts, and_(posts.c.pk == a.post_pk, changed))
            )
            found = connection.execute(query).scalar()
            if found is not None and (earliest is None or found < earliest):
                earliest = found
    return earliest


def latest_weeks(store: Store, weeks: int = 26) -> list[dict]:
    """The rows of the latest `weeks` weeks of data: {week, department, source, posts,
    flagged}; `week` counts weeks from the epoch."""
    table = weekly_counts
    with store.engine.connect() as connection:
        last = connection.execute(select(func.max(table.c.week))).scalar()
        if last is None:
            return []
        query = select(*(table.c[name] for name in _COLUMNS)).where(table.c.week > last - weeks)
        return [dict(row) for row in connection.execute(query).mappings()]
