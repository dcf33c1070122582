"""Search by export pseudonym through an index: each identifier row gets a keyed tag of its
pseudonym (`pseudonym_tag`), filled by the web server with its key (the store never holds the
key, so analysis cannot compute it), and the key's fingerprint the tags were made with.

A partial index holds the rows not yet tagged, so the server finds new ones without a scan.

Revision ID: 0010_web_pseudonyms
Revises: 0009_bulk_fts
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_web_pseudonyms"
down_revision = "0009_bulk_fts"
branch_labels = None
depends_on = None

UNTAGGED = sa.text("pseudonym_tag IS NULL")


def upgrade() -> None:
    op.add_column("post_identifiers", sa.Column("pseudonym_tag", sa.String(32)))
    op.create_index("ix_post_identifiers_pseudonym_tag", "post_identifiers", ["pseudonym_tag"])
    op.create_index(
        "ix_post_identifiers_untagged",
        "post_identifiers",
        ["value", "kind"],
        sqlite_where=UNTAGGED,
        postgresql_where=UNTAGGED,
    )
    op.create_table(
        "pseudonym_index",
        sa.Column("key_tag", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pseudonym_index")
    op.drop_index("ix_post_identifiers_untagged", "post_identifiers")
    op.drop_index("ix_post_identifiers_pseudonym_tag", "post_identifiers")
    with op.batch_alter_table("post_identifiers") as batch:
        batch.drop_column("pseudonym_tag")
