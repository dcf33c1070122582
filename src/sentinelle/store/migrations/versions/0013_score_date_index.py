"""A covering index of the three scores by date on `post_analysis`: the posts list filtered
on a minimum score walks it newest first and reads each post only when its score passes.

Before, a score filter walked every post by date and read its analysis row to test the score:
at a million posts a filter such as one site's posts with control >= 0.5 took 0.3 s of
SQLite time cold (seconds under load); the index walk takes about 15 ms.

Revision ID: 0013_score_date_index
Revises: 0012_weekly_counts
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0013_score_date_index"
down_revision = "0012_weekly_counts"
branch_labels = None
depends_on = None

INDEX = "ix_post_analysis_posted_ts_scores"


def upgrade() -> None:
    op.create_index(
        INDEX,
        "post_analysis",
        ["posted_ts", "score_minor", "score_control", "score_recruitment"],
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="post_analysis")
