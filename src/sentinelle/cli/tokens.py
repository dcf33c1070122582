"""`sentinelle tokens create NAME`, `tokens list`, `tokens revoke ID`"""

from __future__ import annotations

import time

import click

from sentinelle.cli.common import audit_admin, db_option, handle_errors, open_store_for


@click.group()
def tokens() -> None:
    """API tokens (`Authorization: Bearer TOKEN`)."""


@tokens.command("create")
@click.argument("name")
@db_option
@handle_errors
def create(name: str, db: str | None) -> None:
    """Print a new API token for account NAME (shown once; only its digest is stored)."""
    from sentinelle.auth.tokens import create_token

    click.echo(create_token(open_store_for(db), name, time.time()))


@tokens.command("list")
@db_option
@handle_errors
def list_tokens(db: str | None) -> None:
    """Every API token: id (start of its digest), account, role, created (UTC)."""
    from datetime import UTC, datetime

    from sentinelle.auth.admin import tokens as all_tokens

    for token in all_tokens(open_store_for(db)):
        created = datetime.fromtimestamp(token.created_at, UTC).strftime("%Y-%m-%d %H:%M")
        click.echo(f"{token.token_id}\t{token.account}\t{token.role}\t{created}")


@tokens.command("revoke")
@click.argument("token_id")
@db_option
@handle_errors
def revoke(token_id: str, db: str | None) -> None:
    """Revoke the token whose id (from `tokens list`, 8+ characters) is TOKEN_ID."""
    from sentinelle.auth.admin import revoke_token

    store = open_store_for(db)
    token = revoke_token(store, token_id)
    audit_admin(store, "token.revoke", token.account, {"token": token.token_id})
    click.echo(f"revoked {token.token_id} ({token.account})")
