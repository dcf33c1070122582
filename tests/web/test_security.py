"""CSRF, session fixation, lockout, session expiry, cookie flags, another role's objects."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from sentinelle.store import open_store
from sentinelle.store.accounts import web_sessions
from sentinelle.web import WebSettings, create_app


def test_forms_without_the_csrf_token_are_refused(client_for, csrf):
    client = client_for("analyst")
    form = {"source": "annonces-libres", "id": "p0000", "index": "0"}
    assert client.post("/post/reveal", data=form).status_code == 403
    bad = {**form, "csrf_token": "forged"}
    assert client.post("/post/reveal", data=bad).status_code == 403
    good = {**form, "csrf_token": csrf(client)}
    assert client.post("/post/reveal", data=good).status_code == 200


def test_csrf_token_of_another_session_is_refused(client_for, csrf):
    analyst, other = client_for("analyst"), client_for("analyst")
    stolen = csrf(other)
    form = {"post": "1", "label": "none", "csrf_token": stolen}
    response = analyst.post("/review/label", data=form)
    assert response.status_code == 403


def test_login_form_needs_its_csrf_token(app):
    with TestClient(app, base_url="https://testserver") as client:
        response = client.post("/login", data={"name": "analyst", "password": "x"})
        assert response.status_code == 403


def test_login_issues_a_new_session_id(app, sign_in):
    """Session fixation: a session id planted before login is never the one used after."""
    with TestClient(app, base_url="https://testserver") as client:
        client.cookies.set("sentinelle_session", "planted-by-attacker")
        response = sign_in(client, "analyst")
        assert response.status_code == 303
        issued = response.cookies.get("sentinelle_session")
        assert issued and issued != "planted-by-attacker"
    with TestClient(app, base_url="https://testserver") as attacker:
        attacker.cookies.set("sentinelle_session", "planted-by-attacker")
        assert attacker.get("/posts", follow_redirects=False).status_code == 303


def test_logout_ends_the_session_server_side(app, sign_in, csrf):
    with TestClient(app, base_url="https://testserver") as client:
        cookie = sign_in(client, "analyst").cookies.get("sentinelle_session")
        client.post("/logout", data={"csrf_token": csrf(client)})
    with TestClient(app, base_url="https://testserver") as replay:
        replay.cookies.set("sentinelle_session", cookie)
        assert replay.get("/posts", follow_redirects=False).status_code == 303


def test_session_cookie_flags(app, sign_in):
    with TestClient(app, base_url="https://testserver") as client:
        response = sign_in(client, "analyst")
        cookie = response.headers["set-cookie"].lower()
        assert "httponly" in cookie and "secure" in cookie and "samesite=strict" in cookie


def test_lockout_after_repeated_failures(app, sign_in):
    with TestClient(app, base_url="https://testserver") as client:
        for _ in range(5):
            assert sign_in(client, "outreach", "wrong password!!").status_code == 401
        # This client backs off: even the right password is refused for now.
        assert sign_in(client, "outreach").status_code == 401
        assert sign_in(client, "analyst").status_code == 303  # other accounts unaffected
    store = open_store(app.state.settings.db)
    from sentinelle.store.audit import recent_entries

    failures = recent_entries(store, action="login.failed", limit=20)
    assert [e["target"] for e in failures].count("outreach") == 6
    assert '"backoff for this client"' in failures[0]["detail"]
    store.close()


def test_idle_session_expires(seeded_db, sign_in):
    settings = WebSettings(secret_key="k" * 40, db=seeded_db, session_idle_seconds=60)
    app = create_app(settings)
    with TestClient(app, base_url="https://testserver") as client:
        sign_in(client, "analyst")
        assert client.get("/posts", follow_redirects=False).status_code == 200
        with app.state.store.engine.begin() as connection:
            connection.execute(web_sessions.update().values(last_seen=time.time() - 3600))
        assert client.get("/posts", follow_redirects=False).status_code == 303


def test_outreach_cannot_open_an_unflagged_post_by_id(client_for, csrf):
    client = client_for("outreach")
    # p0001 is not flagged (only every 4th is minor, every 3rd control): not at risk.
    assert client.get("/post?source=photogram&id=p0001").status_code == 403
    assert client.get("/post?source=annonces-libres&id=p0000").status_code == 200
    token = csrf(client)
    form = {"source": "photogram", "id": "p0001", "index": "0", "csrf_token": token}
    assert client.post("/post/reveal", data=form).status_code == 403


def test_outreach_list_shows_only_flagged_posts_and_no_networks(client_for):
    page = client_for("outreach").get("/posts").text
    assert "p0000" in page and "p0001" not in page
    assert "/networks/" not in page


def test_api_needs_a_valid_token(app, token_for):
    with TestClient(app, base_url="https://testserver") as client:
        assert client.get("/api/networks/n-000000").status_code == 401
        bad = {"authorization": "Bearer snt_not-a-real-token"}
        assert client.get("/api/networks/n-000000", headers=bad).status_code == 401
        outreach = {"authorization": f"Bearer {token_for('outreach')}"}
        assert client.get("/api/networks/n-000000", headers=outreach).status_code == 403


def test_server_mode_refuses_to_start_without_a_secret(seeded_db):
    import pytest

    from sentinelle.errors import SentinelleError

    with pytest.raises(SentinelleError, match="SENTINELLE_SECRET_KEY"):
        WebSettings(secret_key="", db=seeded_db)
    with pytest.raises(SentinelleError):
        WebSettings(secret_key="short", db=seeded_db)


def test_an_account_with_a_second_factor_needs_its_code_at_login(app):
    import pyotp

    from sentinelle.auth.totp import enable_totp

    secret, _uri = enable_totp(app.state.store, "analyst")
    with TestClient(app, base_url="https://testserver") as client:
        form = client.get("/login")
        assert 'name="code"' in form.text
        token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
        fields = {"name": "analyst", "password": "correct horse battery", "csrf_token": token}
        assert client.post("/login", data=fields, follow_redirects=False).status_code == 401
        again = client.get("/login").text
        fields["csrf_token"] = again.split('name="csrf_token" value="')[1].split('"')[0]
        fields["code"] = pyotp.TOTP(secret).now()
        assert client.post("/login", data=fields, follow_redirects=False).status_code == 303
