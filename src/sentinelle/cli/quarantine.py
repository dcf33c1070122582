"""`sentinelle quarantine list`"""

from __future__ import annotations

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


@click.group()
def quarantine() -> None:
    """Records that could not be stored, with where and why."""


@quarantine.command("list")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--kind", type=click.Choice(["post", "case"]), default=None)
@click.option("--raw/--no-raw", default=False, help="Also print each record's raw bytes.")
@db_option
@handle_errors
def list_quarantine(limit: int, kind: str | None, raw: bool, db: str | None) -> None:
    """Most recent first: file:line, the field at fault and the reason."""
    from sentinelle.store.quarantine import count_entries, list_entries

    store = open_store_for(db)
    total = count_entries(store)
    if not total:
        click.echo("quarantine is empty")
        return
    for entry in list_entries(store, kind=kind, limit=limit):
        where = f"{entry['file']}:{entry['line']}" if entry["line"] else entry["file"]
        field = f" [{entry['field']}]" if entry["field"] else ""
        click.echo(f"{where}{field} {entry['reason']}")
        if raw and entry["raw"]:
            click.echo("    " + entry["raw"][:500].decode("utf-8", "backslashreplace"))
    if total > limit:
        click.echo(f"... {total - limit:,} more (use --limit)")
