"""Reviewed posts for retraining: the scoring rows of every post a reviewer labelled.

Rows have the shape of `store.scoring.iter_scoring_rows`, so the scoring step's readers
(`posts_from_rows`, `extraction_from_row`) turn them into posts and extractions.
"""

from __future__ import annotations

from sqlalchemy import select

from sentinelle.store.db import Store
from sentinelle.store.labels import review_labels
from sentinelle.store.schema import post_analysis, posts
from sentinelle.store.scoring import _COLUMNS


def reviewed_rows(store: Store) -> list[tuple]:
    """Scoring rows of the analysed posts that carry at least one review label."""
    labelled = select(review_labels.c.post_pk).distinct()
    query = (
        select(*_COLUMNS)
        .join(post_analysis, post_analysis.c.post_pk == posts.c.pk)
        .where(posts.c.pk.in_(labelled))
        .order_by(posts.c.pk)
    )
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(query)]


def labelled_among(store: Store, pks: list[int]) -> set[int]:
    """Which of `pks` carry a review label now (a cached queue drops them at once)."""
    if not pks:
        return set()
    query = select(review_labels.c.post_pk).where(review_labels.c.post_pk.in_(pks)).distinct()
    with store.engine.connect() as connection:
        return set(connection.execute(query).scalars())
