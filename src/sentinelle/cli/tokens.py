"""`sentinelle tokens create NAME`"""

from __future__ import annotations

import time

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


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
