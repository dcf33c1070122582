"""`sentinelle users add|list`"""

from __future__ import annotations

import sys
import time

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for

ROLES = ("admin", "analyst", "outreach", "auditor")


@click.group()
def users() -> None:
    """Workspace accounts."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option(
    "--org",
    default=None,
    help="Organisation (created if new); outreach records are per organisation [default: default].",
)
@db_option
@handle_errors
def add_user(name: str, role: str, org: str | None, db: str | None) -> None:
    """Add account NAME with ROLE; the password is read from stdin (first line)."""
    from sentinelle.auth.accounts import create_account

    password = sys.stdin.readline().rstrip("\r\n")
    store = open_store_for(db)
    account = create_account(store, name, role, password, time.time())
    if org:
        from sentinelle.store.organisations import ensure_organisation, set_account_organisation

        set_account_organisation(store, account.pk, ensure_organisation(store, org))
    click.echo(f"added {name} ({role}{', ' + org if org else ''})")


@users.command("list")
@db_option
@handle_errors
def list_users(db: str | None) -> None:
    """Accounts and their roles."""
    from sentinelle.store.accounts import list_accounts

    for account in list_accounts(open_store_for(db)):
        click.echo(f"{account.name}\t{account.role}")
