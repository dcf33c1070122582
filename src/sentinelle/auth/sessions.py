"""Server-side sessions: the browser holds a random id, the store holds its digest.

A login always makes a new session id (no fixation); sessions end after an idle time and a
maximum age.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sentinelle.auth.roles import Actor
from sentinelle.store import Store
from sentinelle.store.accounts import add_session, delete_session, find_session, touch_session

_TOUCH_EVERY = 60.0  # seconds: refresh last_seen at most this often, to spare the database


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    idle_seconds: float = 30 * 60
    max_age_seconds: float = 8 * 3600


@dataclass(frozen=True, slots=True)
class Session:
    actor: Actor
    csrf_token: str


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def start_session(store: Store, actor: Actor, now: float, client: str) -> tuple[str, Session]:
    """A fresh session for `actor`: (cookie value, session)."""
    session_id = secrets.token_urlsafe(32)
    csrf_token = secrets.token_urlsafe(32)
    add_session(store, digest(session_id), actor.account_pk, csrf_token, now, client)
    return session_id, Session(actor, csrf_token)


def resume_session(
    store: Store, session_id: str | None, now: float, policy: SessionPolicy = SessionPolicy()
) -> Session | None:
    """The live session behind a cookie value, or None (unknown, idle too long, too old)."""
    if not session_id or len(session_id) > 200:
        return None
    id_hash = digest(session_id)
    row = find_session(store, id_hash)
    if row is None:
        return None
    if now - row.last_seen > policy.idle_seconds or now - row.created_at > policy.max_age_seconds:
        delete_session(store, id_hash)
        return None
    if now - row.last_seen > _TOUCH_EVERY:
        touch_session(store, id_hash, now)
    return Session(Actor(row.name, row.role, row.pk), row.csrf_token)


def end_session(store: Store, session_id: str | None) -> None:
    if session_id:
        delete_session(store, digest(session_id))
