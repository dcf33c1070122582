"""Logging in: password check with lockout after repeated failures."""

from __future__ import annotations

from dataclasses import dataclass

from sentinelle.auth.passwords import burn_time, verify_password
from sentinelle.auth.roles import Actor
from sentinelle.store import Store
from sentinelle.store.accounts import clear_login_failures, find_account, record_login_failure


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_seconds: float = 15 * 60


class LoginRefused(Exception):
    """Wrong name or password, or the account is locked; `reason` is for the audit log only."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def authenticate(
    store: Store, name: str, password: str, now: float, policy: LockoutPolicy = LockoutPolicy()
) -> Actor:
    """The actor for good credentials; `LoginRefused` otherwise.

    A locked account is refused even with the right password until the lock ends, so guessing
    gains nothing from it.
    """
    account = find_account(store, name)
    if account is None:
        burn_time(password)
        raise LoginRefused("unknown account")
    if account.locked_until > now:
        raise LoginRefused("account locked")
    if not verify_password(account.password_hash, password):
        failures = account.failed_logins + 1
        locked_until = now + policy.lock_seconds if failures >= policy.max_failures else 0.0
        record_login_failure(store, account.pk, 0 if locked_until else failures, locked_until)
        raise LoginRefused("account locked" if locked_until else "wrong password")
    if account.failed_logins or account.locked_until:
        clear_login_failures(store, account.pk)
    return Actor(account.name, account.role, account.pk)
