"""The posts list's slow filters at a million posts: a site with a score, a department with a
kind, and an indicator.

- `post_analysis.source` and `kind`, copied from the post, and indexes of a site's and of a
  department's analysed posts by date that carry the flags, department or site, kind and
  scores, so the other filters are tested inside the index walked (a department's messages
  read each post to test its kind: 40-120 ms of CPU); "chatbulle with control >= 0.5" walked the
  scores-by-date index over 141,000 posts above the score, reading each post to test its site,
  and found none (0.4-0.7 s of SQLite CPU for the page, as much for its count).
- `post_indicators`: one row per (post, indicator code) with the post's date, indexed by
  code and date: an indicator filter matched the code in every analysis row's JSON while
  walking posts by date (80 ms of CPU for a code in 2% of posts, 160 ms for the count).

Backfilled here; `analyze`, `sentinelle load` and the bench's store scaler write both since.

Revision ID: 0016_list_source_indicators
Revises: 0015_network_facets
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_list_source_indicators"
down_revision = "0015_network_facets"
branch_labels = None
depends_on = None

BY_SOURCE = "ix_post_analysis_source_posted_ts"
BY_DEPARTMENT = "ix_post_analysis_department_walk"
INDICATORS_BY_DATE = "ix_post_indicators_code_posted_ts"


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("post_analysis", sa.Column("source", sa.String(200)))
    op.add_column("post_analysis", sa.Column("kind", sa.String(20)))
    # One pass over every analysis row (at 1M posts: 50 s on SQLite, 5 min on PostgreSQL,
    # which writes a new version of each row: VACUUM it afterwards).
    if bind.dialect.name == "postgresql":
        op.execute(
            "UPDATE post_analysis a SET source = p.source, kind = p.kind "
            "FROM posts p WHERE p.pk = a.post_pk"
        )
    else:
        op.execute(
            "UPDATE post_analysis SET (source, kind) = "
            "(SELECT posts.source, posts.kind FROM posts WHERE posts.pk = post_analysis.post_pk)"
        )
    scores = ["score_minor", "score_control", "score_recruitment"]
    op.create_index(
        BY_SOURCE,
        "post_analysis",
        ["source", "posted_ts", "post_pk", "flags", "department", "kind", *scores],
    )
    op.drop_index("ix_post_analysis_department_posted_ts", table_name="post_analysis")
    op.create_index(
        BY_DEPARTMENT,
        "post_analysis",
        ["department", "posted_ts", "post_pk", "flags", "kind", *scores],
    )
    op.create_table(
        "post_indicators",
        sa.Column(
            "post_pk",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.ForeignKey("posts.pk", name="fk_post_indicators_post_pk_posts"),
            nullable=False,
            autoincrement=False,
        ),
        sa.Column("code", sa.String(100), nullable=False),
        sa.Column("posted_ts", sa.Float),
        sa.PrimaryKeyConstraint("post_pk", "code", name="pk_post_indicators"),
    )
    # The store layer's own statement: the rows are the ones `analyze` writes.
    from sentinelle.store.post_indicators import write_indicator_rows

    write_indicator_rows(bind, None, replace=False)
    op.create_index(INDICATORS_BY_DATE, "post_indicators", ["code", "posted_ts", "post_pk"])
    op.execute("ANALYZE post_analysis")
    op.execute("ANALYZE post_indicators")


def downgrade() -> None:
    op.drop_table("post_indicators")
    op.drop_index(BY_SOURCE, table_name="post_analysis")
    op.drop_index(BY_DEPARTMENT, table_name="post_analysis")
    op.create_index(
        "ix_post_analysis_department_posted_ts",
        "post_analysis",
        ["department", "posted_ts", "flags"],
    )
    op.drop_column("post_analysis", "kind")
    op.drop_column("post_analysis", "source")
