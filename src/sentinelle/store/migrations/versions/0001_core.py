"""Core tables: posts, their versions and analysis, identifiers, quarantine.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("post_id", sa.String(500), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("city", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("posted_at", sa.String(40), nullable=False),
        sa.Column("posted_ts", sa.Float, nullable=False),
        sa.Column("image_phashes", sa.Text, nullable=False),
        sa.Column("extra", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("ingested_at", sa.Float, nullable=False),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.UniqueConstraint("source", "post_id", name="uq_posts_source_post_id"),
    )
    op.create_index("ix_posts_pending", "posts", ["pending"])
    op.create_index("ix_posts_posted_ts", "posts", ["posted_ts"])
    op.create_table(
        "post_versions",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("post_pk", PK, sa.ForeignKey("posts.pk"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("replaced_at", sa.Float, nullable=False),
    )
    op.create_index("ix_post_versions_post_pk", "post_versions", ["post_pk"])
    op.create_table(
        "post_analysis",
        sa.Column("post_pk", PK, sa.ForeignKey("posts.pk"), primary_key=True),
        sa.Column("phones", sa.Text, nullable=False),
        sa.Column("handles", sa.Text, nullable=False),
        sa.Column("stated_ages", sa.Text, nullable=False),
        sa.Column("prices", sa.Text, nullable=False),
        sa.Column("mentions", sa.Text, nullable=False),
        sa.Column("city", sa.Text),
        sa.Column("department", sa.String(3)),
        sa.Column("obfuscated_phones", sa.Integer, nullable=False),
        sa.Column("score_minor", sa.Float),
        sa.Column("score_control", sa.Float),
        sa.Column("score_recruitment", sa.Float),
        sa.Column("flags", sa.Integer, nullable=False),
        sa.Column("indicators", sa.Text, nullable=False),
        sa.Column("network_id", sa.String(20)),
        sa.Column("analyzed_at", sa.Float, nullable=False),
    )
    op.create_index("ix_post_analysis_network_id", "post_analysis", ["network_id"])
    op.create_index("ix_post_analysis_department", "post_analysis", ["department"])
    op.create_table(
        "post_identifiers",
        sa.Column("post_pk", PK, sa.ForeignKey("posts.pk"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("value", sa.String(300), nullable=False),
    )
    op.create_index("ix_post_identifiers_post_pk", "post_identifiers", ["post_pk"])
    op.create_index("ix_post_identifiers_value", "post_identifiers", ["value"])
    op.create_table(
        "quarantine",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("field", sa.String(200)),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("quarantined_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    for table in ("quarantine", "post_identifiers", "post_analysis", "post_versions", "posts"):
        op.drop_table(table)
