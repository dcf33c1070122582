"""Organisations: a police unit and an association share the posts store, not their notes.

Every account belongs to one; an account with no row belongs to the default organisation (what
accounts made before organisations existed get).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from sentinelle.errors import SentinelleError
from sentinelle.store.db import Store
from sentinelle.store.schema import account_organisations, organisations

DEFAULT_ORGANISATION = "default"


@dataclass(frozen=True, slots=True)
class Organisation:
    pk: int
    name: str


def ensure_organisation(store: Store, name: str) -> Organisation:
    """The organisation named `name`, created if new."""
    name = name.strip()
    if not name or len(name) > 100:
        raise SentinelleError("organisation name must be 1 to 100 characters")
    found = find_organisation(store, name)
    if found is not None:
        return found
    with store.engine.begin() as connection:
        row = {"name": name, "created_at": time.time()}
        pk = connection.execute(
            insert(organisations).returning(organisations.c.pk), row
        ).scalar_one()
    return Organisation(pk, name)


def find_organisation(store: Store, name: str) -> Organisation | None:
    with store.engine.connect() as connection:
        row = connection.execute(
            select(organisations.c.pk, organisations.c.name).where(organisations.c.name == name)
        ).first()
    return Organisation(row.pk, row.name) if row else None


def list_organisations(store: Store) -> list[Organisation]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(organisations).order_by(organisations.c.name))
        return [Organisation(row.pk, row.name) for row in rows]


def set_account_organisation(store: Store, account_pk: int, organisation: Organisation) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            delete(account_organisations).where(account_organisations.c.account_pk == account_pk)
        )
        connection.execute(
            insert(account_organisations),
            {"account_pk": account_pk, "org_pk": organisation.pk},
        )


def organisation_of(store: Store, account_pk: int) -> Organisation:
    """The account's organisation (the default one when none was set)."""
    query = (
        select(organisations.c.pk, organisations.c.name)
        .join(account_organisations, account_organisations.c.org_pk == organisations.c.pk)
        .where(account_organisations.c.account_pk == account_pk)
    )
    with store.engine.connect() as connection:
        row = connection.execute(query).first()
        if row is None:
            row = connection.execute(
                select(organisations.c.pk, organisations.c.name).where(
                    organisations.c.name == DEFAULT_ORGANISATION
                )
            ).first()
    if row is None:
        raise SentinelleError("the store has no default organisation: run the migrations")
    return Organisation(row.pk, row.name)


def organisation_names(store: Store) -> dict[int, str]:
    """Account pk -> organisation name, for account lists."""
    query = select(account_organisations.c.account_pk, organisations.c.name).join(
        organisations, organisations.c.pk == account_organisations.c.org_pk
    )
    with store.engine.connect() as connection:
        return {row.account_pk: row.name for row in connection.execute(query)}
