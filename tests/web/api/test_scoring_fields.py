"""Thresholds and the indicator behind each flag in the API; a pending post says so."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

NEW_POST = {
    "id": "fresh-1",
    "source": "api-test",
    "kind": "ad",
    "text": "Coucou je suis Jade, j'ai 15 ans, nouvelle a Paris",
    "posted_at": "2024-03-13T01:00:00+01:00",
}


@pytest.fixture
def api_client(app, token_for):
    with TestClient(app, base_url="https://testserver") as client:
        client.headers["authorization"] = f"Bearer {token_for('analyst')}"
        yield client


def test_score_gives_thresholds_and_the_flagging_indicator(api_client):
    answer = api_client.post("/api/score", json={"text": NEW_POST["text"]}).json()
    assert answer["flags"]["minor"] is True
    assert answer["flagged_by"] == {
        "minor": "age.stated_minor",
        "control": None,
        "recruitment": None,
    }
    assert answer["flags"]["control"] is False
    assert set(answer["threshold"]) == {"minor", "control", "recruitment"}
    assert all(0 < value < 1 for value in answer["threshold"].values())
    assert answer["model"]


def test_control_by_an_explicit_third_party(api_client):
    text = "Jade 25 ans, resa par mon manager… appartement fourni"
    answer = api_client.post("/api/score", json={"text": text}).json()
    assert answer["flags"]["control"] is True
    assert answer["flagged_by"]["control"] == "control.explicit_third_party"


def test_a_post_stored_through_the_api_is_pending_not_clean(api_client):
    assert api_client.post("/api/posts", json=[NEW_POST]).json()["stored"] == 1
    obj = api_client.get("/api/posts/api-test/fresh-1").json()
    assert obj["status"] == "pending"
    assert obj["flagged_by"] is None and obj["threshold"] is None
    # The contract's fields keep their shape.
    assert set(obj["scores"]) == {"minor", "control", "recruitment"}


def test_a_scored_post_names_what_flagged_it(api_client):
    obj = api_client.get("/api/posts/annonces-libres/p0000").json()
    assert obj["status"] == "scored"
    assert obj["flags"]["minor"] is True
    assert obj["flagged_by"]["minor"] == "age.stated_minor"
    assert obj["threshold"]["minor"] > 0


def test_the_post_page_shows_pending_and_the_flagging_indicator(app, sign_in, api_client):
    api_client.post("/api/posts", json=[NEW_POST])
    with TestClient(app, base_url="https://testserver") as browser:
        sign_in(browser, "analyst")
        pending = browser.get("/post", params={"source": "api-test", "id": "fresh-1"}).text
        assert "Pending: not analysed yet" in pending
        scored = browser.get("/post", params={"source": "annonces-libres", "id": "p0000"}).text
        assert "age.stated_minor</code>" in scored and "threshold" in scored


def test_the_review_page_orders_by_information_or_by_score(app, sign_in):
    with TestClient(app, base_url="https://testserver") as browser:
        sign_in(browser, "analyst")
        informative = browser.get("/review").text
        assert "Most informative first" in informative and "review-item" in informative
        by_minor = browser.get("/review", params={"order": "score", "label": "minor"}).text
        assert "Highest minor score first" in by_minor
        exact = [float(v.split('"')[0]) for v in by_minor.split('title="')[1:] if v[:1].isdigit()]
        minor_scores = exact[0::3]  # cells: minor, control, recruitment per post
        assert minor_scores and minor_scores == sorted(minor_scores, reverse=True)
        assert browser.get("/review", params={"order": "nope"}).status_code in (400, 422)
