"""Full-text rows of changed posts replaced once per batch, not by a trigger per row.

A re-published post's text is updated in place; the update trigger then removed and re-added
its full-text row on its own, about 80 µs of ingest per changed post (25-35 % of the CPU
of ingesting re-published posts; docs/benchmarks.md). `store.posts.PostWriter` now does both
for a batch's changed posts in two statements, as 0009 did for new posts. SQLite only;
deletes keep their trigger.

Revision ID: 0014_bulk_fts_updates
Revises: 0013_score_date_index
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0014_bulk_fts_updates"
down_revision = "0013_score_date_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS posts_fts_au")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER posts_fts_au AFTER UPDATE OF text, title ON posts BEGIN "
            "INSERT INTO posts_fts(posts_fts, rowid, text, title) "
            "VALUES ('delete', old.pk, old.text, old.title); "
            "INSERT INTO posts_fts(rowid, text, title) VALUES (new.pk, new.text, new.title); END"
        )
