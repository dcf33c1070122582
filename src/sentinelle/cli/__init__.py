"""The `sentinelle` command line: a thin layer over the library.

Commands are loaded lazily from the table below so that `sentinelle --help` stays instant
and each command's module imports only what it needs.
"""

from __future__ import annotations

import importlib

import click

from sentinelle import __version__

# name -> "module:attribute" of a click command or group
COMMANDS: dict[str, str] = {
    "analyze": "sentinelle.cli.analyze:analyze",
    "audit": "sentinelle.cli.audit:audit",
    "backup": "sentinelle.cli.backup:backup",
    "cases": "sentinelle.cli.cases:cases",
    "demo-data": "sentinelle.cli.demo_data:demo_data",
    "evaluate": "sentinelle.cli.evaluate:evaluate",
    "explain": "sentinelle.cli.explain:explain",
    "export": "sentinelle.cli.export:export",
    "ingest": "sentinelle.cli.ingest:ingest",
    "load": "sentinelle.cli.load:load",
    "network": "sentinelle.cli.network:network",
    "outreach": "sentinelle.cli.outreach:outreach",
    "purge": "sentinelle.cli.backup:purge",
    "quarantine": "sentinelle.cli.quarantine:quarantine",
    "report": "sentinelle.cli.report:report",
    "restore": "sentinelle.cli.backup:restore",
    "serve": "sentinelle.cli.serve:serve",
    "spark": "sentinelle.cli.spark:spark",
    "terms": "sentinelle.cli.terms:terms",
    "tokens": "sentinelle.cli.tokens:tokens",
    "totp": "sentinelle.cli.totp:totp",
    "train": "sentinelle.cli.train:train",
    "users": "sentinelle.cli.users:users",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sentinelle")
def main() -> None:
    """Sentinelle: find posts that suggest a minor or a third party in control, link them
    to the groups behind them, and report.

    The database is SENTINELLE_DB (a SQLAlchemy URL or a file path; default ./sentinelle.db).
    """
