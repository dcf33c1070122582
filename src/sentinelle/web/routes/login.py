"""Signing in and out. A login always starts a new session (no fixation) and is audited."""

from __future__ import annotations

import hmac
import secrets
import time
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from sentinelle.audit import record_event
from sentinelle.auth.login import LockoutPolicy, LoginRefused, LoginThrottle, authenticate
from sentinelle.auth.roles import Actor
from sentinelle.auth.sessions import end_session, start_session
from sentinelle.web.render import home_for
from sentinelle.web.security import (
    SESSION_COOKIE,
    PageContext,
    check_csrf,
    client_of,
    current_session,
    page,
)

router = APIRouter(include_in_schema=False)
LOGIN_CSRF_COOKIE = "sentinelle_login_csrf"


def _cookie_flags(request: Request) -> dict:
    return {
        "httponly": True,
        "samesite": "strict",
        "secure": request.app.state.settings.cookie_secure,
        "path": "/",
    }


def safe_next(value: object) -> str | None:
    """A page of this site to return to after login, or None (no open redirect)."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//"):
        return None
    if "\\" in value or value.startswith(("/login", "/logout")) or len(value) > 2000:
        return None
    return value


def _login_form(
    request: Request, error: str = "", status: int = 200, next_page: str | None = None
) -> Response:
    # Double-submit token: a login form posted from another site cannot know it.
    token = secrets.token_urlsafe(32)
    response = request.app.state.templates.TemplateResponse(
        request,
        "login.html",
        {
            "actor": None,
            "csrf_token": token,
            "error": error,
            "demo": request.app.state.settings.demo,
            "next": next_page or safe_next(request.query_params.get("next")),
        },
        status_code=status,
    )
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, **_cookie_flags(request))
    return response


@router.get("/login")
def login_form(request: Request) -> Response:
    session = current_session(request)
    if session is not None:
        return RedirectResponse(home_for(request, session.actor), status_code=303)
    return _login_form(request)


def _throttle(request: Request) -> LoginThrottle:
    state = request.app.state
    if getattr(state, "login_throttle", None) is None:
        state.login_throttle = LoginThrottle()
    return state.login_throttle


@router.post("/login")
async def login(request: Request) -> Response:
    client = client_of(request)
    if not request.app.state.login_limiter.hit(client):
        raise HTTPException(429, "too many login attempts from your address: wait a minute")
    form = await request.form()
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    given = form.get("csrf_token", "")
    if not expected or not isinstance(given, str) or not hmac.compare_digest(expected, given):
        raise HTTPException(403, "the login form has expired: reload the page")
    name, password = str(form.get("name", ""))[:100], str(form.get("password", ""))[:1000]
    store, settings, now = request.app.state.store, request.app.state.settings, time.time()
    policy = LockoutPolicy(settings.lockout_failures, settings.lockout_seconds)
    try:
        code = str(form.get("code", ""))[:10] or None
        actor = authenticate(store, name, password, now, policy, client, _throttle(request), code)
    except LoginRefused as refused:
        record_event(
            store, Actor(name or "-", "-"), "login.failed", name, client, {"reason": refused.reason}
        )
        message = "wrong name or password, or the account is locked for a while"
        return _login_form(request, message, status=401, next_page=safe_next(form.get("next")))
    end_session(store, request.cookies.get(SESSION_COOKIE))
    session_id, _session = start_session(store, actor, now, client)
    record_event(store, actor, "login", actor.name, client)
    landing = safe_next(form.get("next")) or home_for(request, actor)
    response = RedirectResponse(landing, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        max_age=int(settings.session_max_age_seconds),
        **_cookie_flags(request),
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
async def logout(request: Request, ctx: Annotated[PageContext, Depends(page("workspace.enter"))]):
    await check_csrf(request, ctx.session)
    end_session(request.app.state.store, request.cookies.get(SESSION_COOKIE))
    record_event(request.app.state.store, ctx.actor, "logout", ctx.actor.name, ctx.client)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/")
def home(ctx: Annotated[PageContext, Depends(page("workspace.enter"))]) -> Response:
    return RedirectResponse(home_for(ctx.request, ctx.actor), status_code=303)
