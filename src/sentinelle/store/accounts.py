"""Accounts, their server-side sessions and API tokens.

Secrets never reach the database in clear: sessions and tokens are stored as SHA-256 digests
of the random values handed to the browser or the API client.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from sentinelle.errors import SentinelleError
from sentinelle.store.db import Store
from sentinelle.store.schema import PK, metadata

accounts = Table(
    "accounts",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", Float, nullable=False, default=0.0),
    Column("created_at", Float, nullable=False),
    Column("totp_secret", Text),  # base32 TOTP secret when a second factor is set (0007)
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("account_pk", PK, ForeignKey("accounts.pk"), nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
    Column("client", String(100)),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account_pk", PK, ForeignKey("accounts.pk"), nullable=False, index=True),
    Column("created_at", Float, nullable=False),
)


@dataclass(frozen=True, slots=True)
class Account:
    """A stored account, with what login needs to decide."""

    pk: int
    name: str
    role: str
    password_hash: str
    failed_logins: int = 0
    locked_until: float = 0.0
    totp_secret: str | None = None  # a second factor is required when set


class AccountExists(SentinelleError):
    """An account of that name already exists."""


def _account(row) -> Account:
    return Account(
        row.pk,
        row.name,
        row.role,
        row.password_hash,
        row.failed_logins,
        row.locked_until,
        getattr(row, "totp_secret", None),
    )


def set_totp_secret(store: Store, account_pk: int, secret: str | None) -> None:
    """Turn the account's second factor on (a base32 secret) or off (None)."""
    with store.engine.begin() as connection:
        connection.execute(
            update(accounts).where(accounts.c.pk == account_pk).values(totp_secret=secret)
        )


def add_account(store: Store, name: str, role: str, password_hash: str, now: float) -> Account:
    row = {
        "name": name,
        "role": role,
        "password_hash": password_hash,
        "failed_logins": 0,
        "locked_until": 0.0,
        "created_at": now,
    }
    try:
        with store.engine.begin() as connection:
            pk = connection.execute(insert(accounts).returning(accounts.c.pk), row).scalar_one()
    except IntegrityError:
        raise AccountExists(f"an account named {name!r} already exists") from None
    return Account(pk, name, role, password_hash)


def find_account(store: Store, name: str) -> Account | None:
    with store.engine.connect() as connection:
        row = connection.execute(select(accounts).where(accounts.c.name == name)).first()
    return _account(row) if row else None


def list_accounts(store: Store) -> list[Account]:
    with store.engine.connect() as connection:
        rows = connection.execute(select(accounts).order_by(accounts.c.name)).all()
    return [_account(row) for row in rows]


def set_password(store: Store, account_pk: int, password_hash: str) -> None:
    """A new password also clears a lockout and ends the account's sessions."""
    with store.engine.begin() as connection:
        connection.execute(
            update(accounts)
            .where(accounts.c.pk == account_pk)
            .values(password_hash=password_hash, failed_logins=0, locked_until=0.0)
        )
        connection.execute(delete(web_sessions).where(web_sessions.c.account_pk == account_pk))


def record_login_failure(store: Store, account_pk: int, failures: int, locked_until: float):
    with store.engine.begin() as connection:
        connection.execute(
            update(accounts)
            .where(accounts.c.pk == account_pk)
            .values(failed_logins=failures, locked_until=locked_until)
        )


def clear_login_failures(store: Store, account_pk: int) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            update(accounts)
            .where(accounts.c.pk == account_pk)
            .values(failed_logins=0, locked_until=0.0)
        )


def add_session(
    store: Store, id_hash: str, account_pk: int, csrf_token: str, now: float, client: str
) -> None:
    row = {
        "id_hash": id_hash,
        "account_pk": account_pk,
        "csrf_token": csrf_token,
        "created_at": now,
        "last_seen": now,
        "client": client[:100],
    }
    with store.engine.begin() as connection:
        connection.execute(insert(web_sessions), row)


def find_session(store: Store, id_hash: str):
    """The session row joined with its account (name, role), or None."""
    query = (
        select(
            web_sessions.c.id_hash,
            web_sessions.c.csrf_token,
            web_sessions.c.created_at,
            web_sessions.c.last_seen,
            accounts.c.pk,
            accounts.c.name,
            accounts.c.role,
        )
        .join(accounts, accounts.c.pk == web_sessions.c.account_pk)
        .where(web_sessions.c.id_hash == id_hash)
    )
    with store.engine.connect() as connection:
        return connection.execute(query).first()


def touch_session(store: Store, id_hash: str, now: float) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            update(web_sessions).where(web_sessions.c.id_hash == id_hash).values(last_seen=now)
        )


def delete_session(store: Store, id_hash: str) -> None:
    with store.engine.begin() as connection:
        connection.execute(delete(web_sessions).where(web_sessions.c.id_hash == id_hash))


def add_token(store: Store, token_hash: str, account_pk: int, now: float) -> None:
    with store.engine.begin() as connection:
        connection.execute(
            insert(api_tokens),
            {"token_hash": token_hash, "account_pk": account_pk, "created_at": now},
        )


def account_for_token(store: Store, token_hash: str) -> Account | None:
    query = (
        select(accounts)
        .join(api_tokens, api_tokens.c.account_pk == accounts.c.pk)
        .where(api_tokens.c.token_hash == token_hash)
    )
    with store.engine.connect() as connection:
        row = connection.execute(query).first()
    return _account(row) if row else None


# Account administration (issue 12). A disabled account is one locked until far in the future:
# every login path already refuses a locked account, and no schema change is needed.
DISABLED_UNTIL = 1e15


def set_disabled(store: Store, account_pk: int, disabled: bool) -> None:
    """Disable (ends its sessions) or enable an account."""
    with store.engine.begin() as connection:
        connection.execute(
            update(accounts)
            .where(accounts.c.pk == account_pk)
            .values(failed_logins=0, locked_until=DISABLED_UNTIL if disabled else 0.0)
        )
        if disabled:
            connection.execute(delete(web_sessions).where(web_sessions.c.account_pk == account_pk))


def set_role(store: Store, account_pk: int, role: str) -> None:
    """A new role; the account's sessions end so no page runs with the old one."""
    with store.engine.begin() as connection:
        connection.execute(update(accounts).where(accounts.c.pk == account_pk).values(role=role))
        connection.execute(delete(web_sessions).where(web_sessions.c.account_pk == account_pk))


def delete_account(store: Store, account_pk: int) -> None:
    """The account, its sessions and its API tokens (the audit log keeps its name)."""
    with store.engine.begin() as connection:
        connection.execute(delete(api_tokens).where(api_tokens.c.account_pk == account_pk))
        connection.execute(delete(web_sessions).where(web_sessions.c.account_pk == account_pk))
        connection.execute(delete(accounts).where(accounts.c.pk == account_pk))


def list_tokens(store: Store) -> list[dict]:
    """Every API token: its digest, account and creation time (the token itself is not kept)."""
    query = (
        select(api_tokens.c.token_hash, api_tokens.c.created_at, accounts.c.name, accounts.c.role)
        .join(accounts, accounts.c.pk == api_tokens.c.account_pk)
        .order_by(accounts.c.name, api_tokens.c.created_at)
    )
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def delete_token(store: Store, token_hash: str) -> int:
    with store.engine.begin() as connection:
        result = connection.execute(delete(api_tokens).where(api_tokens.c.token_hash == token_hash))
    return result.rowcount or 0
