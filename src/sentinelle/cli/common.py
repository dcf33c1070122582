"""What every command shares: the database option, store opening, progress bars, clean errors."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from contextlib import contextmanager

import click

from sentinelle.errors import SentinelleError


class _StderrConsole:
    """rich's stderr console, imported on first use: most runs print nothing there, and rich
    costs a tenth of a second to import."""

    _console = None

    def real(self):
        """The rich `Console` itself (for rich objects that take one)."""
        if _StderrConsole._console is None:
            from rich.console import Console

            _StderrConsole._console = Console(stderr=True)
        return _StderrConsole._console

    def __getattr__(self, name: str):
        return getattr(self.real(), name)


err_console = _StderrConsole()


class _NoProgress:
    """What `progress_bar` yields when stderr is not a terminal: updates go nowhere."""

    def update(self, *_args, **_kwargs) -> None:
        return None


def db_option(command: Callable) -> Callable:
    """`--db URL_OR_PATH`, defaulting to SENTINELLE_DB, else ./sentinelle.db."""
    return click.option(
        "--db",
        "db",
        envvar="SENTINELLE_DB",
        default=None,
        metavar="URL|PATH",
        help="Database: a SQLAlchemy URL or a SQLite file path "
        "[env SENTINELLE_DB; default ./sentinelle.db].",
    )(command)


def handle_errors(command: Callable) -> Callable:
    """Turn library errors into one clean line on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except SentinelleError as error:
            err_console.print(f"[bold red]error:[/] {error}", highlight=False)
            sys.exit(1)
        except Exception as error:  # a database or disk failure the user can act on
            from sentinelle.store.failures import explain

            explained = explain(error)
            if explained is None:
                raise
            err_console.print(f"[bold red]error:[/] {explained}", highlight=False)
            sys.exit(1)

    return wrapper


def audit_admin(store, action: str, target: str, detail: dict | None = None) -> None:
    """Administration done from the command line is audited like the workspace's, under the
    system user's name."""
    import getpass

    from sentinelle.audit import record_event
    from sentinelle.auth.roles import Actor

    record_event(store, Actor(f"cli:{getpass.getuser()}", "admin"), action, target, "cli", detail)


def open_store_for(db: str | None):
    from sentinelle.store import open_store

    return open_store(db)


@contextmanager
def progress_bar(description: str, *, bytes_mode: bool = False):
    """A rich progress bar on stderr; silent (and rich not imported) when stderr is not a
    terminal."""
    if not sys.stderr.isatty():
        yield _NoProgress(), None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]
    if not bytes_mode:
        columns.insert(2, MofNCompleteColumn())
    console = err_console.real()
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as progress:
        task = progress.add_task(description, total=None)
        yield progress, task
