"""`sentinelle users add|list|disable|enable|role|reset-password|delete`"""

from __future__ import annotations

import sys
import time

import click

from sentinelle.cli.common import audit_admin, db_option, handle_errors, open_store_for

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
    from sentinelle.auth.admin import is_disabled
    from sentinelle.store.accounts import list_accounts

    for account in list_accounts(open_store_for(db)):
        state = "\tdisabled" if is_disabled(account) else ""
        click.echo(f"{account.name}\t{account.role}{state}")


def _switch(name: str, db: str | None, action: str) -> None:
    """Disable or enable an account, audited; one path for both commands."""
    from sentinelle.auth import admin

    store = open_store_for(db)
    getattr(admin, action)(store, name)
    audit_admin(store, f"account.{action}", name)
    click.echo(f"{action}d {name}")


@users.command("disable")
@click.argument("name")
@db_option
@handle_errors
def disable_user(name: str, db: str | None) -> None:
    """Disable account NAME: its sessions end, its logins and API tokens are refused."""
    _switch(name, db, "disable")


@users.command("enable")
@click.argument("name")
@db_option
@handle_errors
def enable_user(name: str, db: str | None) -> None:
    """Enable account NAME again (also clears a lockout)."""
    _switch(name, db, "enable")


@users.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
@db_option
@handle_errors
def change_role(name: str, role: str, db: str | None) -> None:
    """Give account NAME the role ROLE (its sessions end)."""
    from sentinelle.auth.admin import change_role as change

    store = open_store_for(db)
    before = change(store, name, role)
    audit_admin(store, "account.role", name, {"from": before.role, "to": role})
    click.echo(f"{name}: {before.role} -> {role}")


@users.command("reset-password")
@click.argument("name")
@db_option
@handle_errors
def reset_password(name: str, db: str | None) -> None:
    """Give account NAME a new random password, printed once (its sessions end)."""
    from sentinelle.auth.admin import reset_password as reset

    store = open_store_for(db)
    password = reset(store, name)
    audit_admin(store, "account.reset", name)
    click.echo(password)


@users.command("delete")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@db_option
@handle_errors
def delete_user(name: str, yes: bool, db: str | None) -> None:
    """Delete account NAME with its sessions and API tokens (the audit log keeps its name)."""
    from sentinelle.auth.admin import remove

    if not yes:
        click.confirm(f"delete account {name}, its sessions and API tokens?", abort=True)
    store = open_store_for(db)
    remove(store, name)
    audit_admin(store, "account.delete", name)
    click.echo(f"deleted {name}")
