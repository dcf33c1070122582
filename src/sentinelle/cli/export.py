"""`sentinelle export posts|networks`"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import contextmanager

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for
from sentinelle.errors import SentinelleError


@click.group()
def export() -> None:
    """Export posts or networks in the contract formats."""


def output_option(command: Callable) -> Callable:
    """`--output/-o FILE`, stdout by default."""
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=True),
        default="-",
        help="File to write [default: stdout].",
    )(command)


@contextmanager
def _opened(output: str, binary: bool):
    if output == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    mode = {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
    with open(output, **mode) as out:
        yield out


def _done(count: int, what: str, output: str) -> None:
    click.echo(f"exported {count:,} {what}" + ("" if output == "-" else f" to {output}"), err=True)


@export.command("posts")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@output_option
@click.option(
    "--pseudonymise",
    is_flag=True,
    help="Replace phones and handles by keyed pseudonyms (HMAC with SENTINELLE_SECRET_KEY), "
    "for sharing with someone who may not see identifiers.",
)
@db_option
@handle_errors
def export_posts(fmt: str, output: str, pseudonymise: bool, db: str | None) -> None:
    """One object per post: scores, flags, indicators, identifiers, place, network."""
    from sentinelle.export.posts import iter_export, write_csv, write_jsonl

    store = open_store_for(db)
    objects = iter_export(store)
    if pseudonymise:
        from sentinelle.privacy import pseudonymise_export

        key = os.environ.get("SENTINELLE_SECRET_KEY", "").encode()
        if len(key) < 32:
            raise SentinelleError("--pseudonymise needs SENTINELLE_SECRET_KEY (32+ characters)")
        objects = (pseudonymise_export(obj, key) for obj in objects)
    writer = write_jsonl if fmt == "jsonl" else write_csv
    with _opened(output, binary=fmt == "jsonl") as out:
        count = writer(objects, out)
    _done(count, "posts", output)


@export.command("networks")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@output_option
@db_option
@handle_errors
def export_networks(fmt: str, output: str, db: str | None) -> None:
    """One object per network: posts, personas, identifiers, itinerary, scores."""
    from sentinelle.export.networks import iter_networks, write_jsonl

    store = open_store_for(db)
    with _opened(output, binary=True) as out:
        count = write_jsonl(iter_networks(store), out)
    _done(count, "networks", output)
