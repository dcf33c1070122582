"""The JSON API: batch ingest, the post export object, scoring, networks, errors, limits."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sentinelle.web import WebSettings, create_app

POST = {
    "id": "api-1",
    "source": "api-test",
    "kind": "ad",
    "text": "Nouvelle sur Lyon, dispo ce soir",
    "posted_at": "2024-03-13T01:00:00+01:00",
    "colour": "kept as an unknown field",
}


@pytest.fixture
def api_client(app, token_for):
    with TestClient(app, base_url="https://testserver") as client:
        client.headers["authorization"] = f"Bearer {token_for('analyst')}"
        yield client


def test_batch_is_stored_once(api_client):
    assert api_client.post("/api/posts", json=[POST]).json() == {
        "stored": 1,
        "duplicates": 0,
        "updated": 0,
    }
    again = api_client.post("/api/posts", json=[POST, {**POST, "text": "Changé"}]).json()
    assert again == {"stored": 0, "duplicates": 1, "updated": 1}


def test_a_bad_post_rejects_the_batch_with_a_clear_message(api_client):
    bad = {**POST, "id": "api-2", "posted_at": "2024-03-13T01:00:00"}
    response = api_client.post("/api/posts", json=[{**POST, "id": "api-3"}, bad])
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "[1] posted_at" in detail and "UTC offset" in detail
    assert api_client.get("/api/posts/api-test/api-3").status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        {"id": "x"},
        [{**POST, "kind": "letter"}],
        [{**POST, "text": "nul \u0000 byte"}],
        [{**POST, "id": 12}],
    ],
)
def test_bad_input_is_a_4xx(api_client, body):
    if isinstance(body, str):
        response = api_client.post(
            "/api/posts", content=body, headers={"content-type": "application/json"}
        )
    else:
        response = api_client.post("/api/posts", json=body)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_post_export_object(api_client):
    obj = api_client.get("/api/posts/annonces-libres/p0000").json()
    assert obj["id"] == "p0000" and obj["source"] == "annonces-libres"
    assert obj["flags"]["minor"] is True and obj["scores"]["minor"] == 0.9
    assert obj["indicators"][0] == {"code": "age.stated_minor", "evidence": "16 ans"}
    assert obj["phones"] == ["+33612340010"] and obj["network_id"] == "n-000000"
    assert api_client.get("/api/posts/annonces-libres/nope").status_code == 404


def test_score_answers_the_export_fields(api_client):
    answer = api_client.post("/api/score", json={"text": "Dispo Lyon", "kind": "ad"}).json()
    assert {"scores", "flags", "indicators"} <= set(answer)
    assert set(answer["scores"]) == {"minor", "control", "recruitment"}
    assert api_client.post("/api/score", json={"kind": "ad"}).status_code == 422


def test_score_reads_the_text_with_the_shipped_model(api_client):
    text = "Nouvelle 16 ans toute jeune, dispo 24h, appeler mon ami Kevin pour rdv"
    answer = api_client.post("/api/score", json={"text": text, "kind": "ad"}).json()
    codes = {indicator["code"] for indicator in answer["indicators"]}
    assert {"age.stated_minor", "control.third_party_booking"} <= codes
    assert answer["scores"]["minor"] > 0.5 and answer["flags"]["control"]
    calm = api_client.post("/api/score", json={"text": "Chambre à louer à Lyon", "kind": "ad"})
    assert calm.json()["scores"]["minor"] < 0.1 and not any(calm.json()["flags"].values())


def test_network_object(api_client):
    network = api_client.get("/api/networks/n-000000").json()
    assert network["network_id"] == "n-000000"
    assert ["annonces-libres", "p0000"] in network["post_ids"]
    assert network["itinerary"] and network["itinerary"][0]["posts"] >= 1
    assert api_client.get("/api/networks/n-999999").status_code == 404


def test_network_object_is_the_networks_export_object(api_client, seeded_db):
    from sentinelle.export.networks import iter_networks
    from sentinelle.store import open_store

    store = open_store(seeded_db)
    exported = {n["network_id"]: n for n in iter_networks(store)}
    store.close()
    assert api_client.get("/api/networks/n-000000").json() == exported["n-000000"]


def test_rate_limit(seeded_db, token_for):
    app = create_app(WebSettings(secret_key="k" * 40, db=seeded_db, api_requests_per_minute=3))
    with TestClient(app, base_url="https://testserver") as client:
        headers = {"authorization": f"Bearer {token_for('analyst')}"}
        statuses = [
            client.post("/api/score", json={"text": "x"}, headers=headers).status_code
            for _ in range(5)
        ]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]


def test_openapi_documents_the_api(app):
    with TestClient(app, base_url="https://testserver") as client:
        paths = client.get("/api/openapi.json").json()["paths"]
    assert set(paths) == {
        "/api/posts",
        "/api/posts/{source}/{post_id}",
        "/api/score",
        "/api/networks/{network_id}",
    }
