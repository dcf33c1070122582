"""`sentinelle demo-data`: write a synthetic corpus and its ground truth.

A group, so that other demo commands (e.g. `demo-data cases`) can hang under it; its own
options generate posts when no subcommand is given.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from sentinelle.demo.stress.knobs import KNOBS as _KNOBS

_PROGRESS_FROM = 50_000  # posts; smaller corpora are written in a blink


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
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default="-",
    help="Posts file (.jsonl, .jsonl.gz or .csv); '-' (default) is stdout.",
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
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes generating blocks of 10,000 posts (default: up to 2); same output.",
)
@click.option(
    "--profile",
    type=click.Choice(["demo", "stress"]),
    default="demo",
    show_default=True,
    help="demo: the everyday corpus; stress: a corpus written apart, with hard phenomena as knobs.",
)
@click.option(
    "--knob",
    "knobs",
    multiple=True,
    metavar="NAME=SHARE",
    help="Stress profile only, repeatable: set a phenomenon's share (0 removes it). Knobs: "
    + "; ".join(f"{name} (default {default})" for name, (default, _) in _KNOBS.items())
    + ". See docs/demo-corpus.md.",
)
@click.pass_context
def demo_data(
    ctx: click.Context,
    n_posts: int,
    seed: int,
    output: Path,
    truth: Path | None,
    fmt: str | None,
    hard_obfuscation: float,
    workers: int | None,
    profile: str,
    knobs: tuple[str, ...],
) -> None:
    """Write a realistic synthetic corpus (logistics only, no images) and its truth."""
    if ctx.invoked_subcommand is not None:
        return
    if fmt is None:
        fmt = "csv" if output.name.endswith((".csv", ".csv.gz")) else "jsonl"
    if workers is None:
        workers = min(2, os.cpu_count() or 1)
    options = {"fmt": fmt, "workers": workers}
    to_stdout = str(output) == "-"
    if profile == "stress":
        count = _write_stress(n_posts, seed, hard_obfuscation, output, truth, fmt, knobs)
    elif knobs:
        raise click.UsageError("--knob applies to --profile stress only")
    elif n_posts >= _PROGRESS_FROM:
        count = _write_with_progress(n_posts, seed, hard_obfuscation, output, truth, options)
    else:
        from sentinelle.demo.files import write_corpus

        count = write_corpus(n_posts, seed, hard_obfuscation, output, truth, **options)
    if not to_stdout:
        target = f" and truth to {truth}" if truth is not None else ""
        click.echo(f"wrote {count} posts to {output}{target}", err=True)


def _write_stress(
    n_posts: int,
    seed: int,
    hard: float,
    output: Path,
    truth: Path | None,
    fmt: str,
    knobs: tuple[str, ...],
) -> int:
    from sentinelle.demo.stress.files import write_stress_corpus
    from sentinelle.demo.stress.knobs import parse_knobs

    try:
        shares = parse_knobs(knobs)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--knob") from None
    return write_stress_corpus(n_posts, seed, shares, hard, output, truth, fmt)


def _write_with_progress(
    n_posts: int, seed: int, hard: float, output: Path, truth: Path | None, options: dict
) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from sentinelle.demo.files import write_corpus

    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("generating posts", total=n_posts)
        return write_corpus(
            n_posts, seed, hard, output, truth, **options,
            on_progress=lambda done: progress.update(task, completed=done),
        )  # fmt: skip


def _attach_subcommands() -> None:
    """`demo-data cases` lives with the case commands; it hangs under this group."""
    from sentinelle.cli.cases import demo_cases

    demo_data.add_command(demo_cases, "cases")


_attach_subcommands()
