"""`sentinelle export posts|networks`"""

from __future__ import annotations

import sys

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


@click.group()
def export() -> None:
    """Export posts or networks in the contract formats."""


@export.command("posts")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    help="File to write [default: stdout].",
)
@db_option
@handle_errors
def export_posts(fmt: str, output: str, db: str | None) -> None:
    """One object per post: scores, flags, indicators, identifiers, place, network."""
    from sentinelle.export.posts import iter_export, write_csv, write_jsonl

    store = open_store_for(db)
    objects = iter_export(store)
    if fmt == "jsonl":
        if output == "-":
            count = write_jsonl(objects, sys.stdout.buffer)
        else:
            with open(output, "wb") as out:
                count = write_jsonl(objects, out)
    else:
        if output == "-":
            count = write_csv(objects, sys.stdout)
        else:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = write_csv(objects, out)
    click.echo(f"exported {count:,} posts" + ("" if output == "-" else f" to {output}"), err=True)


@export.command("networks")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default="-",
    help="File to write [default: stdout].",
)
@db_option
@handle_errors
def export_networks(fmt: str, output: str, db: str | None) -> None:
    """One object per network: posts, personas, identifiers, itinerary, scores."""
    from sentinelle.export.networks import iter_networks, write_jsonl

    store = open_store_for(db)
    if output == "-":
        count = write_jsonl(iter_networks(store), sys.stdout.buffer)
    else:
        with open(output, "wb") as out:
            count = write_jsonl(iter_networks(store), out)
    click.echo(
        f"exported {count:,} networks" + ("" if output == "-" else f" to {output}"), err=True
    )
