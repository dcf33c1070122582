"""`sentinelle cases import FILE` and the demo case generator (`sentinelle demo-data cases`)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from sentinelle.cli.common import db_option, err_console, handle_errors, open_store_for

PLANTED = 12  # demo cases that carry an identifier seen in the demo posts


@click.group()
def cases() -> None:
    """Case records for strategic analysis (see shared/contract/cases.md)."""


@cases.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@db_option
@handle_errors
def import_cases(file: str, db: str | None) -> None:
    """Store the case records of FILE (JSONL); a re-imported case replaces the stored one.

    Records that break the contract are quarantined with file, line, field and reason (see
    `sentinelle quarantine list`); the rest goes on.
    """
    from sentinelle.cases.importing import import_case_file
    from sentinelle.cases.records import require_case_file

    require_case_file(file)  # before opening (and perhaps creating) the database
    summary = import_case_file(open_store_for(db), file)
    click.echo(
        f"read {summary.read:,} records: {summary.stored:,} cases stored"
        f" ({summary.replaced:,} replaced), {summary.quarantined:,} quarantined"
    )
    for problem in summary.problems[:10]:
        err_console.print(f"[yellow]quarantined[/] {problem}", highlight=False, soft_wrap=True)
    if summary.quarantined > 10:
        err_console.print("see all with: sentinelle quarantine list", highlight=False)


@click.command("cases")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option(
    "--plant-from-store",
    is_flag=True,
    help="Give some cases an identifier of the networks already in the database.",
)
@click.option(
    "--posts",
    "n_posts",
    type=int,
    default=None,
    help="Give some cases an identifier of the demo posts generate(N, --posts-seed).",
)
@click.option("--posts-seed", type=int, default=1, show_default=True)
@db_option
@handle_errors
def demo_cases(
    output: str, seed: int, plant_from_store: bool, n_posts: int | None, posts_seed: int, db
) -> None:
    """Write synthetic case records whose note reproduces the published national figures."""
    import orjson

    from sentinelle.cases.demo import generate_cases

    planted = _identifiers_to_plant(plant_from_store, n_posts, posts_seed, db)
    records = generate_cases(seed, planted)
    Path(output).write_bytes(b"".join(orjson.dumps(record) + b"\n" for record in records))
    click.echo(
        f"wrote {len(records):,} demo cases to {output}"
        f" ({len(planted)} carry an identifier seen online)"
    )


def _identifiers_to_plant(from_store: bool, n_posts: int | None, posts_seed: int, db) -> list:
    if from_store:
        from sentinelle.store.cases import network_identifiers

        return network_identifiers(open_store_for(db), PLANTED)
    if n_posts:
        return _demo_post_identifiers(n_posts, posts_seed)
    return []


def _demo_post_identifiers(n_posts: int, seed: int) -> list[str]:
    """One identifier of each of the first exploiting actors of the demo posts (phones first)."""
    from sentinelle.demo import generate

    by_actor: dict[str, Counter] = {}
    for _post, truth in generate(n_posts, seed):
        labels = truth.get("labels", {})
        if labels.get("control") or labels.get("minor"):
            carried = truth.get("phones") or truth.get("handles") or []
            by_actor.setdefault(truth.get("actor"), Counter()).update(carried)
    planted = [counts.most_common(1)[0][0] for counts in by_actor.values() if counts]
    return planted[:PLANTED]
