"""An organisation's outreach records: files on persons, contact attempts, referrals, message
templates and local services. Every read and write names the organisation: no query here
returns another organisation's records."""

from __future__ import annotations

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from sentinelle.store.db import Store
from sentinelle.store.schema import (
    outreach_attempts,
    outreach_files,
    outreach_persons,
    outreach_referrals,
    outreach_services,
    outreach_templates,
)

OPEN_STATUSES = ("new", "attempted", "in_contact", "accompanied")


def get_file(store: Store, org_pk: int, person_pk: int) -> dict | None:
    query = select(outreach_files).where(
        outreach_files.c.org_pk == org_pk, outreach_files.c.person_pk == person_pk
    )
    with store.engine.connect() as connection:
        row = connection.execute(query).first()
    return dict(row._mapping) if row else None


def open_file(store: Store, org_pk: int, person_pk: int, owner: str, now: float) -> dict:
    """The organisation's file on the person, opened by `owner` if there was none yet."""
    row = {
        "org_pk": org_pk,
        "person_pk": person_pk,
        "owner": owner,
        "status": "new",
        "opened_at": now,
        "updated_at": now,
    }
    try:
        with store.engine.begin() as connection:
            connection.execute(insert(outreach_files), row)
    except IntegrityError:
        pass  # a colleague opened it first: theirs stands
    found = get_file(store, org_pk, person_pk)
    assert found is not None
    return found


def add_attempt(store: Store, file: dict, attempt: dict, now: float) -> None:
    """Record an attempt and move the file on: new becomes attempted, an answer or a meeting
    makes it in contact (a file accompanied or closed keeps its status)."""
    status = file["status"]
    if status in ("new", "attempted"):
        status = "in_contact" if attempt["outcome"] in ("answered", "met") else "attempted"
    values = {"status": status, "updated_at": now}
    if file.get("first_contact_at") is None:
        values["first_contact_at"] = now
    with store.engine.begin() as connection:
        connection.execute(insert(outreach_attempts), {**attempt, "file_pk": file["pk"], "at": now})
        connection.execute(
            update(outreach_files).where(outreach_files.c.pk == file["pk"]).values(values)
        )


def update_file(store: Store, file_pk: int, now: float, **values) -> None:
    """Change the follow-up date, status or close reason; counts as activity."""
    with store.engine.begin() as connection:
        connection.execute(
            update(outreach_files)
            .where(outreach_files.c.pk == file_pk)
            .values(updated_at=now, **values)
        )


def add_referral(store: Store, file_pk: int, referral: dict, now: float) -> None:
    with store.engine.begin() as connection:
        connection.execute(insert(outreach_referrals), {**referral, "file_pk": file_pk, "at": now})
        connection.execute(
            update(outreach_files).where(outreach_files.c.pk == file_pk).values(updated_at=now)
        )


def attempts_of(store: Store, file_pk: int) -> list[dict]:
    query = (
        select(outreach_attempts)
        .where(outreach_attempts.c.file_pk == file_pk)
        .order_by(outreach_attempts.c.at.desc())
    )
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def referrals_of(store: Store, file_pk: int) -> list[dict]:
    query = (
        select(outreach_referrals)
        .where(outreach_referrals.c.file_pk == file_pk)
        .order_by(outreach_referrals.c.at.desc())
    )
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def org_files(store: Store, org_pk: int, *, due_by: str | None = None, limit: int = 100):
    """The organisation's open files with their person, soonest follow-up first; `due_by`
    (YYYY-MM-DD) keeps only follow-ups due that day or before: the reminder list."""
    p, f = outreach_persons, outreach_files
    query = (
        select(
            f.c.pk.label("file_pk"), f.c.status, f.c.owner, f.c.next_followup, f.c.updated_at,
            p.c.pk, p.c.platform, p.c.contact_kind, p.c.contact_value, p.c.persona, p.c.city,
            p.c.department, p.c.last_ts, p.c.stated_age,
        )
        .join(p, p.c.pk == f.c.person_pk)
        .where(f.c.org_pk == org_pk, f.c.status.in_(OPEN_STATUSES))
    )  # fmt: skip
    if due_by is not None:
        query = query.where(f.c.next_followup.is_not(None), f.c.next_followup <= due_by)
    query = query.order_by(f.c.next_followup.is_(None), f.c.next_followup, f.c.pk).limit(limit)
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def list_templates(store: Store, org_pk: int) -> list[dict]:
    query = (
        select(outreach_templates)
        .where(outreach_templates.c.org_pk == org_pk)
        .order_by(outreach_templates.c.purpose, outreach_templates.c.name)
    )
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def save_template(
    store: Store, org_pk: int, name: str, purpose: str, body: str, author: str, now: float
) -> None:
    """Create or replace the organisation's template called `name`."""
    values = {"purpose": purpose, "body": body, "updated_at": now, "updated_by": author}
    t = outreach_templates
    with store.engine.begin() as connection:
        done = connection.execute(
            update(t).where(t.c.org_pk == org_pk, t.c.name == name).values(values)
        )
        if not done.rowcount:
            connection.execute(insert(t), {**values, "org_pk": org_pk, "name": name})


def replace_services(store: Store, org_pk: int, rows: list[dict]) -> int:
    """The organisation's directory becomes `rows` (the CSV is the reference)."""
    with store.engine.begin() as connection:
        connection.execute(delete(outreach_services).where(outreach_services.c.org_pk == org_pk))
        if rows:
            connection.execute(insert(outreach_services), [{**r, "org_pk": org_pk} for r in rows])
    return len(rows)


def services_for(store: Store, org_pk: int, department: str | None = None) -> list[dict]:
    s = outreach_services
    query = select(s).where(s.c.org_pk == org_pk)
    if department:
        query = query.where(s.c.department == department)
    query = query.order_by(s.c.department, s.c.kind, s.c.name)
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def get_service(store: Store, org_pk: int, service_pk: int) -> dict | None:
    s = outreach_services
    with store.engine.connect() as connection:
        row = connection.execute(
            select(s).where(s.c.org_pk == org_pk, s.c.pk == service_pk)
        ).first()
    return dict(row._mapping) if row else None


def idle_files(store: Store, before_ts: float) -> list[dict]:
    """Files of every organisation with no activity since `before_ts`: what retention purges."""
    query = (
        select(
            outreach_files.c.pk,
            outreach_files.c.org_pk,
            outreach_files.c.person_pk,
            outreach_files.c.status,
            outreach_files.c.updated_at,
        )
        .where(outreach_files.c.updated_at < before_ts)
        .order_by(outreach_files.c.updated_at)
    )
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def delete_file(store: Store, file_pk: int) -> None:
    """A file and everything recorded on it, at once."""
    with store.engine.begin() as connection:
        for table in (outreach_attempts, outreach_referrals):
            connection.execute(delete(table).where(table.c.file_pk == file_pk))
        connection.execute(delete(outreach_files).where(outreach_files.c.pk == file_pk))


def dashboard_rows(store: Store, org_pk: int) -> list[dict]:
    """One row per file of the organisation, with no identifying data: the person's first post
    date and département, when contact was first made, whether an attempt was answered, the
    status, and how many referrals."""
    f, p, a, r = outreach_files, outreach_persons, outreach_attempts, outreach_referrals
    answered = (
        select(func.count())
        .where(a.c.file_pk == f.c.pk, a.c.outcome.in_(("answered", "met")))
        .scalar_subquery()
    )
    referred = select(func.count()).where(r.c.file_pk == f.c.pk).scalar_subquery()
    query = (
        select(
            p.c.first_ts,
            p.c.department,
            f.c.opened_at,
            f.c.first_contact_at,
            f.c.status,
            answered.label("answered"),
            referred.label("referrals"),
        )
        .join(p, p.c.pk == f.c.person_pk)
        .where(f.c.org_pk == org_pk)
    )
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def files_overview(store: Store, org_pk: int, limit: int = 500) -> list[dict]:
    """The organisation's files for its auditors: who, status, dates and counts; no contact,
    no note."""
    f, p, a, r = outreach_files, outreach_persons, outreach_attempts, outreach_referrals
    attempts = select(func.count()).where(a.c.file_pk == f.c.pk).scalar_subquery()
    referrals = select(func.count()).where(r.c.file_pk == f.c.pk).scalar_subquery()
    query = (
        select(
            f.c.pk, f.c.owner, f.c.status, f.c.close_reason, f.c.opened_at, f.c.updated_at,
            f.c.next_followup, p.c.department, attempts.label("attempts"),
            referrals.label("referrals"),
        )
        .join(p, p.c.pk == f.c.person_pk)
        .where(f.c.org_pk == org_pk)
        .order_by(f.c.updated_at.desc())
        .limit(limit)
    )  # fmt: skip
    with store.engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]
