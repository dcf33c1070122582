"""Case records (strategic analysis) and their identifiers.

Revision ID: 0002_cases
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_cases"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("case_id", sa.String(100), primary_key=True),
        sa.Column("opened_on", sa.String(10), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("department", sa.String(3)),
        sa.Column("area", sa.String(12), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("file", sa.Text),
        sa.Column("imported_at", sa.Float, nullable=False),
    )
    op.create_index("ix_cases_year", "cases", ["year"])
    op.create_table(
        "case_identifiers",
        sa.Column("case_id", sa.String(100), sa.ForeignKey("cases.case_id"), nullable=False),
        sa.Column("value", sa.String(300), nullable=False),
    )
    op.create_index("ix_case_identifiers_case_id", "case_identifiers", ["case_id"])
    op.create_index("ix_case_identifiers_value", "case_identifiers", ["value"])


def downgrade() -> None:
    op.drop_table("case_identifiers")
    op.drop_table("cases")
