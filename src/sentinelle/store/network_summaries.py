"""Per-network summary rows: written by `analyze` after scoring, read by the network list and
the overview.

Summarising 150,000 networks from a million linked posts takes 7-8 s of CPU; done per server
process at start and every few minutes, the first request after a start waited for it. Here
`analyze` writes the rows with one INSERT ... SELECT (all of them after a full run, only the
networks it touched after an incremental one), and a list page is a filtered, sorted query.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Integer,
    Select,
    and_,
    cast,
    false,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
)

from sentinelle.store.bulk import _IN_CHUNK
from sentinelle.store.db import Store
from sentinelle.store.network_views import drop_views
from sentinelle.store.schema import (
    link_state,
    network_aliases,
    network_facets,
    network_summaries,
    network_views,
    post_analysis,
    posts,
)

_SCORES = ("minor", "control", "recruitment")


def _joined(dialect: str, column):
    """Distinct values of `column` in a group, comma-joined."""
    if dialect == "postgresql":
        return func.coalesce(func.string_agg(column.distinct(), literal_column("','")), "")
    return func.coalesce(func.group_concat(column.distinct()), "")


def summary_select(dialect: str) -> Select:
    """The grouped query whose rows are `network_summaries` rows (in its columns' order)."""
    a = post_analysis.c
    greatest = func.greatest if dialect == "postgresql" else func.max  # SQLite: scalar max
    scores = [func.coalesce(a[f"score_{name}"], 0.0) for name in _SCORES]
    return (
        select(
            a.network_id,
            func.count(),
            *(func.max(a[f"score_{name}"]) for name in _SCORES),
            func.max(greatest(*scores)),
            func.max(scores[0] + scores[1]),
            func.sum(cast(func.coalesce(a.flags, 0) > 0, Integer)),
            func.min(a.posted_ts),
            func.max(a.posted_ts),
            _joined(dialect, a.city),
            func.count(a.city.distinct()),
            _joined(dialect, posts.c.source),
        )
        .select_from(post_analysis.join(posts, posts.c.pk == a.post_pk))
        .where(a.network_id.is_not(None))
        .group_by(a.network_id)
    )


CHANGED_AT = "networks_changed_at"  # the `link_state` row of `mark_networks_changed`


def mark_networks_changed(connection) -> None:
    """Note, in `connection`'s transaction, that what a network page shows may have changed:
    the workspace keeps network pages and lists until this moment moves."""
    state = link_state.c
    connection.execute(link_state.delete().where(state.name == CHANGED_AT))
    connection.execute(insert(link_state).values(name=CHANGED_AT, value=repr(time.time())))


def networks_changed_at(store: Store) -> str | None:
    """When analysis (or a purge) last changed networks; None before any did."""
    query = select(link_state.c.value).where(link_state.c.name == CHANGED_AT)
    with store.engine.connect() as connection:
        return connection.execute(query).scalar()


def facet_selects() -> list[Select]:
    """The queries whose rows are `network_facets` rows: each network's distinct cities and
    sources (the sets its summary joins with commas)."""
    a = post_analysis.c
    cities = (
        select(literal("city"), a.city, a.network_id)
        .where(a.network_id.is_not(None), a.city.is_not(None))
        .distinct()
    )
    sources = (
        select(literal("source"), posts.c.source, a.network_id)
        .select_from(post_analysis.join(posts, posts.c.pk == a.post_pk))
        .where(a.network_id.is_not(None))
        .distinct()
    )
    return [cities, sources]


def _rewrite(connection, table, queries: list[Select], network_ids: Iterable[str] | None) -> None:
    """Replace `table`'s rows of `network_ids` (all rows when None) by `queries`' rows; rows of
    networks merged away are dropped."""
    columns = [c.name for c in table.columns]
    if network_ids is None:
        connection.execute(table.delete())
        for query in queries:
            connection.execute(insert(table).from_select(columns, query))
        return
    ids = sorted({i for i in network_ids if i})
    for start in range(0, len(ids), _IN_CHUNK):
        chunk = ids[start : start + _IN_CHUNK]
        connection.execute(table.delete().where(table.c.network_id.in_(chunk)))
        for query in queries:
            chosen = query.where(post_analysis.c.network_id.in_(chunk))
            connection.execute(insert(table).from_select(columns, chosen))
    merged = select(network_aliases.c.alias)
    connection.execute(table.delete().where(table.c.network_id.in_(merged)))


def write_summary_rows(connection, network_ids: Iterable[str] | None = None) -> None:
    """The `network_summaries` rows alone (migration 0011 backfills them)."""
    _rewrite(connection, network_summaries, [summary_select(connection.dialect.name)], network_ids)


def write_facets(connection, network_ids: Iterable[str] | None = None) -> None:
    """The `network_facets` rows alone (migration 0014 backfills them)."""
    _rewrite(connection, network_facets, facet_selects(), network_ids)


def write_summaries(connection, network_ids: Iterable[str] | None = None) -> None:
    """Rewrite the summaries and facets of `network_ids` (every network when None) on
    `connection`, in its transaction; rows of networks merged away are dropped."""
    ids = None if network_ids is None else list(network_ids)
    write_summary_rows(connection, ids)
    write_facets(connection, ids)
    drop_views(connection, ids)  # their stored pages: written again after `analyze`
    if ids is not None:  # and those of networks merged into others (all went with None)
        merged = select(network_aliases.c.alias)
        connection.execute(network_views.delete().where(network_views.c.network_id.in_(merged)))
    mark_networks_changed(connection)


def refresh_summaries(store: Store, network_ids: Iterable[str] | None = None) -> None:
    """`write_summaries` in a transaction of its own."""
    with store.engine.begin() as connection:
        write_summaries(connection, network_ids)


def pending_network_ids(store: Store) -> set[str]:
    """Networks of posts waiting for analysis: a changed post may leave its network, which
    then needs a new summary though none of its posts is scored again."""
    query = (
        select(post_analysis.c.network_id)
        .join(posts, posts.c.pk == post_analysis.c.post_pk)
        .where(posts.c.pending.is_(True), post_analysis.c.network_id.is_not(None))
        .distinct()
    )
    with store.engine.connect() as connection:
        return {row[0] for row in connection.execute(query)}


@dataclass(frozen=True, slots=True)
class NetworkFilter:
    """What the network list keeps. `label` "" or "any" means the highest of the three scores."""

    label: str = ""
    min_score: float | None = None
    min_posts: float | None = None
    city: str = ""  # lower-case part of a city name
    source: str = ""
    since_ts: float | None = None  # last post on or after
    until_ts: float | None = None  # first post before (exclusive end)
    known: Sequence[str] | None = None  # only these networks (known to a case)


NETWORK_ORDERS = {
    "risk": ("risk", "posts"),
    "posts": ("posts", "risk"),
    "last": ("last_ts", "posts"),
    "first": ("first_ts", "posts"),
    "cities": ("city_count", "posts"),
}


def _at_least(column, low: float):
    """`coalesce(column, 0) >= low`, written so that an index on `column` serves it when
    `low` is positive (a NULL then never passes)."""
    return column >= low if low > 0 else func.coalesce(column, 0) >= low


def _conditions(spec: NetworkFilter, cities: Sequence[str] = ()) -> list:
    """`cities`: the city names that contain `spec.city` (`_cities_named`)."""
    c, f = network_summaries.c, network_facets.c
    where = []
    if spec.min_score is not None:
        column = c.risk if spec.label in ("", "any") else c[spec.label]
        where.append(_at_least(column, spec.min_score))
    if spec.min_posts is not None:
        where.append(c.posts >= spec.min_posts)
    if spec.city:  # any of its cities
        with_city = select(f.network_id).where(f.kind == "city", f.value.in_(list(cities)))
        where.append(c.network_id.in_(with_city) if cities else false())
    if spec.source:
        with_source = select(f.network_id).where(f.kind == "source", f.value == spec.source)
        where.append(c.network_id.in_(with_source))
    if spec.since_ts is not None:
        where.append(_at_least(c.last_ts, spec.since_ts))
    if spec.until_ts is not None:
        where.append(func.coalesce(c.first_ts, 0) < spec.until_ts)
    if spec.known is not None:
        ids = sorted(spec.known)
        chunks = [ids[i : i + _IN_CHUNK] for i in range(0, len(ids), _IN_CHUNK)]
        where.append(or_(*(c.network_id.in_(chunk) for chunk in chunks)) if chunks else false())
    return [and_(*where)] if where else []


def _cities_named(connection, part: str) -> list[str]:
    """City names of some network that contain `part` (lower case). The distinct names are
    read from the facets' index (a skip-scan of about a hundred values at 150,000 networks),
    then matched here: matching every facet row in SQL took 50 ms."""
    f = network_facets.c
    names = connection.execute(select(f.value).where(f.kind == "city").distinct())
    return [name for (name,) in names if part in name.lower()]


def _order(sort: str, dialect: str) -> list:
    """The list's order, as index walks can give it: `risk`, `posts` and `city_count` are
    never NULL; a network without dates sorts as dated 0 (last on "last", first on "first")."""
    first, second = NETWORK_ORDERS[sort]
    c = network_summaries.c
    if sort == "first":  # oldest first, larger first among equals
        return [func.coalesce(c.first_ts, 0).asc(), c.posts.desc(), c.network_id.asc()]
    leading = c[first].desc()
    if first == "last_ts" and dialect == "postgresql":  # SQLite puts NULL last going down
        leading = leading.nulls_last()
    return [leading, c[second].desc(), c.network_id.asc()]


def list_networks(
    store: Store, spec: NetworkFilter, sort: str = "risk", offset: int = 0, limit: int = 50
) -> tuple[list[dict], int]:
    """One page of the networks `spec` keeps, in `sort` order, and how many it keeps; each
    row with `cities` and `sources` as sorted lists."""
    with store.engine.connect() as connection:
        where = _conditions(spec, _cities_named(connection, spec.city) if spec.city else ())
        page = select(network_summaries).where(*where).order_by(*_order(sort, store.dialect))
        rows = [dict(r) for r in connection.execute(page.offset(offset).limit(limit)).mappings()]
        if offset == 0 and len(rows) < limit:  # the whole list is on this page
            count = len(rows)
        else:
            total = select(func.count()).select_from(network_summaries).where(*where)
            count = connection.execute(total).scalar_one()
    return [_listed(row) for row in rows], count


def _listed(row: dict) -> dict:
    row["cities"] = sorted(v for v in row["cities"].split(",") if v)
    row["sources"] = sorted(v for v in row["sources"].split(",") if v)
    return row


def count_networks(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(network_summaries)).scalar_one()


def top_networks(store: Store, limit: int = 10) -> list[dict]:
    """Networks by risk for the overview: the highest minor + control score of one post, then
    size (an index walk of the summaries)."""
    c = network_summaries.c
    query = (
        select(
            c.network_id,
            c.posts,
            c.minor,
            c.control,
            c.recruitment,
            c.combined.label("risk"),
        )
        .order_by(c.combined.desc(), c.posts.desc())
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def summary_sources(store: Store) -> list[str]:
    """Sources some network was seen on (the filter's menu)."""
    f = network_facets.c
    query = select(f.value).where(f.kind == "source").distinct().order_by(f.value)
    with store.engine.connect() as connection:
        return [value for (value,) in connection.execute(query)]
