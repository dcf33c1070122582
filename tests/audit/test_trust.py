"""An audit log you can trust (issue 15, defect 8): keyed entries, checkpoints outside the
store that catch a cut tail, and older unkeyed chains that still verify."""

from __future__ import annotations

import sqlite3

from sentinelle.audit import record_event, verify
from sentinelle.audit.chain import entry_hash
from sentinelle.audit.keys import use_key
from sentinelle.auth import Actor

ANALYST = Actor("lea", "analyst")
KEY = b"k" * 32


def _events(store, count=5, start=0):
    for i in range(start, start + count):
        record_event(store, ANALYST, "post.view", f"src/p{i}", "127.0.0.1", {"n": i}, now=i)


def _unguarded(path: str) -> sqlite3.Connection:
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("DROP TRIGGER audit_log_no_delete")
    return raw


def test_deleting_the_newest_entry_is_detected(sqlite_store, sqlite_url):
    use_key(sqlite_store, KEY)
    _events(sqlite_store)
    with _unguarded(sqlite_url) as raw:
        raw.execute("DELETE FROM audit_log WHERE seq = 5")
    result = verify(sqlite_store)
    assert not result.ok
    assert result.tail_missing and result.broken_at == 5
    assert "tail is missing" in result.reason


def test_a_chain_rewritten_with_database_access_does_not_verify(sqlite_store, sqlite_url):
    """The attacker rewrites entry 3 and recomputes every hash after it, as the unkeyed chain
    allowed; without the key the hashes cannot match."""
    use_key(sqlite_store, KEY)
    _events(sqlite_store)
    with _unguarded(sqlite_url) as raw:
        raw.row_factory = sqlite3.Row
        rows = [dict(r) for r in raw.execute("SELECT * FROM audit_log ORDER BY seq")]
        prev = rows[1]["hash"]
        for row in rows[2:]:
            if row["seq"] == 3:
                row["target"] = "src/elsewhere"
            row["prev_hash"] = prev
            row["hash"] = entry_hash(prev, row, b"a guessed key")
            raw.execute(
                "UPDATE audit_log SET target = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (row["target"], row["prev_hash"], row["hash"], row["seq"]),
            )
            prev = row["hash"]
    result = verify(sqlite_store)
    assert not result.ok and result.broken_at == 3


def test_removing_the_checkpoints_too_still_fails_on_the_key(sqlite_store, sqlite_url, tmp_path):
    use_key(sqlite_store, KEY)
    _events(sqlite_store)
    with _unguarded(sqlite_url) as raw:
        raw.execute("UPDATE audit_log SET hash_version = NULL WHERE seq >= 4")
    result = verify(sqlite_store)
    assert not result.ok and result.broken_at == 4


def test_an_older_unkeyed_chain_keeps_verifying_and_continues_keyed(sqlite_store):
    use_key(sqlite_store, None)
    _events(sqlite_store, 3)
    use_key(sqlite_store, KEY)
    _events(sqlite_store, 3, start=3)
    result = verify(sqlite_store)
    assert result.ok and result.checked == 6 and result.keyed == 3
    use_key(sqlite_store, None)
    missing_key = verify(sqlite_store)
    assert not missing_key.ok and "no audit key" in missing_key.reason


def test_cli_verify_names_the_missing_tail(cli, sqlite_url, monkeypatch):
    monkeypatch.setenv("SENTINELLE_AUDIT_KEY", "x" * 40)
    from sentinelle.store import open_store

    store = open_store(sqlite_url)
    _events(store, 4)
    store.close()
    with _unguarded(sqlite_url) as raw:
        raw.execute("DELETE FROM audit_log WHERE seq >= 3")
    result = cli("audit", "verify", db=sqlite_url)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "BROKEN at entry 3" in err and "tail is missing" in err


def test_a_process_without_the_key_refuses_to_write_after_keyed_entries(sqlite_store):
    from sentinelle.errors import SentinelleError

    use_key(sqlite_store, KEY)
    _events(sqlite_store, 2)
    use_key(sqlite_store, None)
    try:
        _events(sqlite_store, 1, start=2)
    except SentinelleError as error:
        assert "SENTINELLE_AUDIT_KEY" in str(error)
    else:
        raise AssertionError("an unkeyed entry was written after keyed ones")
    use_key(sqlite_store, KEY)
    assert verify(sqlite_store).ok
