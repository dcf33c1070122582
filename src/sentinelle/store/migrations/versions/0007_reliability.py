"""Exactly-once ingest and a keyed audit chain: history versions carry their content digest
(a re-ingested old version is recognised), quarantined records a key (file digest, line,
reason) so a rerun does not add them twice, audit entries the version of their hash, and
accounts an optional TOTP secret.

Revision ID: 0007_reliability
Revises: 0006_list_search
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_reliability"
down_revision = "0006_list_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("post_versions", sa.Column("content_hash", sa.String(32)))
    op.add_column("quarantine", sa.Column("record_key", sa.String(64)))
    op.create_index("ix_quarantine_record_key", "quarantine", ["record_key"], unique=True)
    op.add_column("audit_log", sa.Column("hash_version", sa.Integer))
    op.add_column("accounts", sa.Column("totp_secret", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("totp_secret")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("hash_version")
    op.drop_index("ix_quarantine_record_key", "quarantine")
    with op.batch_alter_table("quarantine") as batch:
        batch.drop_column("record_key")
    with op.batch_alter_table("post_versions") as batch:
        batch.drop_column("content_hash")
