import pytest
from sqlalchemy import text

from sentinelle.audit import record_event, verify
from sentinelle.auth import Actor

ANALYST = Actor("lea", "analyst")


def _events(store, count=5):
    for i in range(count):
        record_event(store, ANALYST, "post.view", f"src/p{i}", "127.0.0.1", {"n": i}, now=i)


def test_chain_verifies(store):
    _events(store)
    result = verify(store)
    assert result.ok and result.checked == 5


def test_log_is_append_only(sqlite_store):
    _events(sqlite_store)
    with pytest.raises(Exception, match="append-only"), sqlite_store.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET actor = 'someone' WHERE seq = 2"))


@pytest.mark.parametrize(
    ("tamper", "broken_at"),
    [
        ("UPDATE audit_log SET target = 'src/other' WHERE seq = 3", 3),
        ("DELETE FROM audit_log WHERE seq = 2", 3),
        ("UPDATE audit_log SET at = 99 WHERE seq = 5", 5),
    ],
)
def test_tampering_is_detected(sqlite_store, tamper, broken_at):
    _events(sqlite_store)
    with sqlite_store.engine.begin() as connection:
        # Someone with direct database access removes the guard first.
        connection.execute(text("DROP TRIGGER audit_log_no_update"))
        connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        connection.execute(text(tamper))
    result = verify(sqlite_store)
    assert not result.ok and result.broken_at == broken_at


def test_concurrent_writers_keep_one_chain(store):
    # Threads' entries are committed in batches (group commit): each caller still gets its
    # own entry back, and the chain stays one.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        rows = list(pool.map(lambda i: record_event(store, ANALYST, "login", str(i)), range(80)))
    assert sorted(row["target"] for row in rows) == sorted(str(i) for i in range(80))
    assert sorted(row["seq"] for row in rows) == list(range(1, 81))
    result = verify(store)
    assert result.ok and result.checked == 80
