"""What a command imports before it works: `--help`, `ingest` and an up-to-date `analyze` stay
clear of the web app, Spark, plotting, the pipeline's numeric stack and the demo generator."""

from __future__ import annotations

import re
from pathlib import Path

import click

from factories import jsonl, post_dict
from sentinelle.cli import COMMANDS, main

# Packages none of the three light commands needs (rich: stderr is not a terminal here).
HEAVY = (
    "alembic",
    "fastapi",
    "jinja2",
    "matplotlib",
    "numpy",
    "phonenumbers",
    "pygments",
    "pyspark",
    "rich",
    "scipy",
    "sentinelle.demo",
    "sentinelle.extract",
    "sentinelle.link",
    "sentinelle.score",
    "sentinelle.web",
    "starlette",
    "sqlalchemy.dialects.postgresql",
)


def imported(cli, *args: str, db: str | None = None) -> set[str]:
    """Every module the real CLI imports for `args` (from `-X importtime`)."""
    result = cli(*args, db=db, python_options=("-X", "importtime"))
    assert result.returncode == 0, result.stderr
    names = re.findall(rb"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", result.stderr, re.M)
    assert names, "no import trace"
    return {name.decode() for name in names}


def heavy_among(modules: set[str]) -> set[str]:
    return {m for m in modules for h in HEAVY if m == h or m.startswith(h + ".")}


def test_help_lists_each_command_as_click_would_from_the_command_itself():
    context = click.Context(main)
    for width in (40, 80, 200):
        ours, clicks = click.HelpFormatter(width=width), click.HelpFormatter(width=width)
        main.format_commands(context, ours)
        click.Group.format_commands(main, context, clicks)  # imports every command
        assert ours.getvalue() == clicks.getvalue()
    assert set(COMMANDS) == set(main.list_commands(context))


def test_help_imports_no_command(cli):
    modules = imported(cli, "--help")
    assert not {m for m in modules if m.startswith("sentinelle.cli.")}
    assert not heavy_among(modules)
    assert "sqlalchemy" not in modules


def test_ingest_and_an_up_to_date_analyze_import_nothing_heavy(cli, tmp_path: Path):
    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(post_dict(1)))
    assert cli("ingest", str(path), db=db).returncode == 0
    assert cli("analyze", "--workers", "1", db=db).returncode == 0
    assert heavy_among(imported(cli, "ingest", str(path), db=db)) == set()
    modules = imported(cli, "analyze", db=db)
    assert heavy_among(modules) == set()
    assert "sentinelle.pipeline.analyze" not in modules


def test_an_up_to_date_analyze_says_so(cli, tmp_path: Path):
    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(post_dict(1)))
    cli("ingest", str(path), db=db)
    first = cli("analyze", "--workers", "1", db=db)
    assert first.stdout.decode().startswith("analysed 1 posts")
    again = cli("analyze", "--workers", "1", db=db)
    assert again.returncode == 0
    assert again.stdout.decode().strip() == "nothing to analyse: every post is up to date"
