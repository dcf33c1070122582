"""`sentinelle users disable|enable|role|reset-password|delete` and `tokens list|revoke`."""

from __future__ import annotations

import time

from sentinelle.auth.login import LoginRefused, authenticate
from sentinelle.auth.tokens import actor_for_token
from sentinelle.store import open_store
from sentinelle.store.accounts import find_account
from sentinelle.store.audit import recent_entries

PASSWORD = b"a long enough password\n"


def test_accounts_can_be_run_from_the_command_line(cli, sqlite_url):
    assert (
        cli("users", "add", "lea", "--role", "analyst", db=sqlite_url, stdin=PASSWORD).returncode
        == 0
    )
    token = cli("tokens", "create", "lea", db=sqlite_url).stdout.decode().strip()
    listed = cli("tokens", "list", db=sqlite_url).stdout.decode().splitlines()
    assert len(listed) == 1 and listed[0].split("\t")[1:3] == ["lea", "analyst"]
    token_id = listed[0].split("\t")[0]

    assert cli("users", "disable", "lea", db=sqlite_url).returncode == 0
    store = open_store(sqlite_url)
    assert actor_for_token(store, token) is None  # a disabled account's token is refused
    try:
        authenticate(store, "lea", PASSWORD.decode().strip(), time.time())
        raise AssertionError("a disabled account signed in")
    except LoginRefused:
        pass
    assert "disabled" in cli("users", "list", db=sqlite_url).stdout.decode()
    assert cli("users", "enable", "lea", db=sqlite_url).returncode == 0
    assert actor_for_token(store, token).name == "lea"

    assert (
        cli("users", "role", "lea", "auditor", db=sqlite_url).stdout == b"lea: analyst -> auditor\n"
    )
    assert find_account(store, "lea").role == "auditor"
    new_password = cli("users", "reset-password", "lea", db=sqlite_url).stdout.decode().strip()
    assert len(new_password) >= 20
    assert authenticate(store, "lea", new_password, time.time()).role == "auditor"

    assert cli("tokens", "revoke", "short", db=sqlite_url).returncode == 1
    assert cli("tokens", "revoke", token_id, db=sqlite_url).returncode == 0
    assert actor_for_token(store, token) is None
    assert cli("tokens", "list", db=sqlite_url).stdout == b""

    assert cli("users", "delete", "lea", "--yes", db=sqlite_url).returncode == 0
    assert find_account(store, "lea") is None
    actions = [entry["action"] for entry in recent_entries(store, limit=50)]
    for action in ("account.disable", "account.enable", "account.role", "account.reset",
                   "token.revoke", "account.delete"):  # fmt: skip
        assert action in actions
    store.close()
