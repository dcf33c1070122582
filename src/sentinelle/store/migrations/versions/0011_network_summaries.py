"""Per-network summary rows (`network_summaries`), written by `analyze` after scoring and read
by the network list and the overview instead of a grouped scan of every linked post.

Backfilled here from the analysed posts (one INSERT ... SELECT), so a store migrated without
a new `analyze` shows its networks at once.

Revision ID: 0011_network_summaries
Revises: 0010_web_pseudonyms
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_network_summaries"
down_revision = "0010_web_pseudonyms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "network_summaries",
        sa.Column("network_id", sa.String(20), primary_key=True),
        sa.Column("posts", sa.Integer, nullable=False),
        sa.Column("minor", sa.Float),
        sa.Column("control", sa.Float),
        sa.Column("recruitment", sa.Float),
        sa.Column("risk", sa.Float, nullable=False),
        sa.Column("combined", sa.Float, nullable=False),
        sa.Column("flagged", sa.Integer, nullable=False),
        sa.Column("first_ts", sa.Float),
        sa.Column("last_ts", sa.Float),
        sa.Column("cities", sa.Text, nullable=False),
        sa.Column("city_count", sa.Integer, nullable=False),
        sa.Column("sources", sa.Text, nullable=False),
    )
    for name, columns in (
        ("ix_network_summaries_risk", ["risk", "posts"]),
        ("ix_network_summaries_combined", ["combined", "posts"]),
        ("ix_network_summaries_posts", ["posts", "risk"]),
        ("ix_network_summaries_last_ts", ["last_ts", "posts"]),
    ):
        op.create_index(name, "network_summaries", columns)
    # The store layer's own query: the rows are the ones `analyze` writes.
    from sentinelle.store.network_summaries import write_summary_rows

    write_summary_rows(op.get_bind())


def downgrade() -> None:
    op.drop_table("network_summaries")
