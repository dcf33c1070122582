"""Full-text index filled by the posts writer once per batch, not by a trigger per row.

The per-row insert trigger cost ingest about six times the insert itself (each row's text was
tokenised and merged into the index on its own); `store.posts.PostWriter` and `store.load`
now index a batch's new posts in one statement. Deletes and text updates (rare) keep their
triggers. SQLite only: PostgreSQL's index is a GIN expression index kept by the server.

Revision ID: 0009_bulk_fts
Revises: 0008_outreach
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0009_bulk_fts"
down_revision = "0008_outreach"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS posts_fts_ai")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER posts_fts_ai AFTER INSERT ON posts BEGIN "
            "INSERT INTO posts_fts(rowid, text, title) VALUES (new.pk, new.text, new.title); END"
        )
