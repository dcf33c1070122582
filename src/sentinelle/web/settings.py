"""Web settings, declared once; server mode refuses to start without a real secret key."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from sentinelle.errors import SentinelleError

SECRET_ENV = "SENTINELLE_SECRET_KEY"
MIN_SECRET_CHARS = 32


@dataclass(frozen=True, slots=True)
class WebSettings:
    """How the workspace runs. `secret_key` keys the export pseudonyms; `demo` allows a
    generated key and plain-HTTP cookies on loopback."""

    secret_key: str
    db: str | None = None
    demo: bool = False
    cookie_secure: bool = True
    session_idle_seconds: float = 30 * 60
    session_max_age_seconds: float = 8 * 3600
    lockout_failures: int = 5
    lockout_seconds: float = 15 * 60
    api_requests_per_minute: int = 600
    logins_per_minute: int = 30  # per client address, on top of the per-account lockout
    page_size: int = 50
    list_cache_seconds: float = 20.0  # posts list pages; 0 turns the cache off
    # Database connections kept open per server process: one per request served at once
    # (sync routes run in up to 40 threads), so none is opened per request.
    db_connections: int = 20
    # Largest request body read (API batches, forms); larger ones get 413 before being read.
    max_body_bytes: int = 4 * 1024 * 1024

    def __post_init__(self) -> None:
        if not self.demo and len(self.secret_key or "") < MIN_SECRET_CHARS:
            raise SentinelleError(
                f"{SECRET_ENV} must be set to a random string of at least {MIN_SECRET_CHARS} "
                "characters to run the server (e.g. `python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))'`), or use --demo on a test machine"
            )

    @property
    def pseudonym_key(self) -> bytes:
        return ("pseudonym:" + self.secret_key).encode()


def settings_from_env(*, demo: bool = False, db: str | None = None, **overrides) -> WebSettings:
    """Settings from the environment: the key from SENTINELLE_SECRET_KEY (generated in demo),
    the list cache from SENTINELLE_LIST_CACHE_SECONDS, the API budget per token and process
    from SENTINELLE_API_REQUESTS_PER_MINUTE (a load test needs more than 600)."""
    key = os.environ.get(SECRET_ENV, "")
    if "SENTINELLE_LIST_CACHE_SECONDS" in os.environ:
        overrides.setdefault(
            "list_cache_seconds", float(os.environ["SENTINELLE_LIST_CACHE_SECONDS"])
        )
    if "SENTINELLE_MAX_BODY_BYTES" in os.environ:
        overrides.setdefault("max_body_bytes", int(os.environ["SENTINELLE_MAX_BODY_BYTES"]))
    if "SENTINELLE_API_REQUESTS_PER_MINUTE" in os.environ:
        budget = int(os.environ["SENTINELLE_API_REQUESTS_PER_MINUTE"])
        overrides.setdefault("api_requests_per_minute", budget)
    if demo and not key:
        key = secrets.token_urlsafe(48)
    overrides.setdefault("cookie_secure", not demo)
    return WebSettings(secret_key=key, db=db, demo=demo, **overrides)
