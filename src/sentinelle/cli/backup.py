"""`sentinelle backup`, `sentinelle restore` and `sentinelle purge` (retention)."""

from __future__ import annotations

import time

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


@click.command()
@click.argument("destination", metavar="FILE")
@db_option
@handle_errors
def backup(destination: str, db: str | None) -> None:
    """Write a consistent backup of the store to FILE while it stays in use (SQLite: online
    backup, with the audit checkpoints beside it; PostgreSQL: pg_dump custom format)."""
    from sentinelle.store.backup import backup as write_backup

    click.echo(write_backup(open_store_for(db), destination))


@click.command()
@click.argument("source", metavar="FILE")
@db_option
@handle_errors
def restore(source: str, db: str | None) -> None:
    """Restore a backup made by `sentinelle backup` into a new, empty store (--db)."""
    from sentinelle.config import database_url
    from sentinelle.store.backup import restore as restore_backup

    click.echo(restore_backup(database_url(db), source))


@click.command()
@click.option("--posts-days", type=click.FloatRange(min=0), help="Remove posts older than this.")
@click.option(
    "--identifiers-days",
    type=click.FloatRange(min=0),
    help="Remove phones and handles extracted from posts older than this (posts kept).",
)
@click.option(
    "--audit-days", type=click.FloatRange(min=0), help="Remove audit entries older than this."
)
@click.option("--dry-run", is_flag=True, help="Only count what would be removed.")
@db_option
@handle_errors
def purge(
    posts_days: float | None,
    identifiers_days: float | None,
    audit_days: float | None,
    dry_run: bool,
    db: str | None,
) -> None:
    """Apply retention limits (in days) per kind of data; `--dry-run` first to see the counts.
    Posts go by their date; a purge of the audit log is itself recorded in the chain, which
    keeps verifying."""
    from sentinelle.audit.log import announce_purge, check_can_record, record_event
    from sentinelle.store.retention import plan_or_purge

    if posts_days is None and identifiers_days is None and audit_days is None:
        raise click.UsageError(
            "give at least one of --posts-days, --identifiers-days, --audit-days"
        )
    store = open_store_for(db)
    if not dry_run:
        check_can_record(store)
    plan = plan_or_purge(
        store,
        time.time(),
        posts_days=posts_days,
        identifiers_days=identifiers_days,
        audit_days=audit_days,
        dry_run=dry_run,
        before_audit_purge=lambda last, anchor: announce_purge(store, last, anchor),
    )
    verb = "would remove" if dry_run else "removed"
    click.echo(
        f"{verb}: {plan.posts:,} posts, {plan.identifiers:,} identifiers, "
        f"{plan.audit:,} audit entries"
    )
    for note in plan.notes:
        click.echo(f"note: {note}", err=True)
    if not dry_run:
        detail = {"posts": plan.posts, "identifiers": plan.identifiers, "audit": plan.audit}
        record_event(store, None, "retention.purge", "store", "", detail)
