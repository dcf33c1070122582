"""Linking's text index as a few binary segments instead of a row per post and per band;
evidence edges indexed by their right post too (a changed post's old evidence is found both ways).

A million posts made 16 million band-key rows (and their index) that took minutes to write;
segments hold the same signatures and band keys as numpy arrays, written and read in bulk.
Stores upgraded from 0004 lose their text index: the next `analyze` links everything again.

Revision ID: 0005_text_segments
Revises: 0004_workspace
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_text_segments"
down_revision = "0004_workspace"
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.drop_index("ix_post_band_keys_post_pk", "post_band_keys")
    op.drop_index("ix_post_band_keys_band_key", "post_band_keys")
    op.drop_table("post_band_keys")
    op.drop_table("post_signatures")
    op.create_table(
        "link_segments",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("seed", sa.Integer, nullable=False),
        sa.Column("num_perm", sa.Integer, nullable=False),
        sa.Column("bands", sa.Integer, nullable=False),
        sa.Column("posts", sa.Integer, nullable=False),
        sa.Column("post_pks", sa.LargeBinary, nullable=False),
        sa.Column("signatures", sa.LargeBinary, nullable=False),
        sa.Column("band_keys", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_link_edges_right_pk", "link_edges", ["right_pk"])


def downgrade() -> None:
    op.drop_index("ix_link_edges_right_pk", "link_edges")
    op.drop_table("link_segments")
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
