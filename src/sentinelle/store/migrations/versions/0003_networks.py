"""Linking: evidence edges, network id aliases, linking state, signatures and LSH band keys.

Revision ID: 0003_networks
Revises: 0002_cases
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_networks"
down_revision = "0002_cases"
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "link_edges",
        sa.Column("left_pk", PK, sa.ForeignKey("posts.pk"), nullable=False),
        sa.Column("right_pk", PK, sa.ForeignKey("posts.pk"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("weight", sa.Float, nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("hub", sa.Boolean, nullable=False),
        sa.Column("network_id", sa.String(20)),
    )
    op.create_index("ix_link_edges_network_id", "link_edges", ["network_id"])
    op.create_index("ix_link_edges_left_pk", "link_edges", ["left_pk"])
    op.create_table(
        "network_aliases",
        sa.Column("alias", sa.String(20), primary_key=True),
        sa.Column("network_id", sa.String(20), nullable=False),
        sa.Column("merged_at", sa.Float, nullable=False),
    )
    op.create_index("ix_network_aliases_network_id", "network_aliases", ["network_id"])
    op.create_table(
        "link_state",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("blob", sa.LargeBinary),
    )
    op.create_table(
        "post_signatures",
        sa.Column("post_pk", PK, sa.ForeignKey("posts.pk"), primary_key=True),
        sa.Column("seed", sa.Integer, nullable=False),
        sa.Column("num_perm", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "post_band_keys",
        sa.Column("band", sa.Integer, nullable=False),
        sa.Column("key", sa.BigInteger, nullable=False),
        sa.Column("post_pk", PK, sa.ForeignKey("posts.pk"), nullable=False),
    )
    op.create_index("ix_post_band_keys_band_key", "post_band_keys", ["band", "key"])
    op.create_index("ix_post_band_keys_post_pk", "post_band_keys", ["post_pk"])


def downgrade() -> None:
    tables = ("post_band_keys", "post_signatures", "link_state", "network_aliases", "link_edges")
    for table in tables:
        op.drop_table(table)
