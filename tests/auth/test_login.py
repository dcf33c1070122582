import pytest

from sentinelle.auth.accounts import create_account
from sentinelle.auth.login import LockoutPolicy, LoginRefused, authenticate
from sentinelle.errors import SentinelleError
from sentinelle.store.accounts import find_account

PASSWORD = "a long enough password"


def test_good_password_gives_the_actor(sqlite_store):
    create_account(sqlite_store, "lea", "analyst", PASSWORD, 0)
    actor = authenticate(sqlite_store, "lea", PASSWORD, 10)
    assert (actor.name, actor.role) == ("lea", "analyst")
    assert find_account(sqlite_store, "lea").password_hash.startswith("$argon2id$")


def test_lockout_then_unlock_after_the_lock_time(sqlite_store):
    create_account(sqlite_store, "lea", "analyst", PASSWORD, 0)
    policy = LockoutPolicy(max_failures=3, lock_seconds=60)
    for attempt in range(3):
        with pytest.raises(LoginRefused):
            authenticate(sqlite_store, "lea", "wrong", 100 + attempt, policy)
    with pytest.raises(LoginRefused, match="locked"):
        authenticate(sqlite_store, "lea", PASSWORD, 110, policy)
    assert authenticate(sqlite_store, "lea", PASSWORD, 200, policy).name == "lea"


def test_unknown_account_is_refused_like_a_wrong_password(sqlite_store):
    with pytest.raises(LoginRefused):
        authenticate(sqlite_store, "nobody", PASSWORD, 0)


def test_weak_password_and_bad_role_are_refused(sqlite_store):
    with pytest.raises(SentinelleError, match="at least 12"):
        create_account(sqlite_store, "lea", "analyst", "short", 0)
    with pytest.raises(SentinelleError, match="not one of"):
        create_account(sqlite_store, "lea", "root", PASSWORD, 0)
    create_account(sqlite_store, "lea", "analyst", PASSWORD, 0)
    with pytest.raises(SentinelleError, match="already exists"):
        create_account(sqlite_store, "lea", "auditor", PASSWORD, 0)
