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
    """Check the audit log's hash chain; exit 1 if any entry was changed, removed or reordered."""
    from sentinelle.audit import verify

    result = verify(open_store_for(db))
    if result.ok:
        click.echo(f"audit log intact: {result.checked:,} entries verified")
        return
    click.echo(
        f"audit log BROKEN at entry {result.broken_at}: {result.reason} "
        f"({result.checked:,} entries before it verified)",
        err=True,
    )
    sys.exit(1)
