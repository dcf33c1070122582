"""A day's work (issue 12): find by identifier, the network list, explained flags, labelling
from a post, error pages in the layout, back to the asked page after login, accounts run."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from sentinelle.store import open_store
from sentinelle.store.accounts import find_account
from sentinelle.store.audit import recent_entries
from sentinelle.web import WebSettings, create_app

from .test_masking_property import build_store, login, planted_posts


def test_search_finds_a_phone_however_written(client_for, settings):
    client = client_for("analyst")
    counts = set()
    for written in ("0612340010", "+33612340010", "06 12 34 00 10", "06.12.34.00.10", "𝟎𝟔𝟏𝟐𝟑𝟒𝟎𝟎𝟏𝟎"):
        page = client.get("/search", params={"q": written})
        assert page.status_code == 200
        found = re.search(r"<strong>(\d+)</strong> posts? carry", page.text)
        assert found, written
        counts.add(int(found.group(1)))
        assert "0612340010" not in page.text and "06 12 34 00 10" not in page.text
    assert counts == {8}  # one number, the same 8 posts whatever the writing
    store = open_store(settings.db)
    searches = recent_entries(store, action="identifier.search")
    store.close()
    assert len(searches) == 5 and all("pseudonym" in entry["detail"] for entry in searches)
    assert "+33612340010" not in str(searches)


def test_search_finds_handles_and_says_when_nothing_is_recognised(tmp_path):
    records, planted = planted_posts(11, ["middle", "start", "end"])
    path = str(tmp_path / "w.db")
    build_store(path, records)
    app = create_app(WebSettings(secret_key="k" * 40, db=path))
    client = TestClient(app, base_url="https://testserver")
    login(client, "analyst")
    name = sorted(planted["names"])[0]
    for written in (name, f"snapchat:{name}", f"snap: {name.capitalize()}", f"@{name}"):
        page = client.get("/search", params={"q": written}).text
        assert "posts carry" in page or "post carry" in page, written
        assert name not in page
    assert "No phone number or handle recognised" in client.get("/search?q=bonjour+!").text
    assert "No post carries" in client.get("/search?q=0699999999").text
    client.close()
    app.state.store.close()


def test_outreach_search_sees_flagged_posts_only(client_for):
    analyst = client_for("analyst").get("/search?q=0612340010").text
    outreach = client_for("outreach").get("/search?q=0612340010").text
    count = lambda page: int(re.search(r"<strong>(\d+)</strong> posts? carry", page).group(1))  # noqa: E731
    assert count(outreach) < count(analyst)


def test_network_list_filters_sorts_and_validates(client_for):
    client = client_for("analyst")
    page = client.get("/networks").text
    assert re.search(r"<strong>3</strong> of 3 networks", page)
    assert "n-000000" in page and "n-000002" in page
    lyon = client.get("/networks?city=lyon").text
    assert re.search(r"<strong>\d</strong> of 3", lyon)
    assert "No network matches" in client.get("/networks?min_posts=1000").text
    by_size = client.get("/networks?sort=posts").text
    assert by_size.index("n-000000") < by_size.index("n-000002")
    bad = client.get("/networks?min_score=abc")
    assert bad.status_code == 400 and "score: a number from 0 to 1" in bad.text
    assert "Sign out" in bad.text  # the page, with its menu, not a bare error
    assert "No network matches" in client.get("/networks?known=1").text  # no case stored


def test_post_page_explains_flags_and_labels_from_the_page(client_for, csrf):
    client = client_for("analyst")
    page = client.get("/post?source=annonces-libres&id=p0000").text
    assert "Stated minor" in page and "An age under 18 stated in the text." in page
    assert "flag at" in page and re.search(r"≥ 0\.\d\d", page)
    assert '<time datetime="2024-03-01T10:00:00+01:00"' in page and "1 Mar 2024 10:00" in page
    token = csrf(client, "/post?source=annonces-libres&id=p0000")
    pk = re.search(r'name="post" value="(\d+)"', page).group(1)
    back = "/post?source=annonces-libres&id=p0000"
    done = client.post(
        "/review/label",
        data={"csrf_token": token, "post": pk, "label": "minor", "back": back},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"].startswith(back)
    assert "Labelled minor" in client.get(done.headers["location"]).text
    posts = client.get("/posts").text
    assert '<select name="indicator"' in posts and 'value="control.many_cities"' in posts


def test_errors_keep_the_layout_and_login_returns_to_the_asked_page(app, client_for, sign_in):
    client = client_for("analyst")
    missing = client.get("/networks/n-999999")
    assert missing.status_code == 404 and "Sign out" in missing.text and "Networks" in missing.text
    anonymous = TestClient(app, base_url="https://testserver")
    asked = "/networks?sort=posts"
    sent = anonymous.get(asked, follow_redirects=False)
    assert sent.headers["location"] == "/login?next=%2Fnetworks%3Fsort%3Dposts"
    form = anonymous.get(sent.headers["location"]).text
    token = form.split('name="csrf_token" value="')[1].split('"')[0]
    assert 'name="next" value="/networks?sort=posts"' in form
    done = anonymous.post(
        "/login",
        data={"name": "analyst", "password": "correct horse battery", "csrf_token": token,
              "next": asked},
        follow_redirects=False,
    )  # fmt: skip
    assert done.headers["location"] == asked
    evil = TestClient(app, base_url="https://testserver")
    form = evil.get("/login").text
    token = form.split('name="csrf_token" value="')[1].split('"')[0]
    done = evil.post(
        "/login",
        data={"name": "analyst", "password": "correct horse battery", "csrf_token": token,
              "next": "//evil.example/x"},
        follow_redirects=False,
    )  # fmt: skip
    assert done.headers["location"] == "/overview"  # no open redirect


def test_admin_runs_accounts_and_tokens(client_for, csrf, settings, token_for):
    admin = client_for("admin")
    token = csrf(admin, "/accounts")
    page = admin.get("/accounts").text
    assert '<option value="" selected disabled>choose a role…</option>' in page
    no_role = admin.post("/accounts", data={"csrf_token": token, "name": "x", "password": "p" * 14})
    assert no_role.status_code == 400 and "choose a role" in no_role.text
    added = admin.post(
        "/accounts",
        data={"csrf_token": token, "name": "zoe", "role": "auditor", "password": "p" * 14},
    )
    assert 'class="ok message"' in added.text
    disabled = admin.post("/accounts/zoe/disable", data={"csrf_token": token})
    assert "zoe disabled" in disabled.text and "disabled</span>" in disabled.text
    role = admin.post("/accounts/zoe/role", data={"csrf_token": token, "role": "analyst"})
    assert "now analyst" in role.text
    reset = admin.post("/accounts/zoe/reset", data={"csrf_token": token})
    password = re.search(r'<code id="new-password">([^<]+)</code>', reset.text).group(1)
    assert len(password) >= 20
    assert admin.post("/accounts/admin/delete", data={"csrf_token": token}).status_code == 400
    api_token = token_for("analyst")
    tokens_page = admin.get("/accounts").text
    token_id = re.search(r"<td><code>([0-9a-f]{12})</code></td><td>analyst</td>", tokens_page)
    revoked = admin.post(
        "/accounts/tokens/revoke", data={"csrf_token": token, "token": token_id.group(1)}
    )
    assert "revoked" in revoked.text
    assert (
        admin.get(
            "/api/networks/n-000000", headers={"authorization": f"Bearer {api_token}"}
        ).status_code
        == 401
    )
    deleted = admin.post("/accounts/zoe/delete", data={"csrf_token": token})
    assert "zoe deleted" in deleted.text
    store = open_store(settings.db)
    assert find_account(store, "zoe") is None
    actions = {entry["action"] for entry in recent_entries(store, limit=30)}
    store.close()
    assert {"account.create", "account.disable", "account.role", "account.reset",
            "token.revoke", "account.delete"} <= actions  # fmt: skip


def test_posts_list_counts_and_highlights_search_terms(client_for):
    client = client_for("analyst")
    everything = client.get("/posts").text
    assert re.search(
        r"<strong>40</strong> posts match, newest 40 shown|<strong>40</strong> posts match",
        everything,
    )
    found = client.get("/posts?q=annonce").text
    assert '<mark class="term">Annonce</mark>' in found
    assert re.search(r"<strong>40</strong> posts match", found)
    minors = client.get("/posts?flag=minor").text
    assert re.search(r"<strong>10</strong> posts match", minors)
    assert '<time title="2024-03-' in minors


def test_search_by_export_pseudonym(client_for, settings):
    from sentinelle.privacy import pseudonym

    client = client_for("analyst")
    pid = pseudonym(settings.pseudonym_key, "+33612340010")
    page = client.get("/search", params={"q": pid}).text
    assert re.search(r"<strong>8</strong> posts carry", page)
    unknown = client.get("/search", params={"q": "pid:" + "0" * 24}).text
    assert "No post carries" in unknown


def test_the_audit_log_keeps_a_searched_number_masked(client_for, settings):
    client = client_for("analyst")
    assert client.get("/posts/export.jsonl?q=0612340010").status_code == 200
    store = open_store(settings.db)
    exports = recent_entries(store, action="export.posts")
    store.close()
    assert exports and "0612340010" not in str(exports) and "0••••••••0" in str(exports)


def test_a_full_first_page_asks_for_its_count_after_showing(seeded_db, sign_in):
    app = create_app(WebSettings(secret_key="k" * 40, db=seeded_db, page_size=15))
    client = TestClient(app, base_url="https://testserver")
    sign_in(client, "analyst")
    page = client.get("/posts?flag=any").text
    url = re.search(r'data-count="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert url == "/posts/count?flag=any"
    assert client.get(url).json() == {"total": 20, "more": False}
    assert client.get("/posts/count").json() == {"total": 40, "more": False}
    sign_in(outreach := TestClient(app, base_url="https://testserver"), "outreach")
    assert outreach.get("/posts/count").json()["total"] == 20  # flagged posts only
    client.close()
    outreach.close()
    app.state.store.close()


def test_search_by_pseudonym_finds_identifiers_analysed_after_the_server_started(
    client_for, settings
):
    """The index is tagged by the server: rows written later are tagged at the next lookup,
    and a handle's pseudonym keeps its platform (`snapchat:pid:…`)."""
    from sqlalchemy import insert, select

    from sentinelle.privacy import pseudonym
    from sentinelle.store.schema import post_identifiers, posts

    client = client_for("analyst")
    store = open_store(settings.db)
    with store.engine.begin() as connection:
        pk = connection.execute(select(posts.c.pk).limit(1)).scalar()
        connection.execute(
            insert(post_identifiers).values(post_pk=pk, kind="handle", value="snapchat:lea_77")
        )
    store.close()
    pid = pseudonym(settings.pseudonym_key, "snapchat:lea_77")
    page = client.get("/search", params={"q": "snapchat:" + pid}).text
    assert re.search(r"<strong>1</strong> posts? carr", page)
    assert "lea_77" not in page
    elsewhere = client.get("/search", params={"q": "telegram:" + pid}).text
    assert "No post carries" in elsewhere
