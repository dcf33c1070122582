"""Limits before work and no 500 on hostile input (issue 15, defects 6 and 9)."""

from __future__ import annotations

import anyio
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from sentinelle.web import WebSettings, create_app
from sentinelle.web.app import iter_routes

SECRET = "s" * 48


def _call_raw(app, method: str, path: str, headers: list, body_chunks: list[bytes]):
    """Drive the ASGI app directly; returns (status, how many times it read the body)."""
    reads = 0
    status = None
    chunks = list(body_chunks)

    async def receive():
        nonlocal reads
        reads += 1
        chunk = chunks.pop(0) if chunks else b""
        return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "https",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 443),
        "app": app,
    }
    anyio.run(app, scope, receive, send)
    return status, reads


def test_an_api_post_without_a_valid_token_is_refused_before_its_body_is_read(settings):
    app = create_app(settings)
    body = [b"[" + b"1," * 1_000_000] * 4  # would be 8 MB
    for headers in ([], [("Authorization", "Bearer snt_not-a-token")]):
        status, reads = _call_raw(app, "POST", "/api/posts", headers, body)
        assert status == 401
        assert reads == 0


def test_a_body_over_the_limit_is_413_whether_announced_or_not(settings, token_for):
    app = create_app(WebSettings(secret_key=SECRET, db=settings.db, max_body_bytes=10_000))
    auth = ("Authorization", f"Bearer {token_for('analyst')}")
    status, reads = _call_raw(
        app, "POST", "/api/posts", [auth, ("Content-Length", "50000")], [b"x" * 50_000]
    )
    assert (status, reads) == (413, 0)
    status, _ = _call_raw(app, "POST", "/api/posts", [auth], [b"[" + b" " * 4000] * 5)
    assert status == 413
    with TestClient(app, base_url="https://testserver") as client:
        small = client.post("/api/posts", json=[], headers=dict([auth]))
        assert small.status_code == 200


def test_each_token_has_its_rate_limit(settings, token_for):
    app = create_app(WebSettings(secret_key=SECRET, db=settings.db, api_requests_per_minute=3))
    first, second = token_for("analyst"), token_for("admin")
    with TestClient(app, base_url="https://testserver") as client:
        codes = [
            client.post("/api/posts", json=[], headers={"Authorization": f"Bearer {first}"})
            for _ in range(4)
        ]
        assert [c.status_code for c in codes] == [200, 200, 200, 429]
        other = client.get("/api/openapi.json", headers={"Authorization": f"Bearer {second}"})
        assert other.status_code == 200


@pytest.mark.parametrize(
    ("role", "path"),
    [
        ("analyst", "/posts?q=%00"),
        ("analyst", "/posts/export.jsonl?q=%00"),
        ("admin", "/audit?before=99999999999999999999999"),
    ],
)
def test_the_reported_500s_are_clean_refusals(client_for, role: str, path: str):
    response = client_for(role).get(path)
    assert response.status_code == 400, response.text[:300]


HOSTILE = (
    "%00",
    "a%00b",
    "99999999999999999999999",
    "-1",
    "0",
    "1e309",
    "nan",
    "%FF%FE",
    "%ED%A0%80",  # an encoded lone surrogate
    "'%22%3C%3E;--",
    "2024-13-45",
    "x" * 300,
    "%E2%98%8E%F0%9F%92%8B",
    "",
)


def _query_params(dependant) -> list:
    found = list(dependant.query_params)
    for sub in dependant.dependencies:
        found += _query_params(sub)
    return found


def _page_routes(app) -> list[tuple[str, list[str]]]:
    found = []
    for route in iter_routes(app):
        if not isinstance(route, APIRoute) or "GET" not in route.methods:
            continue
        if route.path.startswith("/api"):
            continue  # schemathesis covers the API (tests/web/api/test_fuzz.py)
        params = sorted({p.alias for p in _query_params(route.dependant)})
        found.append((route.path, params))
    return found


def test_no_page_answers_500_to_hostile_parameters(client_for):
    """A generated set: every GET page, every query parameter and path part, hostile values."""
    clients = {role: client_for(role) for role in ("analyst", "admin")}
    routes = _page_routes(next(iter(clients.values())).app)
    assert len(routes) >= 6
    tried = 0
    for path, params in routes:
        for value in HOSTILE:
            concrete = path
            for part in ("{network_id}",):
                concrete = concrete.replace(part, value or "x")
            queries = [f"{name}={value}" for name in params] or [""]
            queries.append("&".join(queries))  # every parameter at once
            for query in queries:
                for client in clients.values():
                    response = client.get(f"{concrete}?{query}", follow_redirects=False)
                    tried += 1
                    assert response.status_code < 500, (concrete, query, response.text[:300])
    assert tried > 200
