"""`sentinelle totp enable|disable NAME`: the optional second factor of an account."""

from __future__ import annotations

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


@click.group()
def totp() -> None:
    """Second factor (TOTP codes from an authenticator app) for admin and analyst accounts."""


@totp.command("enable")
@click.argument("name")
@db_option
@handle_errors
def enable(name: str, db: str | None) -> None:
    """Require a TOTP code at NAME's login; prints the secret and its otpauth:// URI once."""
    from sentinelle.audit import record_event
    from sentinelle.audit.log import check_can_record
    from sentinelle.auth.totp import enable_totp

    store = open_store_for(db)
    check_can_record(store)
    secret, uri = enable_totp(store, name)
    record_event(store, None, "account.totp", name, "", {"enabled": True})
    click.echo(f"secret: {secret}\nuri:    {uri}")


@totp.command("disable")
@click.argument("name")
@db_option
@handle_errors
def disable(name: str, db: str | None) -> None:
    """Stop asking NAME for a TOTP code."""
    from sentinelle.audit import record_event
    from sentinelle.audit.log import check_can_record
    from sentinelle.auth.totp import disable_totp

    store = open_store_for(db)
    check_can_record(store)
    disable_totp(store, name)
    record_event(store, None, "account.totp", name, "", {"enabled": False})
    click.echo(f"second factor off for {name}")
