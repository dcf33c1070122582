"""One log line per request (`serve` shows them): when, method, path, status, time taken.

Query strings can carry identifiers (a search for a phone number): they are masked like any
shown text before they reach a log file.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import unquote_plus

from sentinelle.privacy.recognise import mask_text

log = logging.getLogger("sentinelle.web.requests")


def request_line(
    method: str, path: str, query: str, status: int, millis: float, client: str
) -> str:
    shown = path + ("?" + mask_text(unquote_plus(query)) if query else "")
    return f"{client} {method} {shown} {status} {millis:.1f} ms"


class RequestLog:
    """Pure ASGI middleware: logs at INFO when the logger is enabled (static files skipped)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not log.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), [0]

        async def send_status(message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            path = scope.get("path", "")
            if not path.startswith(("/static", "/vendor")):
                client = (scope.get("client") or ("-",))[0]
                query = scope.get("query_string", b"").decode("latin-1")
                millis = (time.perf_counter() - started) * 1000
                log.info(request_line(scope["method"], path, query, status[0], millis, client))


def enable_request_log() -> None:
    """Request lines to stderr, timestamped (what `serve` turns on)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
