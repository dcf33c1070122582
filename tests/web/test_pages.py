"""Pages show what they should: filters, evidence highlighted, identifiers masked, audit."""

from __future__ import annotations

import re

import orjson
from fastapi.testclient import TestClient

from sentinelle.privacy import pseudonym
from sentinelle.store import open_store
from sentinelle.store.audit import recent_entries
from sentinelle.web import WebSettings, create_app


def test_filters_narrow_the_posts_list(client_for):
    client = client_for("analyst")
    everything = client.get("/posts").text
    assert "p0001" in everything
    minors = client.get("/posts?flag=minor").text
    assert "p0000" in minors and "p0004" in minors and "p0001" not in minors
    lyon = client.get("/posts?department=69&kind=ad").text
    assert "p0000" in lyon and "p0001" not in lyon
    assert "p0000" in client.get("/posts?indicator=age.stated_minor").text
    assert "p0001" not in client.get("/posts?indicator=age.stated_minor").text
    search = client.get("/posts?q=logement").text
    assert "p0001" in search and "p0000" not in search
    dated = client.get("/posts?since=2024-03-02&until=2024-03-02").text
    assert "p0001" in dated and "p0000" not in dated
    bad_score = client.get("/posts?min_score=2&flag=minor")
    assert (
        bad_score.status_code == 400
        and "min_score must be a number between 0 and 1" in bad_score.text
    )
    assert "p0000" in bad_score.text and "p0001" not in bad_score.text  # the rest still applies
    bad_day = client.get("/posts?since=yesterday")
    assert bad_day.status_code == 400 and 'class="error">since must be a date' in bad_day.text
    assert "Sign out" in bad_day.text
    assert client.get("/posts/export.jsonl?since=yesterday").status_code == 400


def test_pagination_walks_every_post_once(seeded_db, sign_in):
    app = create_app(WebSettings(secret_key="k" * 40, db=seeded_db, page_size=15))
    client = TestClient(app, base_url="https://testserver")
    sign_in(client, "analyst")
    seen, url = [], "/posts"
    for _ in range(5):
        page = client.get(url).text
        seen += re.findall(r"id=(p\d{4})", page)
        if "Older posts" not in page:
            break
        url = page.split('class="pager"><a href="')[1].split('"')[0].replace("&amp;", "&")
    client.close()
    assert len(seen) == len(set(seen)) == 40


def test_post_page_masks_identifiers_and_highlights_evidence(client_for):
    page = client_for("analyst").get("/post?source=annonces-libres&id=p0000").text
    assert '<mark class="evidence" title="age.stated_minor">16 ans</mark>' in page
    assert "06 12 34 00 10" not in page  # the phone as written in the text is masked
    assert "+33612340010" not in page
    assert "+33 6" in page and "Reveal" in page


def test_reveal_is_audited(client_for, csrf, settings):
    client = client_for("analyst")
    client.get("/post?source=annonces-libres&id=p0000")
    form = {"source": "annonces-libres", "id": "p0000", "index": "0", "csrf_token": csrf(client)}
    assert client.post("/post/reveal", data=form).json()["value"] == "+33612340010"
    store = open_store(settings.db)
    entry = recent_entries(store, action="identifier.reveal", limit=1)[0]
    assert entry["actor"] == "analyst" and entry["target"] == "annonces-libres/p0000"
    detail = orjson.loads(entry["detail"])
    assert "+33612340010" not in entry["detail"]  # who reads the log may not see the number
    assert detail["masked"] == "+33 6••••••10"
    assert detail["pseudonym"] == pseudonym(settings.pseudonym_key, "+33612340010")
    viewed = recent_entries(store, action="post.view", limit=1)[0]
    assert viewed["target"] == "annonces-libres/p0000"
    store.close()


def test_network_page_shows_posts_graph_and_map(client_for):
    page = client_for("analyst").get("/networks/n-000000").text
    assert "p0000" in page and "p0005" in page
    assert 'data-chart="chart-graph"' in page and 'data-chart="chart-map"' in page
    assert "/vendor/plotly/plotly.min.js" in page
    assert "+33612340010" not in page


def test_plotly_is_served_locally(client_for):
    response = client_for("analyst").get("/vendor/plotly/plotly.min.js")
    assert response.status_code == 200 and len(response.content) > 1_000_000


def test_review_label_is_stored_with_who_and_when(client_for, csrf, settings):
    from sentinelle.store.labels import iter_labels

    client = client_for("analyst")
    assert "review-item" in client.get("/review").text
    response = client.post(
        "/review/label",
        data={"post": "2", "label": "control"},
        headers={"x-csrf-token": csrf(client)},
    )
    assert response.json() == {"post": 2, "label": "control"}
    store = open_store(settings.db)
    labels = list(iter_labels(store))
    assert labels[-1]["label"] == "control" and labels[-1]["reviewer"] == "analyst"
    assert labels[-1]["labeled_at"] > 0
    store.close()


def test_export_is_pseudonymised_unless_asked_in_clear(client_for, settings):
    client = client_for("analyst")
    lines = client.get("/posts/export.jsonl?flag=minor").text.splitlines()
    first = orjson.loads(lines[0])
    assert set(first) >= {"id", "source", "scores", "flags", "indicators", "phones", "handles"}
    assert all(phone.startswith("pid:") for phone in first["phones"])
    clear_lines = client.get("/posts/export.jsonl?flag=minor&clear=true").text.splitlines()
    clear = orjson.loads(clear_lines[0])
    assert first["phones"] == [pseudonym(settings.pseudonym_key, p) for p in clear["phones"]]


def test_audit_page_shows_the_chain_state(client_for):
    client_for("analyst").get("/post?source=annonces-libres&id=p0000")
    page = client_for("auditor").get("/audit").text
    assert "Chain intact" in page and "post.view" in page and "annonces-libres/p0000" in page


def test_security_headers(client_for):
    response = client_for("analyst").get("/posts")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-frame-options"] == "DENY"


def test_review_queue_masks_identifiers_in_the_text(client_for):
    page = client_for("analyst").get("/review").text
    assert "Contact " in page and "06 12 34" not in page
    assert '<span class="masked"' in page


def test_lists_and_network_page_never_show_identifiers_in_clear(seeded_db, sign_in):
    from sentinelle.store import open_store as open_

    store = open_(seeded_db)
    with store.engine.begin() as connection:  # posts without titles: the list shows the text
        connection.exec_driver_sql("UPDATE posts SET title = NULL")
    store.close()
    app = create_app(WebSettings(secret_key="k" * 40, db=seeded_db))
    with TestClient(app, base_url="https://testserver") as client:
        sign_in(client, "analyst")
        for url in ("/posts", "/networks/n-000000", "/review"):
            page = client.get(url).text
            assert "Contact" in page and "06 12 34" not in page, url


def test_a_merged_network_id_leads_to_its_heir(client_for, settings):
    from sentinelle.store.schema import network_aliases

    store = open_store(settings.db)
    row = {"alias": "n-000099", "network_id": "n-000000", "merged_at": 1.0}
    with store.engine.begin() as connection:
        connection.execute(network_aliases.insert(), row)
    store.close()
    response = client_for("analyst").get("/networks/n-000099", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/networks/n-000000"


def test_network_pages_are_kept_until_analysis_changes_networks(client_for, settings, monkeypatch):
    from sentinelle.store.network_summaries import refresh_summaries
    from sentinelle.store.schema import post_analysis
    from sentinelle.web.routes import networks

    monkeypatch.setattr(networks, "CHANGES_SECONDS", 0)  # the mark read on every request
    client = client_for("analyst")
    assert "0.9000" in client.get("/networks/n-000000").text  # p0000's minor score
    store = open_store(settings.db)
    with store.engine.begin() as connection:  # as a new analysis would, without its mark yet
        connection.execute(post_analysis.update().values(score_minor=0.3456))
    assert "0.9000" in client.get("/networks/n-000000").text  # kept
    assert "0.9000" in client.get("/networks").text
    refresh_summaries(store)  # what analyze writes last: the mark moves
    store.close()
    page = client.get("/networks/n-000000").text
    assert "0.9000" not in page and "0.3456" in page
    assert "0.3456" in client.get("/networks").text
