"""Workspace: accounts, sessions, API tokens, the audit log, review labels, full-text search.

Revision ID: 0004_workspace
Revises: 0003_networks
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_workspace"
down_revision = "0003_networks"
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE posts_fts USING fts5(text, title, content='posts', "
    "content_rowid='pk', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER posts_fts_ai AFTER INSERT ON posts BEGIN "
    "INSERT INTO posts_fts(rowid, text, title) VALUES (new.pk, new.text, new.title); END",
    "CREATE TRIGGER posts_fts_ad AFTER DELETE ON posts BEGIN "
    "INSERT INTO posts_fts(posts_fts, rowid, text, title) "
    "VALUES ('delete', old.pk, old.text, old.title); END",
    "CREATE TRIGGER posts_fts_au AFTER UPDATE OF text, title ON posts BEGIN "
    "INSERT INTO posts_fts(posts_fts, rowid, text, title) "
    "VALUES ('delete', old.pk, old.text, old.title); "
    "INSERT INTO posts_fts(rowid, text, title) VALUES (new.pk, new.text, new.title); END",
    "INSERT INTO posts_fts(posts_fts) VALUES ('rebuild')",
)
_SQLITE_APPEND_ONLY = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)
_POSTGRES = (
    "CREATE INDEX ix_posts_text_fts ON posts USING gin (to_tsvector('simple', text))",
    "CREATE INDEX ix_posts_posted_ts_pk ON posts (posted_ts, pk)",
    "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
)


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.Float, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.UniqueConstraint("name", name="uq_accounts_name"),
    )
    op.create_table(
        "web_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column("account_pk", PK, sa.ForeignKey("accounts.pk"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("last_seen", sa.Float, nullable=False),
        sa.Column("client", sa.String(100)),
    )
    op.create_index("ix_web_sessions_account_pk", "web_sessions", ["account_pk"])
    op.create_table(
        "api_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("account_pk", PK, sa.ForeignKey("accounts.pk"), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_api_tokens_account_pk", "api_tokens", ["account_pk"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("client", sa.String(100), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "review_labels",
        sa.Column("pk", PK, primary_key=True, autoincrement=True),
        sa.Column("post_pk", PK, sa.ForeignKey("posts.pk"), nullable=False),
        sa.Column("label", sa.String(20), nullable=False),
        sa.Column("reviewer", sa.String(100), nullable=False),
        sa.Column("labeled_at", sa.Float, nullable=False),
    )
    op.create_index("ix_review_labels_post_pk", "review_labels", ["post_pk"])
    # Lets a department + flag filter test flags in the index instead of reading each row.
    op.create_index("ix_post_analysis_department_flags", "post_analysis", ["department", "flags"])
    dialect = op.get_bind().dialect.name
    statements = _POSTGRES if dialect == "postgresql" else (*_SQLITE_FTS, *_SQLITE_APPEND_ONLY)
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_posts_text_fts")
        op.execute("DROP INDEX IF EXISTS ix_posts_posted_ts_pk")
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    else:
        for trigger in ("posts_fts_ai", "posts_fts_ad", "posts_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS posts_fts")
    op.drop_index("ix_post_analysis_department_flags", table_name="post_analysis")
    for table in ("review_labels", "audit_log", "api_tokens", "web_sessions", "accounts"):
        op.drop_table(table)
