"""Running accounts: disable, enable, change role, reset a password, delete; list and revoke
API tokens. What the Accounts page and `sentinelle users|tokens` call."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sentinelle.auth.passwords import hash_password
from sentinelle.auth.roles import ROLES
from sentinelle.errors import SentinelleError
from sentinelle.store import Store
from sentinelle.store.accounts import (
    DISABLED_UNTIL,
    Account,
    delete_account,
    delete_token,
    find_account,
    list_tokens,
    set_disabled,
    set_password,
    set_role,
)

TOKEN_ID_LENGTH = 12  # digest characters that name a token in lists and `tokens revoke`


@dataclass(frozen=True, slots=True)
class TokenInfo:
    token_id: str  # the start of the token's SHA-256 digest: names it, cannot be used
    account: str
    role: str
    created_at: float


def is_disabled(account: Account) -> bool:
    return account.locked_until >= DISABLED_UNTIL


def _account(store: Store, name: str) -> Account:
    account = find_account(store, name)
    if account is None:
        raise SentinelleError(f"no account named {name!r}")
    return account


def disable(store: Store, name: str) -> Account:
    account = _account(store, name)
    set_disabled(store, account.pk, True)
    return account


def enable(store: Store, name: str) -> Account:
    account = _account(store, name)
    set_disabled(store, account.pk, False)
    return account


def change_role(store: Store, name: str, role: str) -> Account:
    if role not in ROLES:
        raise SentinelleError(f"role {role!r} is not one of {', '.join(ROLES)}")
    account = _account(store, name)
    set_role(store, account.pk, role)
    return account


def reset_password(store: Store, name: str) -> str:
    """A new random password (shown once to whoever reset it; only its hash is kept). Clears a
    lockout but not a disabled state, and ends the account's sessions."""
    account = _account(store, name)
    password = secrets.token_urlsafe(15)  # 20 characters
    set_password(store, account.pk, hash_password(password))
    if is_disabled(account):
        set_disabled(store, account.pk, True)
    return password


def remove(store: Store, name: str) -> Account:
    account = _account(store, name)
    delete_account(store, account.pk)
    return account


def tokens(store: Store) -> list[TokenInfo]:
    return [
        TokenInfo(row["token_hash"][:TOKEN_ID_LENGTH], row["name"], row["role"], row["created_at"])
        for row in list_tokens(store)
    ]


def revoke_token(store: Store, token_id: str) -> TokenInfo:
    """Revoke the one token whose id (digest start, at least 8 characters) is `token_id`."""
    token_id = token_id.strip().lower()
    if len(token_id) < 8:
        raise SentinelleError("give at least 8 characters of the token id (`tokens list`)")
    rows = [row for row in list_tokens(store) if row["token_hash"].startswith(token_id)]
    if not rows:
        raise SentinelleError(f"no token with id {token_id!r}")
    if len(rows) > 1:
        raise SentinelleError(f"{len(rows)} tokens start with {token_id!r}: give more characters")
    delete_token(store, rows[0]["token_hash"])
    row = rows[0]
    return TokenInfo(
        row["token_hash"][:TOKEN_ID_LENGTH], row["name"], row["role"], row["created_at"]
    )
