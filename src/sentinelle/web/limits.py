"""Request limits applied before any work (issue 15): a request body is read only once its
bearer token is known good and within its rate, and never past the size limit; a NUL in the
query string or path is a 400 before any route sees it (PostgreSQL refuses NUL in text).

A pure ASGI middleware: it answers from the headers alone, so an unauthenticated client
cannot make the server buffer a body of any size."""

from __future__ import annotations

import hashlib

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.responses import JSONResponse, PlainTextResponse

from sentinelle.auth.tokens import actor_for_token
from sentinelle.web.ratelimit import RateLimiter

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _reply(scope, status: int, message: str, headers: dict | None = None):
    if scope["path"].startswith("/api"):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return PlainTextResponse(message, status_code=status, headers=headers)


def _bearer(headers: Headers) -> str | None:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _known(store, token: str | None) -> bool:
    return token is not None and await run_in_threadpool(actor_for_token, store, token) is not None


class RequestLimits:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope["app"].state
        refusal = await self._refusal(scope, state)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        if scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        # Read the body here, up to the limit whatever Content-Length said, then hand it on.
        limit = state.settings.max_body_bytes
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _reply(scope, 413, f"request body over the {limit:,}-byte limit")(
                    scope, receive, send
                )
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refusal(self, scope, state):
        """The response that refuses this request from its headers alone, or None."""
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope["path"]:
            return _reply(scope, 400, "NUL characters are not allowed in a request")
        headers = Headers(scope=scope)
        api = scope["path"].startswith("/api/")
        token = _bearer(headers) if api else None
        if api and scope["method"] in _BODY_METHODS and not await _known(state.store, token):
            return _reply(
                scope, 401, "missing or invalid API token", {"WWW-Authenticate": "Bearer"}
            )
        if token is not None:
            limiter = getattr(state, "token_limiter", None)
            if limiter is None:
                limiter = state.token_limiter = RateLimiter(state.settings.api_requests_per_minute)
            if not limiter.hit(hashlib.sha256(token.encode()).hexdigest()):
                return _reply(scope, 429, "too many requests: slow down", {"Retry-After": "60"})
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return _reply(scope, 400, "bad Content-Length")
            if int(length) > state.settings.max_body_bytes:
                limit = state.settings.max_body_bytes
                return _reply(scope, 413, f"request body over the {limit:,}-byte limit")
        return None
