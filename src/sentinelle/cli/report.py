"""`sentinelle report note`: the strategic note from case records, as JSON, HTML or PDF."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sentinelle.cli.common import db_option, err_console, handle_errors, open_store_for


@click.group()
def report() -> None:
    """Reports for analysts: the strategic note from case records."""


@report.command("note")
@click.option(
    "--cases", "cases_file", type=click.Path(dir_okay=False), help="Case records (JSONL)."
)
@click.option("--from-store", is_flag=True, help="Use the cases imported into the database.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "html", "pdf"]), default="json", show_default=True
)
@click.option("--year", type=int, help="The note's year [default: the latest year present].")
@click.option("--output", "-o", default="-", help="Output file ('-' for stdout; not for pdf).")
@click.option(
    "--link/--no-link",
    default=None,
    help="Match the cases' identifiers against the posts in the database "
    "[default: with --from-store, or when the database exists].",
)
@click.option("--marking", default="", help="A handling marking printed on the note.")
@db_option
@handle_errors
def note(
    cases_file: str | None,
    from_store: bool,
    fmt: str,
    year: int | None,
    output: str,
    link: bool | None,
    marking: str,
    db: str | None,
) -> None:
    """Write the strategic note: figures per the contract, charts, text traceable to queries."""
    from sentinelle.cases.note import build_note, note_html, note_json, write_pdf
    from sentinelle.cases.records import require_case_file

    if bool(cases_file) == from_store:
        raise click.UsageError("give exactly one of --cases FILE or --from-store")
    if fmt == "pdf" and output == "-":
        raise click.UsageError("a PDF needs --output FILE")
    if cases_file:
        require_case_file(cases_file)  # before opening (and perhaps creating) the database
    store = _store(db, required=from_store or bool(link)) if link is not False else None
    cases = _cases_from_store(store) if from_store else _cases_from_file(cases_file)
    links = _links(store, cases, from_store) if store is not None else None
    built = build_note(cases, year, links)
    source = "the case database" if from_store else Path(cases_file).name
    if fmt == "json":
        _write(output, note_json(built))
    elif fmt == "html":
        _write(output, note_html(built, source=source, marking=marking).encode())
    else:
        write_pdf(built, Path(output), source=source, marking=marking)
    if output != "-":
        click.echo(f"wrote the {built.figures['year']} note ({fmt}) to {output}", err=True)


def _store(db: str | None, *, required: bool):
    """The store, or None when it is not required and cannot be had without creating one."""
    from sentinelle.config import database_url
    from sentinelle.errors import StoreError

    url = database_url(db)
    if not required and url.startswith("sqlite:///") and not Path(url[10:]).exists():
        return None
    try:
        return open_store_for(db)
    except StoreError as error:
        if required:
            raise
        err_console.print(f"[yellow]no cross-link:[/] {error}", highlight=False, soft_wrap=True)
        return None


def _cases_from_store(store):
    from sentinelle.store.cases import load_cases

    return list(load_cases(store))


def _cases_from_file(path: str):
    from sentinelle.cases.records import Rejection, read_cases

    cases, rejected = [], []
    for item in read_cases(path):
        (rejected if isinstance(item, Rejection) else cases).append(item)
    for rejection in rejected[:10]:
        err_console.print(f"[yellow]skipped[/] {rejection}", highlight=False, soft_wrap=True)
    if rejected:
        err_console.print(f"{len(rejected)} record(s) skipped, {len(cases)} cases used")
    return cases


def _links(store, cases, from_store: bool):
    from sentinelle.cases.crosslink import link_cases
    from sentinelle.store.cases import sightings_of

    if from_store:
        return link_cases(cases, sightings_of(store))
    identifiers = {identifier for case in cases for identifier in case.identifiers}
    return link_cases(cases, sightings_of(store, identifiers))


def _write(output: str, content: bytes) -> None:
    if output == "-":
        sys.stdout.buffer.write(content)
    else:
        Path(output).write_bytes(content)
