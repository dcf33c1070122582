"""`sentinelle outreach refresh|purge|services import|organisations`"""

from __future__ import annotations

from pathlib import Path

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


@click.group()
def outreach() -> None:
    """Digital outreach: persons at risk, organisations' files, retention, local services."""


@outreach.command("refresh")
@db_option
@handle_errors
def refresh_persons(db: str | None) -> None:
    """Rebuild the persons at risk from flagged posts (`analyze` does it after each run)."""
    from sentinelle.outreach.refresh import refresh

    counts = refresh(open_store_for(db))
    click.echo(
        f"{counts['persons']:,} persons at risk ({counts['new']:,} new, "
        f"{counts['inactive']:,} no longer flagged)"
    )


@outreach.command("purge")
@click.option(
    "--months",
    type=click.FloatRange(min=0.1),
    default=12.0,
    show_default=True,
    envvar="SENTINELLE_OUTREACH_RETENTION_MONTHS",
    help="Delete files with no activity for this long [env SENTINELLE_OUTREACH_RETENTION_MONTHS].",
)
@click.option("--dry-run", is_flag=True, help="Only list what would be deleted.")
@db_option
@handle_errors
def purge(months: float, dry_run: bool, db: str | None) -> None:
    """Delete outreach files idle longer than the retention period; each leaves a tombstone
    (no identifying data) in the audit log."""
    from sentinelle.outreach.retention import purge_idle

    files = purge_idle(open_store_for(db), months, dry_run=dry_run)
    verb = "would delete" if dry_run else "deleted"
    for file in files:
        click.echo(
            f"{verb} file {file['pk']} ({file['organisation']}, {file['status']}, "
            f"idle {file['idle_days']} days)"
        )
    plural = "s" if len(files) != 1 else ""
    click.echo(f"{verb} {len(files)} file{plural} idle over {months:g} months")


@outreach.group("services")
def services() -> None:
    """The local services directory (CRIP, health, shelter, legal aid) of an organisation."""


@services.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--org", "org", default="default", show_default=True, help="Organisation.")
@db_option
@handle_errors
def import_services(file: Path, org: str, db: str | None) -> None:
    """Replace the organisation's directory with FILE (CSV: departement, type, nom, telephone,
    adresse, horaires, email; type is crip, sante, hebergement or juridique)."""
    from sentinelle.outreach.services import read_services
    from sentinelle.store.organisations import ensure_organisation
    from sentinelle.store.outreach import replace_services

    rows = read_services(file)
    store = open_store_for(db)
    count = replace_services(store, ensure_organisation(store, org).pk, rows)
    departments = len({row["department"] for row in rows})
    click.echo(f"imported {count} services in {departments} départements for {org}")


@outreach.command("organisations")
@db_option
@handle_errors
def organisations(db: str | None) -> None:
    """Organisations and their accounts."""
    from sentinelle.store.accounts import list_accounts
    from sentinelle.store.organisations import organisation_of

    store = open_store_for(db)
    for account in list_accounts(store):
        click.echo(f"{organisation_of(store, account.pk).name}\t{account.name}\t{account.role}")
