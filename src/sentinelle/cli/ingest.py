"""`sentinelle ingest FILE...`"""

from __future__ import annotations

import sys

import click

from sentinelle.cli.common import (
    db_option,
    err_console,
    handle_errors,
    open_store_for,
    progress_bar,
)


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@db_option
@handle_errors
def ingest(files: tuple[str, ...], db: str | None) -> None:
    """Store posts from FILE... (.jsonl, .jsonl.gz, .csv, .warc, .warc.gz; '-' reads JSONL from
    stdin).

    Ingesting the same post twice stores it once; a changed post keeps its history. Records that
    break the contract are quarantined with file, line and reason (see `sentinelle quarantine
    list`); the rest goes on.
    """
    from sentinelle.ingest.pipeline import ingest_files

    store = open_store_for(db)
    with progress_bar("ingest", bytes_mode=True) as (progress, task):

        def on_progress(name: str, position: int, size: int | None) -> None:
            progress.update(task, description=f"ingest {name}", completed=position, total=size)

        summary = ingest_files(store, files, on_progress)
    counts = summary.as_dict()
    click.echo(
        f"read {counts['read']:,} records from {counts['files']} file(s): "
        f"{counts['stored']:,} stored, {counts['updated']:,} updated, "
        f"{counts['duplicates']:,} duplicates, {counts['quarantined']:,} quarantined"
    )
    for problem in summary.problems[:10]:
        err_console.print(f"[yellow]quarantined[/] {problem}", highlight=False, soft_wrap=True)
    if summary.quarantined > 10:
        err_console.print("see all with: sentinelle quarantine list", highlight=False)
    for problem in summary.unreadable:
        err_console.print(f"[bold red]error:[/] {problem}", highlight=False)
    if summary.unreadable:
        sys.exit(1)
