"""Whether `analyze` has work, asked without importing the pipeline.

`sentinelle analyze` on an up-to-date store answers from two queries; the pipeline's
imports (extraction tables, numpy, scipy, the model) cost seconds and are not needed then.
"""

from __future__ import annotations

from sqlalchemy import exists, select

from sentinelle.store import Store
from sentinelle.store.posts import count_posts
from sentinelle.store.schema import post_analysis


def up_to_date(store: Store, pending: int | None = None) -> bool:
    """No post waits for extraction (`pending`, when the caller counted them) and no analysed
    post waits for its scores (new, or left by an interrupted run)."""
    if pending is None:
        pending = count_posts(store, pending_only=True)
    if pending:
        return False
    unscored = exists().where(post_analysis.c.score_minor.is_(None))
    with store.engine.connect() as connection:
        return not connection.execute(select(unscored)).scalar()
