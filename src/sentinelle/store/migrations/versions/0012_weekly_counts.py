"""Analysed and flagged posts per week, department and source (`weekly_counts`), written by
`analyze` and read by the overview's charts instead of a scan of 26 weeks of posts.

Backfilled here from the analysed posts, so a migrated store shows its charts at once.

Revision ID: 0012_weekly_counts
Revises: 0011_network_summaries
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_weekly_counts"
down_revision = "0011_network_summaries"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "weekly_counts",
        sa.Column("week", sa.Integer, nullable=False),
        sa.Column("department", sa.String(3)),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("posts", sa.Integer, nullable=False),
        sa.Column("flagged", sa.Integer, nullable=False),
    )
    op.create_index("ix_weekly_counts_week", "weekly_counts", ["week"])
    # The store layer's own query: the rows are the ones `analyze` writes.
    from sentinelle.store.weekly_counts import write_weekly

    write_weekly(op.get_bind())


def downgrade() -> None:
    op.drop_table("weekly_counts")
