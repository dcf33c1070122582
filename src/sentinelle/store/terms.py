"""What term discovery reads: each analysed post's text, time, and whether it is of interest
(flagged, or labelled by a reviewer as minor, control or recruitment; a reviewer's "none"
overrides a flag)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from sentinelle.store.db import Store
from sentinelle.store.labels import review_labels
from sentinelle.store.schema import post_analysis, posts


def _review_focus(store: Store) -> dict[int, bool]:
    """Post pk -> whether its reviewer labels since the last "none" name a label."""
    query = select(review_labels.c.post_pk, review_labels.c.label).order_by(review_labels.c.pk)
    focus: dict[int, bool] = {}
    with store.engine.connect() as connection:
        for pk, label in connection.execute(query):
            focus[pk] = label != "none"
    return focus


def iter_term_rows(
    store: Store, since_ts: float | None = None, until_ts: float | None = None
) -> Iterator[tuple[str, str, float, bool]]:
    """(source/id, text, posted_ts, focus) of analysed posts, oldest first."""
    reviewed = _review_focus(store)
    query = (
        select(
            posts.c.pk,
            posts.c.source,
            posts.c.post_id,
            posts.c.text,
            posts.c.posted_ts,
            post_analysis.c.flags,
        )
        .join(post_analysis, post_analysis.c.post_pk == posts.c.pk)
        .where(post_analysis.c.score_minor.is_not(None))
        .order_by(posts.c.posted_ts)
    )
    if since_ts is not None:
        query = query.where(posts.c.posted_ts >= since_ts)
    if until_ts is not None:
        query = query.where(posts.c.posted_ts < until_ts)
    with store.engine.connect() as connection:
        for pk, source, post_id, text, ts, flags in connection.execute(query):
            focus = reviewed.get(pk, bool(flags))
            yield f"{source}/{post_id}", text, ts, focus
