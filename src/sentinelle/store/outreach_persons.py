"""Persons at risk in the store: rebuilt from flagged posts at analyze time, read by the queue.

The queue never groups posts per request: `refresh_persons` folds the flagged posts into one
row per person (upserted by a stable contact key, so outreach files stay attached), and the
queue walks `(active, urgency, pk)` newest-urgent first, skipping persons the organisation
already has a file on through the `(org_pk, person_pk)` unique index.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import orjson
from sqlalchemy import and_, exists, insert, or_, select, update

from sentinelle.outreach.persons import FlaggedPost, Person, group_persons
from sentinelle.store.bulk import select_where_in
from sentinelle.store.db import Store
from sentinelle.store.schema import outreach_files, outreach_persons, post_analysis, posts

_BATCH = 5000


def iter_flagged_posts(store: Store, batch_size: int = 20_000) -> Iterator[list[FlaggedPost]]:
    """Flagged posts in key order, through the partial index on flagged analyses."""
    a = post_analysis
    columns = (
        a.c.post_pk, posts.c.source, posts.c.post_id, posts.c.posted_ts, a.c.phones,
        a.c.handles, a.c.stated_ages, a.c.indicators, a.c.score_minor, a.c.flags, a.c.city,
        a.c.department, a.c.network_id,
    )  # fmt: skip
    after = 0
    with store.engine.connect() as connection:
        while True:
            query = (
                select(*columns)
                .join(posts, posts.c.pk == a.c.post_pk)
                .where(a.c.flags > 0, a.c.post_pk > after)
                .order_by(a.c.post_pk)
                .limit(batch_size)
            )
            rows = connection.execute(query).all()
            if not rows:
                return
            yield [_flagged(row) for row in rows]
            after = rows[-1].post_pk


def _flagged(row) -> FlaggedPost:
    return FlaggedPost(
        row.post_pk, row.source, row.post_id, row.posted_ts, row.phones, row.handles,
        row.stated_ages, row.indicators, row.score_minor, row.flags or 0, row.city,
        row.department, row.network_id,
    )  # fmt: skip


def _name_personas(store: Store, persons: list[Person], persona_of) -> None:
    """The first name each person's newest post presents: texts read for those posts only."""
    newest = {person.newest_pk: person for person in persons}
    query = select(posts.c.pk, posts.c.title, posts.c.text)
    with store.engine.connect() as connection:
        for pk, title, body in select_where_in(connection, query, posts.c.pk, list(newest)):
            names = persona_of(f"{title}\n{body}" if title else body)
            newest[pk].persona = names[0] if names else None


def refresh_persons(
    store: Store,
    descriptions: dict[str, str],
    persona_of: Callable[[str], list[str]] | None = None,
    now: float | None = None,
) -> dict[str, int]:
    """Rebuild persons from the flagged posts; persons with no flagged post left go inactive
    (their files stay). Returns counts: persons, new, inactive."""
    now = time.time() if now is None else now
    flagged = [post for batch in iter_flagged_posts(store) for post in batch]
    persons = group_persons(flagged, descriptions)
    if persona_of is not None:
        _name_personas(store, persons, persona_of)
    counts = {"persons": len(persons), "new": 0, "inactive": 0}
    with store.engine.begin() as connection:
        known = _known_keys(connection, [p.contact_key for p in persons])
        new = [p.row(now) for p in persons if p.contact_key not in known]
        changed = [_update_row(p, now, known) for p in persons if p.contact_key in known]
        for start in range(0, len(new), _BATCH):
            connection.execute(insert(outreach_persons), new[start : start + _BATCH])
        if changed:
            connection.execute(
                update(outreach_persons)
                .where(outreach_persons.c.pk == _bind("b_pk"))
                .values({name: _bind(f"b_{name}") for name in _UPDATED}),
                changed,
            )
        gone = connection.execute(
            update(outreach_persons)
            .where(outreach_persons.c.active.is_(True), outreach_persons.c.refreshed_at < now)
            .values(active=False)
        )
        counts["new"], counts["inactive"] = len(new), gone.rowcount or 0
        # The queue's plan needs both tables' figures: with none for files, PostgreSQL expects
        # two rows and rescans every file for each person (125 ms instead of 1.5 at 1M posts).
        connection.exec_driver_sql("ANALYZE outreach_persons")
        connection.exec_driver_sql("ANALYZE outreach_files")
    return counts


_UPDATED = (
    "contact_kind", "contact_value", "platform", "network_id", "persona", "city", "department",
    "first_ts", "last_ts", "posts", "stated_age", "score_minor", "flags", "reasons", "post_pks",
    "urgency", "active", "refreshed_at",
)  # fmt: skip


def _bind(name: str):
    from sqlalchemy import bindparam

    return bindparam(name)


def _update_row(person: Person, now: float, known: dict[str, int]) -> dict:
    row = person.row(now)
    values = {f"b_{name}": row[name] for name in _UPDATED}
    values["b_pk"] = known[person.contact_key]
    return values


def _known_keys(connection, keys: list[str]) -> dict[str, int]:
    query = select(outreach_persons.c.contact_key, outreach_persons.c.pk)
    return dict(select_where_in(connection, query, outreach_persons.c.contact_key, keys))


QUEUE_COLUMNS = (
    outreach_persons.c.pk,
    outreach_persons.c.contact_kind,
    outreach_persons.c.contact_value,
    outreach_persons.c.platform,
    outreach_persons.c.persona,
    outreach_persons.c.city,
    outreach_persons.c.department,
    outreach_persons.c.first_ts,
    outreach_persons.c.last_ts,
    outreach_persons.c.posts,
    outreach_persons.c.stated_age,
    outreach_persons.c.score_minor,
    outreach_persons.c.flags,
    outreach_persons.c.reasons,
    outreach_persons.c.urgency,
)


def person_queue(
    store: Store,
    org_pk: int,
    *,
    department: str | None = None,
    limit: int = 20,
    after: tuple[float, int] | None = None,
) -> list[dict]:
    """Active persons the organisation has no open file on, most urgent first (keyset-paged
    on urgency and pk). Walks the urgency index and stops after a page."""
    p = outreach_persons
    f = outreach_files
    # A closed file whose person posted again since it was closed puts them back in the queue.
    followed = or_(f.c.status != "closed", f.c.updated_at >= p.c.last_ts)
    has_file = exists().where(f.c.person_pk == p.c.pk, f.c.org_pk == org_pk, followed)
    query = select(*QUEUE_COLUMNS).where(p.c.active.is_(True), ~has_file)
    if department:
        query = query.where(p.c.department == department)
    if after is not None:
        query = query.where(
            or_(p.c.urgency < after[0], and_(p.c.urgency == after[0], p.c.pk < after[1]))
        )
    query = query.order_by(p.c.urgency.desc(), p.c.pk.desc()).limit(limit)
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def get_person(store: Store, person_pk: int) -> dict | None:
    with store.engine.connect() as connection:
        row = connection.execute(select(outreach_persons).where(outreach_persons.c.pk == person_pk))
        found = row.first()
    return dict(found._mapping) if found else None


def person_posts(store: Store, person: dict) -> list[dict]:
    """The person's newest flagged posts (as kept at refresh), newest first."""
    pks = orjson.loads(person.get("post_pks") or "[]")
    query = select(
        posts.c.pk, posts.c.source, posts.c.post_id, posts.c.posted_at, posts.c.posted_ts,
        posts.c.title, posts.c.text, posts.c.url, post_analysis.c.phones, post_analysis.c.handles,
        post_analysis.c.city, post_analysis.c.indicators,
    ).join(post_analysis, post_analysis.c.post_pk == posts.c.pk)  # fmt: skip
    with store.engine.connect() as connection:
        rows = [dict(r._mapping) for r in select_where_in(connection, query, posts.c.pk, pks)]
    return sorted(rows, key=lambda row: -row["posted_ts"])


def persons_found(store: Store) -> list[dict]:
    """Every person ever found (first post date, département): the dashboard's base."""
    p = outreach_persons
    query = select(p.c.pk, p.c.first_ts, p.c.department)
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]
