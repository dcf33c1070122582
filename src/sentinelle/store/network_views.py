"""Stored network pages (`network_views`, migration 0017): what a large network's page shows,
written after `analyze` so that a cold page reads one row instead of every post of the
network (35-135 ms of CPU for the largest at a million posts).

The rows follow the summaries: `write_summaries` drops the views of the networks it rewrites
(every view when it rewrites all), a purge of identifiers drops them all, and the writer
(`sentinelle.web.network_view.write_network_views`) builds the views of the networks touched
and of every large network left without one. A page without a stored view is built per
request, as before the table existed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from sentinelle.store.bulk import _IN_CHUNK, delete_where_in
from sentinelle.store.db import Store
from sentinelle.store.schema import network_summaries, network_views

# Networks below this size are cheap to build per request (under ~30 ms of CPU cold) and are
# most networks: storing them all would cost `analyze` about 1.4 ms of CPU per linked post.
STORED_MIN_POSTS = 20


def read_view(store: Store, network_id: str) -> bytes | None:
    """The stored view of a network, or None."""
    query = select(network_views.c.view).where(network_views.c.network_id == network_id)
    with store.engine.connect() as connection:
        return connection.execute(query).scalar()


def drop_views(connection, network_ids: Iterable[str] | None = None) -> None:
    """Delete the views of `network_ids` (all of them when None), in `connection`'s
    transaction: what their pages show is about to change."""
    if network_ids is None:
        connection.execute(network_views.delete())
        return
    ids = sorted({i for i in network_ids if i})
    delete_where_in(connection, network_views, "network_id", ids)


def views_to_write(
    store: Store, network_ids: Iterable[str] | None, min_posts: int = STORED_MIN_POSTS
) -> list[str]:
    """Large networks (`min_posts` or more) among `network_ids` (every large network when
    None), plus the large networks without a stored view (dropped by a purge, or never
    written)."""
    s = network_summaries.c
    large = select(s.network_id).where(s.posts >= min_posts)
    missing = large.where(s.network_id.not_in(select(network_views.c.network_id)))
    with store.engine.connect() as connection:
        if network_ids is None:
            return sorted(row[0] for row in connection.execute(large))
        wanted = {row[0] for row in connection.execute(missing)}
        ids = sorted({i for i in network_ids if i})
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = large.where(s.network_id.in_(ids[start : start + _IN_CHUNK]))
            wanted.update(row[0] for row in connection.execute(chunk))
    return sorted(wanted)


def views_missing(store: Store, min_posts: int = STORED_MIN_POSTS) -> bool:
    """Whether a large network has no stored view (one indexed query)."""
    s = network_summaries.c
    query = select(s.network_id).where(
        s.posts >= min_posts, s.network_id.not_in(select(network_views.c.network_id))
    )
    with store.engine.connect() as connection:
        return connection.execute(query.limit(1)).first() is not None


def save_views(store: Store, views: list[tuple[str, bytes]]) -> None:
    """Replace the stored views of these networks."""
    if not views:
        return
    with store.engine.begin() as connection:
        drop_views(connection, [network_id for network_id, _ in views])
        connection.execute(network_views.insert(), [{"network_id": i, "view": v} for i, v in views])
