"""`sentinelle evaluate --truth FILE`"""

from __future__ import annotations

import click
import orjson

from sentinelle.cli.common import db_option, handle_errors, open_store_for


@click.command()
@click.option(
    "--truth",
    "truth_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="Ground truth JSONL (as `sentinelle demo-data --truth` writes it).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: readable summary with a table per phenomenon; json: the full report.",
)
@db_option
@handle_errors
def evaluate(truth_path: str, as_json: bool, fmt: str, db: str | None) -> None:
    """Measure extraction (and, when present, linking and scoring) against a ground truth.

    Besides the overall figures: phones per written form and number class, the share of stated
    minor ages flagged, and, when the truth tags posts with `phenomena` (the stress profile of
    `demo-data`), every figure again restricted to each phenomenon's posts.
    """
    from sentinelle.evaluate.report import evaluate_all, render_text

    store = open_store_for(db)
    report = evaluate_all(store, truth_path)
    if as_json or fmt == "json":
        click.echo(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode())
    else:
        click.echo(render_text(report))
