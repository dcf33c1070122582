"""Finding things by identifier, and the list of networks, for the workspace.

Identifier lookups read the `post_identifiers` value index (exact values, normalised the way
extraction stores them); the network list reads `network_summaries` (its own module).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from sentinelle.store.browse import _LIST_COLUMNS
from sentinelle.store.bulk import select_where_in
from sentinelle.store.db import Store
from sentinelle.store.schema import link_edges, post_analysis, post_identifiers, posts


def posts_carrying(
    store: Store, values: Sequence[str], limit: int = 500, at_risk_only: bool = False
) -> tuple[list[dict], int]:
    """Posts that carry any of the identifier `values`, newest first (at most `limit`), each
    with the values it carries (`matched`); and how many posts carry them in all."""
    values = sorted(set(values))
    if not values:
        return [], 0
    joined = post_identifiers.join(posts, posts.c.pk == post_identifiers.c.post_pk).join(
        post_analysis, post_analysis.c.post_pk == posts.c.pk
    )
    where = [post_identifiers.c.value.in_(values)]
    if at_risk_only:
        where.append(post_analysis.c.flags > 0)
    query = (
        select(*_LIST_COLUMNS, post_identifiers.c.value.label("matched_value"))
        .select_from(joined)
        .where(*where)
        .order_by(posts.c.posted_ts.desc(), posts.c.pk.desc())
        .limit(limit * len(values))
    )
    # Identifier rows are written with their post's analysis (and purged with it): the count
    # reads the value index alone unless it must test flags (the joins cost 1.5-2.5 ms for a
    # number carried by 140 posts).
    total = select(func.count(func.distinct(post_identifiers.c.post_pk)))
    total = total.select_from(joined) if at_risk_only else total
    with store.engine.connect() as connection:
        found = [dict(row) for row in connection.execute(query).mappings()]
        count = connection.execute(total.where(*where)).scalar() or 0
    rows: dict[int, dict] = {}
    for row in found:
        kept = rows.setdefault(row["pk"], {**row, "matched": []})
        kept["matched"].append(row["matched_value"])
    return list(rows.values())[:limit], count


def identifier_values_present(store: Store, values: Sequence[str]) -> list[str]:
    """Which of `values` some post carries (to tell "no such identifier" from "no access")."""
    if not values:
        return []
    query = select(post_identifiers.c.value).distinct()
    with store.engine.connect() as connection:
        rows = select_where_in(connection, query, post_identifiers.c.value, sorted(set(values)))
        return sorted({row[0] for row in rows})


def network_link_evidence(store: Store, network_id: str) -> list[tuple]:
    """A network's evidence edges as (kind, value, hub, left pk, right pk): the page counts
    posts per shared value, so it needs neither texts nor the posts' keys (a large network
    has about a thousand edges: joining each to both posts cost more than the rest)."""
    e = link_edges.c
    query = select(e.kind, e.value, e.hub, e.left_pk, e.right_pk).where(e.network_id == network_id)
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(query)]
