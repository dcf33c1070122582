"""`sentinelle audit verify`"""

from __future__ import annotations

import sys

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


@click.group()
def audit() -> None:
    """The audit log."""


@audit.command("verify")
@db_option
@handle_errors
def verify_chain(db: str | None) -> None:
    """Check the audit log's hash chain against its key and the checkpoints kept outside the
    store; exit 1 if any entry was changed, removed or reordered, or the tail is missing."""
    from sentinelle.audit import verify

    result = verify(open_store_for(db))
    if result.ok:
        click.echo(
            f"audit log intact: {result.checked:,} entries verified ({result.keyed:,} keyed), "
            f"{result.checkpoints:,} checkpoints matched"
        )
        if not result.keyed:
            click.echo(
                "note: entries are not keyed; set SENTINELLE_AUDIT_KEY (or SENTINELLE_SECRET_KEY) "
                "so that write access to the database cannot rewrite the log",
                err=True,
            )
        return
    click.echo(
        f"audit log BROKEN at entry {result.broken_at}: {result.reason} "
        f"({result.checked:,} entries before it verified)",
        err=True,
    )
    sys.exit(1)
