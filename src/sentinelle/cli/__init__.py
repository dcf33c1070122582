"""The `sentinelle` command line: a thin layer over the library.

Commands are loaded lazily from the table below so that `sentinelle --help` stays instant
and each command's module imports only what it needs.
"""

from __future__ import annotations

import importlib

import click

from sentinelle import __version__

# name -> ("module:attribute" of a click command or group, its one-line help). `--help` lists
# the commands from this table without importing them (their modules pull in the demo
# generator, phonenumbers, numpy...); a test checks each line against the command's own help.
COMMANDS: dict[str, tuple[str, str]] = {
    "analyze": (
        "sentinelle.cli.analyze:analyze",
        "Extract, score and link every post not yet analysed (incremental: a second run with "
        "no new posts does nothing).",
    ),
    "audit": ("sentinelle.cli.audit:audit", "The audit log."),
    "backup": (
        "sentinelle.cli.backup:backup",
        "Write a consistent backup of the store to FILE while it stays in use (SQLite: online "
        "backup, with the audit checkpoints beside it; PostgreSQL: pg_dump custom format).",
    ),
    "cases": (
        "sentinelle.cli.cases:cases",
        "Case records for strategic analysis (see shared/contract/cases.md).",
    ),
    "demo-data": (
        "sentinelle.cli.demo_data:demo_data",
        "Write a realistic synthetic corpus (logistics only, no images) and its truth.",
    ),
    "evaluate": (
        "sentinelle.cli.evaluate:evaluate",
        "Measure extraction (and, when present, linking and scoring) against a ground truth.",
    ),
    "explain": (
        "sentinelle.cli.explain:explain",
        "Print a post's scores, the indicators behind them and what came from the network.",
    ),
    "export": (
        "sentinelle.cli.export:export",
        "Export posts or networks in the contract formats.",
    ),
    "ingest": ("sentinelle.cli.ingest:ingest", "Store posts from FILE..."),
    "load": (
        "sentinelle.cli.load:load",
        "Load the results of `sentinelle spark analyze` (DIR) into an empty store, so the "
        "workspace, exports and reports work on them as after `ingest` + `analyze`.",
    ),
    "network": ("sentinelle.cli.network:network", "Look at the networks linking found."),
    "outreach": (
        "sentinelle.cli.outreach:outreach",
        "Digital outreach: persons at risk, organisations' files, retention, local services.",
    ),
    "purge": (
        "sentinelle.cli.backup:purge",
        "Apply retention limits (in days) per kind of data; `--dry-run` first to see the counts.",
    ),
    "quarantine": (
        "sentinelle.cli.quarantine:quarantine",
        "Records that could not be stored, with where and why.",
    ),
    "report": (
        "sentinelle.cli.report:report",
        "Reports for analysts: the strategic note from case records.",
    ),
    "restore": (
        "sentinelle.cli.backup:restore",
        "Restore a backup made by `sentinelle backup` into a new, empty store (--db).",
    ),
    "serve": (
        "sentinelle.cli.serve:serve",
        "Serve the workspace and the JSON API (/api, OpenAPI at /api/openapi.json).",
    ),
    "spark": (
        "sentinelle.cli.spark:spark",
        "Run the pipeline on Apache Spark (needs `pip install 'sentinelle[spark]'` and Java 17).",
    ),
    "terms": (
        "sentinelle.cli.terms:terms",
        "Emerging words: propose terms rising among flagged or reviewed posts, accept one.",
    ),
    "tokens": ("sentinelle.cli.tokens:tokens", "API tokens (`Authorization: Bearer TOKEN`)."),
    "totp": (
        "sentinelle.cli.totp:totp",
        "Second factor (TOTP codes from an authenticator app) for admin and analyst accounts.",
    ),
    "train": (
        "sentinelle.cli.train:train",
        "Train the minor, control and recruitment models on a labelled corpus.",
    ),
    "users": ("sentinelle.cli.users:users", "Workspace accounts."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attribute = entry[0].split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands' list from the table, as click would write it from each command."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        # a stand-in command shortens the line exactly as the real one would
        rows = [
            (name, click.Command(name, help=COMMANDS[name][1]).get_short_help_str(limit))
            for name in names
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sentinelle")
def main() -> None:
    """Sentinelle: find posts that suggest a minor or a third party in control, link them
    to the groups behind them, and report.

    The database is SENTINELLE_DB (a SQLAlchemy URL or a file path; default ./sentinelle.db).
    """
