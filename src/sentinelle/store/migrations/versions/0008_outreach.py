"""Outreach: organisations (accounts belong to one), persons at risk (derived from posts at
analyze time), and each organisation's own files on them: contact attempts, referrals,
message templates and local services.

Revision ID: 0008_outreach
Revises: 0007_reliability
Create Date: 2026-12-02
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from alembic import op

revision = "0008_outreach"
down_revision = "0007_reliability"
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
DEFAULT_ORGANISATION = "default"


def upgrade() -> None:
    organisations = op.create_table(
        "organisations",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.UniqueConstraint("name", name="uq_organisations_name"),
    )
    op.bulk_insert(organisations, [{"name": DEFAULT_ORGANISATION, "created_at": time.time()}])
    op.create_table(
        "account_organisations",
        sa.Column("account_pk", PK, sa.ForeignKey("accounts.pk"), primary_key=True),
        sa.Column("org_pk", PK, sa.ForeignKey("organisations.pk"), nullable=False, index=True),
    )
    op.create_table(
        "outreach_persons",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("contact_key", sa.String(64), nullable=False),
        sa.Column("contact_kind", sa.String(10)),
        sa.Column("contact_value", sa.String(300)),
        sa.Column("platform", sa.String(200)),
        sa.Column("network_id", sa.String(20)),
        sa.Column("persona", sa.String(100)),
        sa.Column("city", sa.Text),
        sa.Column("department", sa.String(3)),
        sa.Column("first_ts", sa.Float, nullable=False),
        sa.Column("last_ts", sa.Float, nullable=False),
        sa.Column("posts", sa.Integer, nullable=False),
        sa.Column("stated_age", sa.Integer),
        sa.Column("score_minor", sa.Float),
        sa.Column("flags", sa.Integer, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("post_pks", sa.Text, nullable=False),
        sa.Column("urgency", sa.Float, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("refreshed_at", sa.Float, nullable=False),
        sa.UniqueConstraint("contact_key", name="uq_outreach_persons_contact_key"),
    )
    op.create_index(
        "ix_outreach_persons_active_urgency", "outreach_persons", ["active", "urgency", "pk"]
    )
    op.create_index(
        "ix_outreach_persons_department_urgency",
        "outreach_persons",
        ["department", "active", "urgency", "pk"],
    )
    op.create_table(
        "outreach_files",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("org_pk", PK, sa.ForeignKey("organisations.pk"), nullable=False),
        sa.Column("person_pk", PK, sa.ForeignKey("outreach_persons.pk"), nullable=False),
        sa.Column("owner", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("close_reason", sa.Text),
        sa.Column("opened_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("first_contact_at", sa.Float),
        sa.Column("next_followup", sa.String(10)),
        sa.UniqueConstraint("org_pk", "person_pk", name="uq_outreach_files_org_pk_person_pk"),
    )
    op.create_index("ix_outreach_files_person_pk", "outreach_files", ["person_pk"])
    op.create_index(
        "ix_outreach_files_org_pk_next_followup", "outreach_files", ["org_pk", "next_followup"]
    )
    op.create_index("ix_outreach_files_updated_at", "outreach_files", ["updated_at"])
    op.create_table(
        "outreach_attempts",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("file_pk", PK, sa.ForeignKey("outreach_files.pk"), nullable=False, index=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("template", sa.String(100)),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("author", sa.String(100), nullable=False),
    )
    op.create_table(
        "outreach_referrals",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("file_pk", PK, sa.ForeignKey("outreach_files.pk"), nullable=False, index=True),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("service", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("department", sa.String(3)),
        sa.Column("note", sa.Text),
        sa.Column("author", sa.String(100), nullable=False),
    )
    op.create_table(
        "outreach_templates",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("org_pk", PK, sa.ForeignKey("organisations.pk"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("purpose", sa.String(20), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("org_pk", "name", name="uq_outreach_templates_org_pk_name"),
    )
    op.create_table(
        "outreach_services",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("org_pk", PK, sa.ForeignKey("organisations.pk"), nullable=False),
        sa.Column("department", sa.String(3), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("phone", sa.Text),
        sa.Column("address", sa.Text),
        sa.Column("hours", sa.Text),
        sa.Column("email", sa.Text),
    )
    op.create_index(
        "ix_outreach_services_org_pk_department", "outreach_services", ["org_pk", "department"]
    )


def downgrade() -> None:
    for table in (
        "outreach_services",
        "outreach_templates",
        "outreach_referrals",
        "outreach_attempts",
        "outreach_files",
        "outreach_persons",
        "account_organisations",
        "organisations",
    ):
        op.drop_table(table)
