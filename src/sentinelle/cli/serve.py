"""`sentinelle serve`: the web workspace and API."""

from __future__ import annotations

import os
import secrets
import time

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for

DEMO_ROLES = ("admin", "analyst", "outreach", "auditor")


def demo_accounts(db: str | None) -> list[tuple[str, str, str]]:
    """One account per role, `demo-ROLE`, each with a fresh password: (name, role, password)."""
    from sentinelle.auth.accounts import ensure_account

    store = open_store_for(db)
    created = []
    for role in DEMO_ROLES:
        password = secrets.token_urlsafe(12)
        ensure_account(store, f"demo-{role}", role, password, time.time())
        created.append((f"demo-{role}", role, password))
    store.close()
    return created


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--demo",
    is_flag=True,
    help="Demo mode: a generated secret key if none is set, one account per role with "
    "passwords printed once, cookies allowed over plain HTTP on loopback.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes (one per core serves the most requests).",
)
@db_option
@handle_errors
def serve(host: str, port: int, demo: bool, workers: int, db: str | None) -> None:
    """Serve the workspace and the JSON API (/api, OpenAPI at /api/openapi.json).

    Server mode reads its secret from SENTINELLE_SECRET_KEY and refuses to start without one.
    """
    import uvicorn

    from sentinelle.web import create_app, settings_from_env
    from sentinelle.web.requestlog import enable_request_log

    enable_request_log()  # one line per request on stderr, identifiers in URLs masked
    os.environ["SENTINELLE_REQUEST_LOG"] = "1"  # for worker processes too
    settings = settings_from_env(demo=demo, db=db)
    app = create_app(settings)  # also checks the settings and migrates before any worker starts
    if demo:
        click.echo("Demo accounts (passwords shown once):")
        for name, role, password in demo_accounts(db):
            click.echo(f"  {role:<9} {name:<15} {password}")
    click.echo(f"Sentinelle workspace at http://{host}:{port}")
    options = {"host": host, "port": port, "log_level": "warning", "proxy_headers": False}
    if workers == 1:
        uvicorn.run(app, **options)
        return
    # Worker processes build their own app from the environment; share the (demo) key with them.
    os.environ["SENTINELLE_SECRET_KEY"] = settings.secret_key
    os.environ["SENTINELLE_DEMO"] = "1" if demo else "0"
    if db:
        os.environ["SENTINELLE_DB"] = db
    app.state.store.close()
    uvicorn.run("sentinelle.web.app:app_from_env", factory=True, workers=workers, **options)
