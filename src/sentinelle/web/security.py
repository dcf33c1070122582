"""Who is asking and may they: the dependencies every page and API route declares.

Each one ends in `allowed(actor, action, ...)`, the single permission check.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import HTTPException, Request

from sentinelle.auth.roles import Actor, allowed
from sentinelle.auth.sessions import Session, SessionPolicy, resume_session
from sentinelle.auth.tokens import actor_for_token

SESSION_COOKIE = "sentinelle_session"


class LoginRequired(Exception):
    """No live session: pages redirect to the login form."""


@dataclass(frozen=True, slots=True)
class PageContext:
    """What a page route gets: the session (actor, CSRF token) and the app's services."""

    session: Session
    request: Request

    @property
    def actor(self) -> Actor:
        return self.session.actor

    @property
    def client(self) -> str:
        return client_of(self.request)


def client_of(request: Request) -> str:
    return request.client.host if request.client else "-"


def current_session(request: Request) -> Session | None:
    cached = getattr(request.state, "session", False)
    if cached is not False:
        return cached
    settings = request.app.state.settings
    policy = SessionPolicy(settings.session_idle_seconds, settings.session_max_age_seconds)
    session = resume_session(
        request.app.state.store, request.cookies.get(SESSION_COOKIE), time.time(), policy
    )
    request.state.session = session
    return session


def page(action: str) -> Callable[[Request], PageContext]:
    """Dependency for a page: a live session whose role may do `action`."""

    def dependency(request: Request) -> PageContext:
        session = current_session(request)
        if session is None:
            raise LoginRequired()
        if not allowed(session.actor, action):
            raise HTTPException(403, f"your role ({session.actor.role}) may not do this")
        return PageContext(session, request)

    dependency.action = action  # type: ignore[attr-defined]
    return dependency


async def check_csrf(request: Request, session: Session) -> dict:
    """The submitted form, once its CSRF token matches the session's; 403 otherwise."""
    form = dict(await request.form())
    token = request.headers.get("x-csrf-token") or form.get("csrf_token") or ""
    if not isinstance(token, str) or not hmac.compare_digest(token, session.csrf_token):
        raise HTTPException(403, "the form has expired or did not come from this site: reload")
    return form


def api(action: str) -> Callable[[Request], Actor]:
    """Dependency for an API route: a valid bearer token whose role may do `action`,
    within the account's request budget."""

    def dependency(request: Request) -> Actor:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        actor = None
        if scheme.lower() == "bearer":
            actor = actor_for_token(request.app.state.store, token.strip())
        if actor is None:
            raise HTTPException(
                401, "missing or invalid API token", headers={"WWW-Authenticate": "Bearer"}
            )
        if not request.app.state.api_limiter.hit(actor.name):
            raise HTTPException(429, "too many requests: slow down", headers={"Retry-After": "60"})
        if not allowed(actor, action):
            raise HTTPException(403, f"your role ({actor.role}) may not do this")
        return actor

    dependency.action = action  # type: ignore[attr-defined]
    return dependency
