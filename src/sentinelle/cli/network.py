"""`sentinelle network show ID`: one network, readable, with why its posts belong together."""

from __future__ import annotations

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


@click.group()
def network() -> None:
    """Look at the networks linking found."""


@network.command("show")
@click.argument("network_id")
@click.option("--examples", default=3, show_default=True, help="Text links explained per network.")
@db_option
@handle_errors
def show(network_id: str, examples: int, db: str | None) -> None:
    """Posts, personas, identifiers, itinerary and the evidence behind every link: for text
    links, the match weights (what agreed, what disagreed); and the networks that share a
    common template with this one ("same template", never a merge)."""
    from sentinelle.link.profile import network_profile
    from sentinelle.link.summary import render_network
    from sentinelle.store.networks import (
        aliases_by_network,
        match_model,
        network_edges,
        network_posts,
        resolve_network_id,
        template_relations,
    )

    store = open_store_for(db)
    resolved = resolve_network_id(store, network_id)
    members = network_posts(store, resolved).get(resolved)
    if not members:
        raise click.ClickException(f"no network {network_id!r} (see `sentinelle export networks`)")
    profile = network_profile(resolved, members, aliases_by_network(store).get(resolved, []))
    lines = render_network(
        profile,
        network_edges(store, resolved),
        examples,
        match_model(store),
        template_relations(store, resolved),
    )
    if resolved != network_id:
        lines.insert(0, f"{network_id} was merged into {resolved}")
    click.echo("\n".join(lines))
