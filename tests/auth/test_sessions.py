from sentinelle.auth.accounts import create_account
from sentinelle.auth.login import authenticate
from sentinelle.auth.sessions import SessionPolicy, end_session, resume_session, start_session
from sentinelle.auth.tokens import actor_for_token, create_token
from sentinelle.store.accounts import web_sessions


def _actor(store):
    create_account(store, "lea", "outreach", "a long enough password", 0)
    return authenticate(store, "lea", "a long enough password", 0)


def test_session_lives_until_idle_or_too_old(sqlite_store):
    actor = _actor(sqlite_store)
    policy = SessionPolicy(idle_seconds=100, max_age_seconds=1000)
    session_id, session = start_session(sqlite_store, actor, 0, "127.0.0.1")
    assert resume_session(sqlite_store, session_id, 70, policy).actor == actor
    assert resume_session(sqlite_store, session_id, 150, policy).csrf_token == session.csrf_token
    assert resume_session(sqlite_store, session_id, 400, policy) is None  # idle since 150
    session_id, _ = start_session(sqlite_store, actor, 0, "127.0.0.1")
    for now in range(90, 1000, 90):
        assert resume_session(sqlite_store, session_id, now, policy) is not None
    assert resume_session(sqlite_store, session_id, 1050, policy) is None  # too old


def test_session_ids_are_stored_as_digests_and_end(sqlite_store):
    actor = _actor(sqlite_store)
    session_id, _ = start_session(sqlite_store, actor, 0, "127.0.0.1")
    with sqlite_store.engine.connect() as connection:
        stored = [row.id_hash for row in connection.execute(web_sessions.select())]
    assert session_id not in stored and len(stored[0]) == 64
    end_session(sqlite_store, session_id)
    assert resume_session(sqlite_store, session_id, 1) is None
    assert resume_session(sqlite_store, "made-up", 1) is None


def test_tokens(sqlite_store):
    _actor(sqlite_store)
    token = create_token(sqlite_store, "lea", 0)
    assert actor_for_token(sqlite_store, token).role == "outreach"
    assert actor_for_token(sqlite_store, token + "x") is None
    assert actor_for_token(sqlite_store, None) is None
