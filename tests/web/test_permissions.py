"""Every route x every role: who gets through and who gets 403, enumerated from the app."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Mount

from sentinelle.auth.sessions import digest
from sentinelle.web.app import iter_routes

ROLES = ("admin", "analyst", "outreach", "auditor")
EVERYONE = frozenset(ROLES)
PUBLIC = "public"

# (method, path) -> roles allowed. A new route fails the test until it is listed here.
EXPECTED: dict[tuple[str, str], frozenset[str] | str] = {
    ("GET", "/api/openapi.json"): PUBLIC,
    ("GET", "/login"): PUBLIC,
    ("POST", "/login"): PUBLIC,
    ("POST", "/logout"): EVERYONE,
    ("GET", "/"): EVERYONE,
    ("GET", "/overview"): frozenset({"analyst"}),
    ("GET", "/posts"): frozenset({"analyst", "outreach"}),
    ("GET", "/post"): frozenset({"analyst", "outreach"}),
    ("POST", "/post/reveal"): frozenset({"analyst", "outreach"}),
    ("GET", "/posts/export.jsonl"): frozenset({"analyst"}),
    ("GET", "/networks"): frozenset({"analyst"}),
    ("GET", "/networks/{network_id}"): frozenset({"analyst"}),
    ("GET", "/search"): frozenset({"analyst", "outreach"}),
    ("GET", "/posts/count"): frozenset({"analyst", "outreach"}),
    ("GET", "/note"): frozenset({"analyst"}),
    ("GET", "/note.html"): frozenset({"analyst"}),
    ("GET", "/note.pdf"): frozenset({"analyst"}),
    ("POST", "/networks/{network_id}/reveal"): frozenset({"analyst"}),
    ("GET", "/review"): frozenset({"analyst"}),
    ("POST", "/review/label"): frozenset({"analyst"}),
    ("GET", "/audit"): frozenset({"admin", "auditor"}),
    ("GET", "/accounts"): frozenset({"admin"}),
    ("POST", "/accounts"): frozenset({"admin"}),
    ("POST", "/accounts/tokens/revoke"): frozenset({"admin"}),
    ("POST", "/accounts/{name}/{action}"): frozenset({"admin"}),
    ("POST", "/api/posts"): frozenset({"analyst"}),
    ("GET", "/api/posts/{source}/{post_id:path}"): frozenset({"analyst"}),
    ("POST", "/api/score"): frozenset({"analyst"}),
    ("GET", "/api/networks/{network_id}"): frozenset({"analyst"}),
    ("GET", "/outreach"): frozenset({"outreach"}),
    ("GET", "/outreach/persons/{person_pk}"): frozenset({"outreach"}),
    ("POST", "/outreach/persons/{person_pk}/contact"): frozenset({"outreach"}),
    ("POST", "/outreach/persons/{person_pk}/attempt"): frozenset({"outreach"}),
    ("POST", "/outreach/persons/{person_pk}/followup"): frozenset({"outreach"}),
    ("POST", "/outreach/persons/{person_pk}/status"): frozenset({"outreach"}),
    ("POST", "/outreach/persons/{person_pk}/referral"): frozenset({"outreach"}),
    ("POST", "/outreach/persons/{person_pk}/report"): frozenset({"outreach"}),
    ("GET", "/outreach/services"): frozenset({"outreach"}),
    ("GET", "/outreach/dashboard"): frozenset({"outreach", "admin"}),
    ("GET", "/outreach/templates"): frozenset({"admin"}),
    ("POST", "/outreach/templates"): frozenset({"admin"}),
    ("GET", "/outreach/files"): frozenset({"auditor"}),
}

# A flagged post (p0000: minor) so outreach's at-risk rule lets it through.
URLS = {
    "/post": "/post?source=annonces-libres&id=p0000",
    "/posts/export.jsonl": "/posts/export.jsonl?flag=minor",
    "/networks/{network_id}": "/networks/n-000000",
    "/search": "/search?q=06+12+34+00+10",
    "/accounts/{name}/{action}": "/accounts/auditor/enable",
    "/networks/{network_id}/reveal": "/networks/n-000000/reveal",
    "/api/posts/{source}/{post_id:path}": "/api/posts/annonces-libres/p0000",
    "/api/networks/{network_id}": "/api/networks/n-000000",
    **{
        path: path.replace("{person_pk}", "1")
        for path in (
            "/outreach/persons/{person_pk}",
            "/outreach/persons/{person_pk}/contact",
            "/outreach/persons/{person_pk}/attempt",
            "/outreach/persons/{person_pk}/followup",
            "/outreach/persons/{person_pk}/status",
            "/outreach/persons/{person_pk}/referral",
            "/outreach/persons/{person_pk}/report",
        )
    },
}
FORMS = {
    "/post/reveal": {"source": "annonces-libres", "id": "p0000", "index": "0"},
    "/networks/{network_id}/reveal": {"index": "0"},
    "/review/label": {"post": "1", "label": "none"},
    "/accounts": {"name": "new-account", "role": "auditor", "password": "a-long-password-1"},
    "/outreach/persons/{person_pk}/attempt": {"channel": "sms", "outcome": "no_answer"},
    "/outreach/persons/{person_pk}/followup": {"next_followup": "2030-01-01"},
    "/outreach/persons/{person_pk}/status": {"status": "attempted"},
    "/outreach/persons/{person_pk}/referral": {"service": "1"},
    "/outreach/persons/{person_pk}/report": {"kind": "ip", "format": "html"},
    "/outreach/templates": {"name": "Court", "purpose": "first", "body": "119, 114 ou 17."},
}
JSON_BODIES = {
    "/api/posts": [
        {
            "id": "api-1",
            "source": "api-test",
            "kind": "ad",
            "text": "Dispo Lyon",
            "posted_at": "2024-03-13T01:00:00+01:00",
        }
    ],
    "/api/score": {"text": "Nouvelle sur Lyon, dispo ce soir", "kind": "ad"},
}


def app_routes(app) -> list[tuple[str, str]]:
    found = []
    for route in iter_routes(app):
        if isinstance(route, Mount):
            continue
        for method in sorted(route.methods - {"HEAD"}):
            found.append((method, route.path))
    return found


def call(client: TestClient, method: str, path: str, csrf: str, token: str | None = None):
    url = URLS.get(path, path)
    headers = {"x-csrf-token": csrf} if csrf else {}
    if token:
        headers["authorization"] = f"Bearer {token}"
    if method == "GET":
        return client.get(url, headers=headers, follow_redirects=False)
    if path.startswith("/api"):
        return client.post(url, json=JSON_BODIES[path], headers=headers)
    return client.post(url, data=FORMS.get(path, {}), headers=headers, follow_redirects=False)


def test_every_route_is_in_the_matrix(app):
    assert sorted(app_routes(app)) == sorted(EXPECTED)


@pytest.mark.parametrize("role", ROLES)
def test_route_by_role(app, role, client_for, csrf, token_for):
    client = client_for(role)
    token = csrf(client)
    api_token = token_for(role)
    # a token of another account for the admin to revoke (the id is its digest's start)
    FORMS["/accounts/tokens/revoke"] = {"token": digest(token_for("auditor"))[:12]}
    outcomes = {}
    for method, path in app_routes(app):
        if path in ("/logout", "/login"):
            continue  # logout ends the session (checked below); login has its own tests
        response = call(client, method, path, token, api_token if path.startswith("/api") else None)
        outcomes[(method, path)] = response.status_code
    for key, status in outcomes.items():
        allowed = EXPECTED[key]
        if allowed == PUBLIC or role in allowed:
            # the seeded store has no case records: the note itself answers 404 (tested apart)
            note = key[1] in ("/note.html", "/note.pdf") and status == 404
            assert status in (200, 303) or note, (role, key, status)
        else:
            assert status == 403, (role, key, status)
    response = call(client, "POST", "/logout", token)
    assert response.status_code == 303
    assert client.get("/posts", follow_redirects=False).headers["location"].startswith("/login")


def test_anonymous_is_sent_to_login_or_refused(app):
    with TestClient(app, base_url="https://testserver") as client:
        for method, path in app_routes(app):
            if EXPECTED[(method, path)] == PUBLIC:
                continue
            response = call(client, method, path, "")
            if path.startswith("/api"):
                assert response.status_code == 401, (method, path)
            else:
                assert response.status_code == 303, (method, path)
                assert response.headers["location"].startswith("/login"), (method, path)
