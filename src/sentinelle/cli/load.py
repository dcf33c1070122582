"""`sentinelle load DIR`"""

from __future__ import annotations

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@db_option
@handle_errors
def load(directory: str, db: str | None) -> None:
    """Load the results of `sentinelle spark analyze` (DIR) into an empty store, so the
    workspace, exports and reports work on them as after `ingest` + `analyze`."""
    from sentinelle.store.load import load_results

    store = open_store_for(db)
    summary = load_results(store, directory)
    click.echo(
        f"loaded {summary.posts:,} posts, {summary.edges:,} evidence edges, "
        f"{summary.networks:,} networks and {summary.quarantined:,} quarantined records "
        f"in {summary.seconds:.1f}s"
    )
