"""`sentinelle demo-data`: write a synthetic corpus and its ground truth.

A group, so that other demo commands (e.g. `demo-data cases`) can hang under it; its own
options generate posts when no subcommand is given.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.group(invoke_without_command=True)
@click.option(
    "--posts",
    "n_posts",
    type=click.IntRange(min=0),
    default=5000,
    show_default=True,
    help="Number of posts.",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same corpus.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Posts file (.jsonl, .jsonl.gz or .csv); stdout when omitted.",
)
@click.option(
    "--truth",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Ground-truth JSONL file.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default=None,
    help="Default: from the output name.",
)
@click.option(
    "--hard-obfuscation",
    type=click.FloatRange(0.0, 1.0),
    default=0.3,
    show_default=True,
    help="Share of phone numbers written with hard tricks.",
)
@click.pass_context
def demo_data(
    ctx: click.Context,
    n_posts: int,
    seed: int,
    output: Path | None,
    truth: Path | None,
    fmt: str | None,
    hard_obfuscation: float,
) -> None:
    """Write a realistic synthetic corpus (logistics only, no images) and its truth."""
    if ctx.invoked_subcommand is not None:
        return
    from sentinelle.demo import generate
    from sentinelle.demo.files import write_corpus

    if fmt is None:
        fmt = "csv" if output is not None and output.name.endswith((".csv", ".csv.gz")) else "jsonl"
    pairs = generate(n_posts, seed, hard_obfuscation)
    if n_posts >= 50_000 and output is not None:
        count = _write_with_progress(pairs, n_posts, output, truth, fmt)
    else:
        count = write_corpus(pairs, output, truth, fmt)
    if output is not None:
        target = f" and truth to {truth}" if truth is not None else ""
        click.echo(f"wrote {count} posts to {output}{target}", err=True)


def _write_with_progress(pairs, total: int, output: Path, truth: Path | None, fmt: str) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from sentinelle.demo.files import write_corpus

    columns = (
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("generating posts", total=total)
        count = write_corpus(
            pairs, output, truth, fmt, on_post=lambda n: progress.update(task, completed=n)
        )
        progress.update(task, completed=count)
    return count
