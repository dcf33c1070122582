"""Logging in: a password check that takes as long whatever the outcome, and backoff that slows
an attacker without letting them lock a user out.

Refusals are alike in time: the password hash is always checked (against a dummy hash for an
unknown name) before any other reason to refuse is looked at, so a locked, an unknown and a
wrong-password account answer in the same time.

Two backoffs: per (account, client address), growing after `max_failures` failures up to
`lock_seconds`, which stops one client guessing; per account, a short one (at most
`account_delay_cap` seconds) after `account_failures` failures from anywhere, which slows
guessing spread over many addresses. A client that logged in to the account before is not
held by the account-wide one, so guessing from elsewhere cannot keep the user out."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sentinelle.auth.passwords import burn_time, verify_password
from sentinelle.auth.roles import Actor
from sentinelle.auth.totp import code_is_good
from sentinelle.store import Store
from sentinelle.store.accounts import clear_login_failures, find_account, record_login_failure


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_failures: int = 5  # per (account, client) before that pair backs off
    lock_seconds: float = 15 * 60  # the longest a pair's backoff grows to
    account_failures: int = 10  # failures on an account from any client before it slows
    account_delay_cap: float = 30.0  # the longest an account-wide slow-down lasts
    first_delay: float = 30.0  # a pair's first backoff; doubles with each further failure


class LoginRefused(Exception):
    """Wrong name or password, or a backoff; `reason` is for the audit log only."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LoginThrottle:
    """Per (account, client) failures and the clients known good for an account, in memory
    (per server process; the account-wide slow-down is in the store, shared)."""

    def __init__(self, max_entries: int = 50_000) -> None:
        self._failures: dict[tuple[str, str], tuple[int, float]] = {}
        self._trusted: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        self._max = max_entries

    def held_until(self, name: str, client: str) -> float:
        with self._lock:
            return self._failures.get((name, client), (0, 0.0))[1]

    def trusted(self, name: str, client: str) -> bool:
        with self._lock:
            return (name, client) in self._trusted

    def failed(self, name: str, client: str, now: float, policy: LockoutPolicy) -> None:
        with self._lock:
            if len(self._failures) > self._max:
                self._failures = {k: v for k, v in self._failures.items() if v[1] > now}
            count = self._failures.get((name, client), (0, 0.0))[0] + 1
            until = 0.0
            if count >= policy.max_failures:
                delay = policy.first_delay * 2 ** (count - policy.max_failures)
                until = now + min(delay, policy.lock_seconds)
            self._failures[(name, client)] = (count, until)

    def succeeded(self, name: str, client: str) -> None:
        with self._lock:
            self._failures.pop((name, client), None)
            if len(self._trusted) > self._max:
                self._trusted.clear()
            self._trusted.add((name, client))


def authenticate(
    store: Store,
    name: str,
    password: str,
    now: float,
    policy: LockoutPolicy = LockoutPolicy(),
    client: str = "-",
    throttle: LoginThrottle | None = None,
    code: str | None = None,
) -> Actor:
    """The actor for good credentials; `LoginRefused` otherwise (same time for every reason).

    While a backoff holds, even the right password is refused, so guessing gains nothing."""
    throttle = throttle if throttle is not None else LoginThrottle()
    account = find_account(store, name)
    if account is None:
        burn_time(password)
        raise LoginRefused("unknown account")
    good = verify_password(account.password_hash, password)  # always, whatever follows
    if throttle.held_until(name, client) > now:
        raise LoginRefused("backoff for this client")
    if account.locked_until > now and not throttle.trusted(name, client):
        raise LoginRefused("account slowed down")
    if good and account.totp_secret and not code_is_good(account.totp_secret, code, now):
        good = False  # a wrong second factor counts as a failed login
    if not good:
        failures = account.failed_logins + 1
        locked_until = 0.0
        if failures >= policy.account_failures:
            delay = 2.0 ** (failures - policy.account_failures)
            locked_until = now + min(delay, policy.account_delay_cap)
        record_login_failure(store, account.pk, failures, locked_until)
        throttle.failed(name, client, now, policy)
        raise LoginRefused("wrong password")
    if account.failed_logins or account.locked_until:
        clear_login_failures(store, account.pk)
    throttle.succeeded(name, client)
    return Actor(account.name, account.role, account.pk)
