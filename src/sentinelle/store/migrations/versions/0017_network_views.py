"""A large network's page, written by `analyze`: `network_views`, one row per network of at
least 20 posts holding what its page shows (profile, link reasons, identifiers masked, the
itinerary, graph and map, the posts table with masked labels).

At a million posts and 20 clients the network page's p95 was 1-2.7 s: half the pages asked
are among the 200 largest networks, each costing 35-135 ms of CPU read cold.

Not backfilled here (building a view needs the workspace's code and costs about 1.4 ms of CPU
a post): the next `analyze` writes the views missing, and a page without a stored view is
built per request as before.

Revision ID: 0017_network_views
Revises: 0016_list_source_indicators
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_network_views"
down_revision = "0016_list_source_indicators"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "network_views",
        sa.Column("network_id", sa.String(20), primary_key=True),
        sa.Column("view", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("network_views")
