"""`sentinelle users add`, `tokens create`, `audit verify`, run as a user would."""

from __future__ import annotations

import sqlite3

from sentinelle.store import open_store
from sentinelle.store.accounts import find_account


def test_users_add_reads_the_password_from_stdin(cli, sqlite_url):
    done = cli(
        "users",
        "add",
        "lea",
        "--role",
        "outreach",
        db=sqlite_url,
        stdin=b"a long enough password\n",
    )
    assert done.returncode == 0 and done.stdout == b"added lea (outreach)\n"
    store = open_store(sqlite_url)
    account = find_account(store, "lea")
    assert account.role == "outreach" and "a long enough" not in account.password_hash
    store.close()
    again = cli(
        "users",
        "add",
        "lea",
        "--role",
        "outreach",
        db=sqlite_url,
        stdin=b"a long enough password\n",
    )
    assert again.returncode == 1 and b"already exists" in again.stderr


def test_users_add_refuses_a_short_password_and_a_bad_role(cli, sqlite_url):
    short = cli("users", "add", "lea", "--role", "analyst", db=sqlite_url, stdin=b"short\n")
    assert short.returncode == 1 and b"at least 12" in short.stderr
    bad_role = cli("users", "add", "lea", "--role", "root", db=sqlite_url, stdin=b"x" * 20)
    assert bad_role.returncode == 2


def test_tokens_create_prints_a_usable_token(cli, sqlite_url):
    cli(
        "users", "add", "lea", "--role", "analyst", db=sqlite_url, stdin=b"a long enough password\n"
    )
    done = cli("tokens", "create", "lea", db=sqlite_url)
    token = done.stdout.decode().strip()
    assert done.returncode == 0 and token.startswith("snt_") and len(token) > 40
    from sentinelle.auth.tokens import actor_for_token

    store = open_store(sqlite_url)
    assert actor_for_token(store, token).name == "lea"
    store.close()
    missing = cli("tokens", "create", "nobody", db=sqlite_url)
    assert missing.returncode == 1 and b"no account named" in missing.stderr


def test_audit_verify_exit_status(cli, sqlite_url):
    cli(
        "users", "add", "lea", "--role", "analyst", db=sqlite_url, stdin=b"a long enough password\n"
    )
    from sentinelle.audit import record_event
    from sentinelle.auth import Actor

    store = open_store(sqlite_url)
    for i in range(3):
        record_event(store, Actor("lea", "analyst"), "post.view", f"src/p{i}")
    store.close()
    ok = cli("audit", "verify", db=sqlite_url)
    assert ok.returncode == 0 and b"3 entries verified" in ok.stdout
    with sqlite3.connect(sqlite_url) as raw:
        raw.execute("DROP TRIGGER audit_log_no_update")
        raw.execute("UPDATE audit_log SET target = 'src/elsewhere' WHERE seq = 2")
    broken = cli("audit", "verify", db=sqlite_url)
    assert broken.returncode == 1 and b"BROKEN at entry 2" in broken.stderr
