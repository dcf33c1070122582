"""The app factory: one FastAPI app per call, nothing built at import time."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.routing import BaseRoute

from sentinelle.audit.keys import use_key as use_audit_key
from sentinelle.store import open_store
from sentinelle.web.cache import TTLCache
from sentinelle.web.dates import when
from sentinelle.web.errors import install_error_handlers
from sentinelle.web.highlight import highlight_terms
from sentinelle.web.limits import RequestLimits
from sentinelle.web.pseudonym_search import PseudonymIndex
from sentinelle.web.ratelimit import RateLimiter
from sentinelle.web.requestlog import RequestLog
from sentinelle.web.settings import WebSettings, settings_from_env

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware): security and cache headers on
    every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith(("/static", "/vendor"))

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", _CSP)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
                headers["Cache-Control"] = "public, max-age=86400" if static else "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _utc(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M:%S")


def _plotly_dir() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data"


def iter_routes(app: FastAPI) -> Iterator[BaseRoute]:
    """Every route of the app, with included routers flattened (tests enumerate these)."""
    for route in app.routes:
        nested = getattr(route, "original_router", None)
        yield from nested.routes if nested is not None else (route,)


def app_from_env() -> FastAPI:
    """Factory for uvicorn worker processes (`serve --workers N`): settings from the
    environment that `serve` prepared (SENTINELLE_DB, SENTINELLE_SECRET_KEY, SENTINELLE_DEMO)."""
    demo = os.environ.get("SENTINELLE_DEMO") == "1"
    if os.environ.get("SENTINELLE_REQUEST_LOG") == "1":
        from sentinelle.web.requestlog import enable_request_log

        enable_request_log()
    return create_app(settings_from_env(demo=demo, db=os.environ.get("SENTINELLE_DB")))


def audit_key(settings: WebSettings) -> bytes | None:
    """The audit chain's key: the environment's, else derived from a real secret key (a demo's
    generated one would change at each start, so demo entries are then unkeyed)."""
    from sentinelle.audit.keys import derive_key, key_from_env

    key = key_from_env()
    if key is None and not (settings.demo and "SENTINELLE_SECRET_KEY" not in os.environ):
        key = derive_key(settings.secret_key)
    return key


def create_app(settings: WebSettings) -> FastAPI:
    """The workspace and API over the store `settings.db`."""
    from sentinelle.web.api import networks as api_networks
    from sentinelle.web.api import posts as api_posts
    from sentinelle.web.api import score as api_score
    from sentinelle.web.routes import (
        accounts,
        audit,
        login,
        networks,
        note,
        overview,
        posts,
        review,
        search,
    )
    from sentinelle.web.routes import (
        outreach as outreach_pages,
    )
    from sentinelle.web.routes import (
        outreach_admin as outreach_admin_pages,
    )

    app = FastAPI(
        title="Sentinelle API",
        version="1",
        description="Posts in, scores and networks out. Authenticate with "
        "`Authorization: Bearer TOKEN` (`sentinelle tokens create NAME`).",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.store = open_store(settings.db, connections=settings.db_connections)
    use_audit_key(app.state.store, audit_key(settings))
    app.state.api_limiter = RateLimiter(settings.api_requests_per_minute)
    app.state.login_limiter = RateLimiter(settings.logins_per_minute)
    app.state.cache = TTLCache(settings.list_cache_seconds)
    app.state.pseudonyms = PseudonymIndex(app.state.store, settings.pseudonym_key)
    package = resources.files("sentinelle.web")
    app.state.templates = Jinja2Templates(directory=str(package / "templates"))
    app.state.templates.env.auto_reload = False  # no file stat per render: templates ship
    app.state.templates.env.filters["datetime"] = _utc
    app.state.templates.env.filters["when"] = when
    app.state.templates.env.globals["highlight"] = highlight_terms
    app.state.templates.env.filters["day"] = lambda value: when(value, with_time=False)
    app.mount("/static", StaticFiles(directory=str(package / "static")), name="static")
    app.mount("/vendor/plotly", StaticFiles(directory=str(_plotly_dir())), name="plotly")
    for module in (login, overview, posts, networks, review, audit, accounts, search, note):
        app.include_router(module.router)
    for module in (outreach_pages, outreach_admin_pages):
        app.include_router(module.router)
    for module in (api_posts, api_score, api_networks):
        app.include_router(module.router)
    install_error_handlers(app)

    app.add_middleware(RequestLimits)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestLog)
    return app


def _warm_scoring() -> None:
    from sentinelle.score.model import default_model
    from sentinelle.score.scoring import score_text

    score_text("Nouvelle à Lyon, dispo ce soir", "ad", default_model())


@asynccontextmanager
async def _lifespan(app: FastAPI):
    app.state.pseudonyms.start()
    # The scoring model and what scoring builds on first use (indicator matchers, n-gram
    # vectoriser) made before the first request, not by the first twenty at once: concurrent
    # first `POST /api/score` requests each built them (2-6 s each under 20 clients).
    await asyncio.to_thread(_warm_scoring)
    yield
    app.state.pseudonyms.close()
    app.state.store.close()
