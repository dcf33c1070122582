"""Case records in the store: bulk import (a re-imported case replaces the old one), loading
for the note, and the sightings of case identifiers in the posts.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import orjson
from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
    select,
)

from sentinelle.cases.crosslink import Sighting, normalise_identifier
from sentinelle.cases.records import Case, case_to_dict, stored_case
from sentinelle.store.bulk import insert_rows, select_where_in
from sentinelle.store.db import Store
from sentinelle.store.schema import metadata, post_analysis, post_identifiers, posts

_CHUNK = 2000  # values per IN query, under SQLite's (32766) and PostgreSQL's (65535) limits

cases = Table(
    "cases",
    metadata,
    Column("case_id", String(100), primary_key=True),
    Column("opened_on", String(10), nullable=False),  # ISO date
    Column("year", Integer, nullable=False, index=True),
    Column("department", String(3)),
    Column("area", String(12), nullable=False),
    Column("record", Text, nullable=False),  # the case in the contract's JSON, unknown fields kept
    Column("file", Text),  # where it was imported from
    Column("imported_at", Float, nullable=False),
)

# One row per identifier a case carries, in the form posts are indexed by.
case_identifiers = Table(
    "case_identifiers",
    metadata,
    Column("case_id", String(100), ForeignKey("cases.case_id"), nullable=False, index=True),
    Column("value", String(300), nullable=False),
    Index("ix_case_identifiers_value", "value"),
)


@dataclass(slots=True)
class CaseRows:
    """A batch of cases as store rows; built anywhere (a worker process), saved by `save_rows`."""

    cases: list[dict]
    identifiers: list[dict]


def case_rows(batch: Sequence[Case], file: str | None = None) -> CaseRows:
    """The rows of a batch of cases; within a batch the last case of an id wins."""
    latest = {case.case_id: case for case in batch}
    now = time.time()
    return CaseRows(
        cases=[_row(case, file, now) for case in latest.values()],
        identifiers=[
            {"case_id": case.case_id, "value": value}
            for case in latest.values()
            for value in sorted(set(map(normalise_identifier, case.identifiers)))
        ],
    )


def save_rows(store: Store, rows: CaseRows) -> int:
    """Store prepared rows; a case already stored under the same id is replaced.

    Returns how many of the batch replaced a stored case.
    """
    ids = [row["case_id"] for row in rows.cases]
    replaced = 0
    with store.engine.begin() as connection:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            connection.execute(
                case_identifiers.delete().where(case_identifiers.c.case_id.in_(chunk))
            )
            replaced += connection.execute(
                cases.delete().where(cases.c.case_id.in_(chunk))
            ).rowcount
        insert_rows(connection, cases, rows.cases)
        insert_rows(connection, case_identifiers, rows.identifiers)
    return replaced


def save_cases(store: Store, batch: Sequence[Case], file: str | None = None) -> int:
    """Store a batch of cases (see `save_rows`); returns how many replaced a stored case."""
    return save_rows(store, case_rows(batch, file))


def load_cases(store: Store, batch_size: int = 20000) -> Iterator[Case]:
    """Every stored case, in case_id order."""
    query = select(cases.c.record).order_by(cases.c.case_id)
    with store.engine.connect() as connection:
        result = connection.execution_options(yield_per=batch_size).execute(query)
        for (record,) in result:
            yield stored_case(orjson.loads(record))


def count_cases(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(cases)).scalar_one()


def sightings_of(store: Store, identifiers: Iterable[str] | None = None) -> list[Sighting]:
    """Each post carrying one of `identifiers` (normalised), with the post's whereabouts.

    Without `identifiers`, those of the stored cases (one query, no list to send).
    """
    query = (
        select(
            post_identifiers.c.value,
            posts.c.source,
            posts.c.post_id,
            posts.c.posted_at,
            func.coalesce(post_analysis.c.city, posts.c.city),
            post_analysis.c.network_id,
        )
        .select_from(post_identifiers)
        .join(posts, posts.c.pk == post_identifiers.c.post_pk)
        .outerjoin(post_analysis, post_analysis.c.post_pk == posts.c.pk)
    )
    with store.engine.connect() as connection:
        if identifiers is None:
            rows = connection.execute(
                query.where(post_identifiers.c.value.in_(select(case_identifiers.c.value)))
            )
        else:
            wanted = sorted(set(map(normalise_identifier, identifiers)))
            rows = select_where_in(connection, query, post_identifiers.c.value, wanted)
        return [Sighting(*row) for row in rows]


def networks_known_to_cases(store: Store) -> dict[str, list[str]]:
    """Each network some stored case shares an identifier with, and those cases (for overviews)."""
    query = (
        select(post_analysis.c.network_id, case_identifiers.c.case_id)
        .join(post_identifiers, post_identifiers.c.post_pk == post_analysis.c.post_pk)
        .join(case_identifiers, case_identifiers.c.value == post_identifiers.c.value)
        .where(post_analysis.c.network_id.is_not(None))
        .distinct()
        .order_by(post_analysis.c.network_id, case_identifiers.c.case_id)
    )
    known: dict[str, list[str]] = {}
    with store.engine.connect() as connection:
        for network_id, case_id in connection.execute(query):
            known.setdefault(network_id, []).append(case_id)
    return known


def network_identifiers(store: Store, networks: int) -> list[str]:
    """One identifier from each of the first `networks` networks: what a demo case can carry."""
    query = (
        select(post_analysis.c.network_id, func.min(post_identifiers.c.value))
        .join(post_identifiers, post_identifiers.c.post_pk == post_analysis.c.post_pk)
        .where(post_analysis.c.network_id.is_not(None))
        .group_by(post_analysis.c.network_id)
        .order_by(post_analysis.c.network_id)
        .limit(networks)
    )
    with store.engine.connect() as connection:
        return [value for _, value in connection.execute(query)]


def _row(case: Case, file: str | None, now: float) -> dict:
    return {
        "case_id": case.case_id,
        "opened_on": case.opened_on.isoformat(),
        "year": case.year,
        "department": case.department,
        "area": case.area,
        "record": orjson.dumps(case_to_dict(case)).decode(),
        "file": file,
        "imported_at": now,
    }
