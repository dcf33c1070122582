"""Review labels: what a reviewer said a post shows, who said it and when.

`sentinelle train` reads them with `iter_labels`; the latest label of a post wins.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Column, Float, ForeignKey, Index, String, Table, insert, select

from sentinelle.store.db import Store
from sentinelle.store.schema import PK, metadata, posts

LABELS = ("minor", "control", "recruitment", "none")

review_labels = Table(
    "review_labels",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("post_pk", PK, ForeignKey("posts.pk"), nullable=False),
    Column("label", String(20), nullable=False),
    Column("reviewer", String(100), nullable=False),
    Column("labeled_at", Float, nullable=False),
    Index("ix_review_labels_post_pk", "post_pk"),
)


def add_label(store: Store, post_pk: int, label: str, reviewer: str, now: float) -> None:
    if label not in LABELS:
        raise ValueError(f"label {label!r} is not one of {', '.join(LABELS)}")
    row = {"post_pk": post_pk, "label": label, "reviewer": reviewer, "labeled_at": now}
    with store.engine.begin() as connection:
        connection.execute(insert(review_labels), row)


def _keyed_labels():
    """Labels with their post's key (source, post_id)."""
    return select(
        posts.c.source,
        posts.c.post_id,
        review_labels.c.label,
        review_labels.c.reviewer,
        review_labels.c.labeled_at,
    ).join(posts, posts.c.pk == review_labels.c.post_pk)


def iter_labels(store: Store) -> Iterator[dict]:
    """Every label with its post key: {source, post_id, label, reviewer, labeled_at}, oldest
    first (so a consumer that keeps the last per post keeps the latest)."""
    query = _keyed_labels().order_by(review_labels.c.pk)
    with store.engine.connect() as connection:
        for row in connection.execute(query).mappings():
            yield dict(row)


def labels_of(store: Store, post_pk: int) -> list[dict]:
    query = (
        select(review_labels.c.label, review_labels.c.reviewer, review_labels.c.labeled_at)
        .where(review_labels.c.post_pk == post_pk)
        .order_by(review_labels.c.pk)
    )
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def recent_labels(store: Store, limit: int = 10) -> list[dict]:
    """The latest labels with their post key, newest first."""
    query = _keyed_labels().order_by(review_labels.c.pk.desc()).limit(limit)
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]
