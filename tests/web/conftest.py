"""A small synthetic workspace: posts (logistics text only), analyses, networks, accounts."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from sentinelle.auth.accounts import create_account
from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.store import open_store
from sentinelle.store.posts import save_posts
from sentinelle.web import WebSettings, create_app

PASSWORD = "correct horse battery"
ROLES = ("admin", "analyst", "outreach", "auditor")
SECRET = "s" * 48
SERVICES = [
    {
        "department": "69",
        "kind": "crip",
        "name": "CRIP du Rhône (fictive)",
        "phone": "04 00 00 00 01",
    },
    {
        "department": "69",
        "kind": "health",
        "name": "Santé jeunes (fictif)",
        "phone": "04 00 00 00 02",
    },
]
CITIES = (("Lyon", "69"), ("Marseille", "13"), ("Clermont-Ferrand", "63"), ("Lille", "59"))


def synthetic_posts(count: int = 40) -> list[dict]:
    posts = []
    for i in range(count):
        city, _dept = CITIES[i % len(CITIES)]
        phone = f"06 12 34 {i % 5:02d} {10 + i % 5:02d}"
        posts.append(
            {
                "id": f"p{i:04d}",
                "source": ("annonces-libres", "photogram")[i % 2],
                "kind": ("ad", "social_post")[i % 2],
                "text": f"Nouvelle sur {city}, dispo ce soir. Contact {phone}. "
                f"{'16 ans' if i % 4 == 0 else 'Logement fourni'}, 100 rose/h.",
                "posted_at": f"2024-03-{1 + i % 28:02d}T{10 + i % 12:02d}:00:00+01:00",
                "city": city,
                "author": f"compte_{i % 7}",
                "title": f"Annonce {i} {city}",
            }
        )
    return posts


def analysis_row(pk: int, i: int, record: dict) -> dict:
    city, dept = CITIES[i % len(CITIES)]
    raw_phone = record["text"].split("Contact ")[1].split(".")[0]
    e164 = "+336" + raw_phone.replace(" ", "")[2:]
    minor = i % 4 == 0
    indicators = [{"code": "age.stated_minor", "evidence": "16 ans"}] if minor else []
    indicators.append(
        {"code": "control.housing", "evidence": "Logement fourni"}
        if not minor
        else {"code": "availability.tonight", "evidence": "dispo ce soir"}
    )
    return {
        "post_pk": pk,
        "phones": orjson.dumps([{"e164": e164, "raw": raw_phone, "tricks": []}]).decode(),
        "handles": orjson.dumps([f"snapchat:agence_{i % 3}"]).decode(),
        "stated_ages": orjson.dumps([{"age": 16, "evidence": "16 ans"}] if minor else []).decode(),
        "prices": "[]",
        "mentions": "{}",
        "city": city,
        "department": dept,
        "obfuscated_phones": 0,
        "score_minor": 0.9 if minor else 0.1 + (i % 9) / 10,
        "score_control": 0.7 if i % 3 == 0 else 0.2,
        "score_recruitment": 0.05,
        "flags": (1 if minor else 0) | (2 if i % 3 == 0 else 0),
        "indicators": orjson.dumps(indicators).decode(),
        "network_id": f"n-{i % 5:06d}" if i % 5 < 3 else None,
        "analyzed_at": time.time(),
    }


def seed(db_path: str) -> None:
    from sentinelle.store.posts import save_analyses

    store = open_store(db_path)
    records = synthetic_posts()
    batch = []
    for record in records:
        post, ts = validate_post(record)
        batch.append((post, ts, content_hash(post)))
    save_posts(store, batch)
    from sqlalchemy import select

    from sentinelle.store.schema import posts

    with store.engine.connect() as connection:
        pks = {r.post_id: r.pk for r in connection.execute(select(posts.c.pk, posts.c.post_id))}
    rows, identifiers = [], []
    for i, record in enumerate(records):
        row = analysis_row(pks[record["id"]], i, record)
        rows.append(row)
        identifiers.append(
            {
                "post_pk": row["post_pk"],
                "kind": "phone",
                "value": orjson.loads(row["phones"])[0]["e164"],
            }
        )
    save_analyses(store, rows, identifiers)
    from sentinelle.outreach.refresh import refresh

    refresh(store)  # persons at risk, as `analyze` leaves them
    from sentinelle.store.network_summaries import refresh_summaries

    refresh_summaries(store)  # the network list's rows, as `analyze` leaves them
    from sentinelle.store.weekly_counts import refresh_weekly

    refresh_weekly(store)  # the overview's weekly counts, likewise
    from sentinelle.store.outreach import replace_services

    replace_services(store, 1, SERVICES)  # the default organisation's directory
    for role in ROLES:
        create_account(store, role, role, PASSWORD, time.time())
    store.close()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("web") / "template.db")
    seed(path)
    return path


@pytest.fixture
def seeded_db(seeded_template, tmp_path) -> str:
    """A private copy of the seeded workspace: tests never share a mutable database."""
    path = str(tmp_path / "workspace.db")
    shutil.copyfile(seeded_template, path)
    return path


@pytest.fixture
def settings(seeded_db) -> WebSettings:
    return WebSettings(secret_key=SECRET, db=seeded_db)


@pytest.fixture
def app(settings):
    return create_app(settings)


@pytest.fixture
def sign_in():
    return login


@pytest.fixture
def csrf():
    return csrf_of


def login(client: TestClient, name: str, password: str = PASSWORD):
    form = client.get("/login")
    token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    return client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token},
        follow_redirects=False,
    )


def csrf_of(client: TestClient, path: str = "/") -> str:
    page = client.get(path)
    return page.text.split('name="csrf-token" content="')[1].split('"')[0]


@pytest.fixture
def client_for(app):
    """A logged-in client per role (https, so secure cookies are sent)."""
    clients = []

    def make(role: str) -> TestClient:
        client = TestClient(app, base_url="https://testserver")
        clients.append(client)
        response = login(client, role)
        assert response.status_code == 303, response.text
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def token_for(settings):
    """An API token per role's account."""
    from sentinelle.auth.tokens import create_token

    store = open_store(settings.db)

    def make(role: str) -> str:
        return create_token(store, role, time.time())

    yield make
    store.close()


# Browser tests (Debian's Chromium driven by Playwright) against a real uvicorn.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BROWSER_SECRET = "k" * 40  # the served app's key (tests that write audit entries reuse it)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_in_thread(db: str):
    """A real uvicorn serving the workspace over `db` on a free loopback port: yields its URL."""
    import uvicorn

    app = create_app(WebSettings(secret_key=BROWSER_SECRET, db=db))
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not instance.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def server(seeded_db):
    yield from serve_in_thread(seeded_db)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def signed_in_page(browser, server: str, role: str, start: str = "/login", **context_options):
    """A new browser context signed in as `role` (from `start`): (context, page)."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(server + start)
    page.fill("input[name=name]", role)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    return context, page
