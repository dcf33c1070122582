"""Creating accounts and changing passwords (what `sentinelle users` and demo mode call)."""

from __future__ import annotations

from sentinelle.auth.passwords import check_strength, hash_password
from sentinelle.auth.roles import ROLES
from sentinelle.errors import SentinelleError
from sentinelle.store import Store
from sentinelle.store.accounts import Account, add_account, find_account, set_password


def create_account(store: Store, name: str, role: str, password: str, now: float) -> Account:
    if role not in ROLES:
        raise SentinelleError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if not name.strip() or len(name) > 100:
        raise SentinelleError("account name must be 1 to 100 characters")
    try:
        check_strength(password)
    except ValueError as error:
        raise SentinelleError(str(error)) from None
    return add_account(store, name, role, hash_password(password), now)


def ensure_account(store: Store, name: str, role: str, password: str, now: float) -> Account:
    """Create the account, or give an existing one this password (demo mode)."""
    account = find_account(store, name)
    if account is None:
        return create_account(store, name, role, password, now)
    set_password(store, account.pk, hash_password(password))
    return account
