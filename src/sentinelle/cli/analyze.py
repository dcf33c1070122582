"""`sentinelle analyze`"""

from __future__ import annotations

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for, progress_bar

_UP_TO_DATE = "nothing to analyse: every post is up to date"


@click.command()
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="Worker processes [default: CPUs]."
)
@click.option(
    "--relink",
    is_flag=True,
    help="Link every post again from scratch (re-detects hub identifiers) and rescore all.",
)
@db_option
@handle_errors
def analyze(workers: int | None, relink: bool, db: str | None) -> None:
    """Extract, score and link every post not yet analysed (incremental: a second run with no
    new posts does nothing)."""
    from sentinelle.pipeline.pending import up_to_date
    from sentinelle.store.network_views import views_missing

    store = open_store_for(db)
    if not relink and up_to_date(store):
        if views_missing(store):  # a store migrated to 0017, or purged: pages to write
            from sentinelle.pipeline.analyze import analyze as run_analyze

            run_analyze(store)  # under the analyze lock, it writes only those
            click.echo("wrote the missing stored network pages")
        click.echo(_UP_TO_DATE)
        return
    from sentinelle.pipeline.analyze import analyze as run_analyze

    with progress_bar("analyze") as (progress, task):
        summary = run_analyze(
            store,
            workers=workers,
            relink=relink,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    if summary.analyzed:
        rate = summary.analyzed / summary.seconds if summary.seconds else 0
        click.echo(
            f"analysed {summary.analyzed:,} posts in {summary.seconds:.1f}s ({rate:,.0f}/s): "
            f"extraction {summary.extract_seconds:.1f}s, linking {summary.link_seconds:.1f}s, "
            f"scoring {summary.score_seconds:.1f}s; {summary.networks:,} networks"
        )
    elif summary.scored:
        click.echo(
            f"scored {summary.scored:,} posts in {summary.seconds:.1f}s "
            f"(linking {summary.link_seconds:.1f}s); {summary.networks:,} networks"
        )
    else:
        click.echo(_UP_TO_DATE)
