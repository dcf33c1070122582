"""API tokens: random bearer secrets, stored as digests, one account each."""

from __future__ import annotations

import secrets

from sentinelle.auth.roles import Actor
from sentinelle.auth.sessions import digest
from sentinelle.errors import SentinelleError
from sentinelle.store import Store
from sentinelle.store.accounts import DISABLED_UNTIL, account_for_token, add_token, find_account

PREFIX = "snt_"


def create_token(store: Store, account_name: str, now: float) -> str:
    """A new token for the account; shown once, only its digest is kept."""
    account = find_account(store, account_name)
    if account is None:
        raise SentinelleError(f"no account named {account_name!r} (add it with `users add`)")
    token = PREFIX + secrets.token_urlsafe(32)
    add_token(store, digest(token), account.pk, now)
    return token


def actor_for_token(store: Store, token: str | None) -> Actor | None:
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return None
    account = account_for_token(store, digest(token))
    if account is None or account.locked_until >= DISABLED_UNTIL:  # a disabled account's too
        return None
    return Actor(account.name, account.role, account.pk)
