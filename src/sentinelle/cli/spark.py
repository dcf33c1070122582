"""`sentinelle spark analyze`: the pipeline on a Spark cluster (or `local[N]`)."""

from __future__ import annotations

import click

from sentinelle.cli.common import err_console, handle_errors


@click.group()
def spark() -> None:
    """Run the pipeline on Apache Spark (needs `pip install 'sentinelle[spark]'` and Java 17)."""


@spark.command()
@click.option(
    "--input",
    "inputs",
    multiple=True,
    required=True,
    metavar="PATH",
    help="Posts: .jsonl(.gz), .csv(.gz) or .parquet files, or directories; any Hadoop URI "
    "(hdfs://, s3a://...). Repeat for several.",
)
@click.option("--output", required=True, metavar="DIR", help="Where to write the Parquet results.")
@click.option(
    "--master",
    default=None,
    metavar="URL",
    help="Spark master (local[2], spark://host:7077, yarn...) [default: what spark-submit set, "
    "else local[*]].",
)
@click.option(
    "--shuffle-partitions",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Partitions after a shuffle: about 2-3 per executor core.",
)
@handle_errors
def analyze(inputs: tuple[str, ...], output: str, master: str | None, shuffle_partitions: int):
    """Validate, extract, link and score posts on Spark; write posts/, networks/, quarantine/,
    edges/ and state/ as Parquet under DIR (then `sentinelle load DIR` for the workspace)."""
    from sentinelle.spark.analyze import spark_analyze

    summary = spark_analyze(
        list(inputs),
        output,
        master=master,
        shuffle_partitions=shuffle_partitions,
        progress=lambda line: err_console.print(line, highlight=False),
    )
    total = sum(summary.seconds.values())
    stages = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in summary.seconds.items())
    click.echo(
        f"analysed {summary.posts:,} posts ({summary.read:,} records read, "
        f"{summary.quarantined:,} quarantined) in {total:.1f}s: {stages}; "
        f"{summary.networks:,} networks; results in {output}"
    )
