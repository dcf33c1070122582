"""Outreach pages through the app: persons not posts, the decision to contact revealed and
audited, the contact log, templates, reports, and records no other organisation sees."""

from __future__ import annotations

import time

import orjson
import pytest
from fastapi.testclient import TestClient

from sentinelle.auth.accounts import create_account
from sentinelle.store import open_store
from sentinelle.store.audit import iter_entries
from sentinelle.store.organisations import ensure_organisation, set_account_organisation
from sentinelle.web.app import iter_routes

PASSWORD = "correct horse battery"
PHONE = "+33612340010"  # person 1: the seeded posts p0000, p0005, ... share it


@pytest.fixture
def outreach(client_for):
    return client_for("outreach")


def audit_of(settings, action: str) -> list[dict]:
    store = open_store(settings.db)
    try:
        return [e for e in iter_entries(store) if e["action"] == action]
    finally:
        store.close()


def add_account(settings, name: str, role: str, org: str | None) -> None:
    store = open_store(settings.db)
    account = create_account(store, name, role, PASSWORD, time.time())
    if org:
        set_account_organisation(store, account.pk, ensure_organisation(store, org))
    store.close()


def signed_in(app, name: str) -> TestClient:
    client = TestClient(app, base_url="https://testserver")
    form = client.get("/login")
    token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    data = {"name": name, "password": PASSWORD, "csrf_token": token}
    assert client.post("/login", data=data, follow_redirects=False).status_code == 303
    return client


def test_outreach_lands_on_persons_not_posts(outreach):
    page = outreach.get("/")
    assert page.url.path == "/outreach"
    assert page.text.count('class="person-card"') == 5  # 40 posts, 5 contacts
    assert PHONE not in page.text and "06 12 34 00 10" not in page.text
    assert "+33 6" in page.text  # masked contacts
    assert "States an age of 16" in page.text


def test_revealing_opens_the_file_and_is_audited(outreach, csrf, settings, app):
    token = csrf(outreach, "/outreach")
    answer = outreach.post("/outreach/persons/1/contact", headers={"x-csrf-token": token})
    assert answer.json() == {"kind": "phone", "value": PHONE, "owner": "outreach"}
    (event,) = audit_of(settings, "outreach.reveal")
    assert event["target"] == "outreach/person/1"
    assert PHONE not in event["detail"] and "masked" in orjson.loads(event["detail"])
    queue = outreach.get("/outreach").text
    assert 'href="/outreach/persons/1"' not in queue  # taken: off the to-contact list
    assert "followed by outreach" in outreach.get("/outreach?view=followed").text
    add_account(settings, "colleague", "outreach", None)
    page = signed_in(app, "colleague").get("/outreach/persons/1").text
    assert "A colleague follows this person" in page


def test_the_contact_log_moves_the_status(outreach, csrf, settings):
    token = csrf(outreach, "/outreach")
    form = {"csrf_token": token, "channel": "sms", "outcome": "no_answer", "template": "Relance"}
    form["next_followup"] = "2020-01-02"  # past: due now
    assert outreach.post("/outreach/persons/1/attempt", data=form).status_code == 200
    assert "contact tenté" in outreach.get("/outreach?view=followed").text
    assert 'href="/outreach/persons/1"' in outreach.get("/outreach?view=due").text
    form.update(outcome="answered", next_followup="")
    outreach.post("/outreach/persons/1/attempt", data=form)
    page = outreach.get("/outreach/persons/1").text
    assert "en contact" in page and "a répondu" in page and "pas de réponse" in page
    too_long = {**form, "note": "x" * 281}
    assert outreach.post("/outreach/persons/1/attempt", data=too_long).status_code == 400
    closing = {"csrf_token": token, "status": "closed"}
    assert outreach.post("/outreach/persons/1/status", data=closing).status_code == 400
    closing["close_reason"] = "out of danger"
    outreach.post("/outreach/persons/1/status", data=closing)
    assert 'href="/outreach/persons/1"' not in outreach.get("/outreach?view=followed").text
    attempts = audit_of(settings, "outreach.attempt")  # who and which file, never what
    assert [orjson.loads(e["detail"]) for e in attempts] == [{"organisation": "default"}] * 2


def test_a_referral_is_recorded(outreach, csrf):
    token = csrf(outreach, "/outreach")
    form = {"csrf_token": token, "service": "2", "note": "RDV proposé"}
    outreach.post("/outreach/persons/1/referral", data=form)
    assert "referred to Santé jeunes (fictif)" in outreach.get("/outreach/persons/1").text
    bad = {"csrf_token": token, "service": "999"}
    assert outreach.post("/outreach/persons/1/referral", data=bad).status_code == 400


def test_templates_need_the_national_numbers(client_for, csrf, outreach):
    admin = client_for("admin")
    token = csrf(admin, "/outreach/templates")
    bad = {"csrf_token": token, "name": "Court", "purpose": "first", "body": "Appelle le 119."}
    refused = admin.post("/outreach/templates", data=bad)
    assert refused.status_code == 400 and "missing: 114" in refused.text
    good = {**bad, "body": "Coucou {prenom} à {ville} : {service}, ou 119, 114, 17."}
    assert admin.post("/outreach/templates", data=good).status_code == 200
    page = outreach.get("/outreach/persons/1").text
    assert "à Lyon : Santé jeunes (fictif) (04 00 00 00 02), ou 119, 114, 17." in page


def test_the_report_is_masked_unless_asked_and_audited(outreach, csrf, settings):
    token = csrf(outreach, "/outreach")
    form = {"csrf_token": token, "kind": "ip", "format": "html"}
    masked = outreach.post("/outreach/persons/1/report", data=form).text
    assert "Information préoccupante" in masked and "CRIP du Rhône (fictive)" in masked
    assert "06 12 34 00 10" not in masked and PHONE not in masked
    clear = outreach.post("/outreach/persons/1/report", data={**form, "include_identifiers": "1"})
    assert PHONE in clear.text
    signalement = outreach.post("/outreach/persons/1/report", data={**form, "kind": "signalement"})
    assert "Signalement au procureur" in signalement.text
    details = [orjson.loads(e["detail"]) for e in audit_of(settings, "outreach.disclose")]
    assert [d["identifiers"] for d in details] == [False, True, False]


def test_another_organisation_sees_persons_but_not_files(outreach, csrf, settings, app):
    token = csrf(outreach, "/outreach")
    form = {"csrf_token": token, "channel": "sms", "outcome": "answered", "note": "secret"}
    outreach.post("/outreach/persons/1/attempt", data=form)
    add_account(settings, "police-outreach", "outreach", "police-unit")
    other = signed_in(app, "police-outreach")
    assert 'href="/outreach/persons/1"' in other.get("/outreach").text
    page = other.get("/outreach/persons/1").text
    assert "secret" not in page and "Followed by" not in page
    assert "Nothing recorded yet" in page
    assert other.get("/outreach?view=followed").text.count("person-card") == 0
    assert '<span class="kpi-value">0</span><span class="kpi-label">contacted' in (
        other.get("/outreach/dashboard").text
    )


def test_the_dashboard_shows_no_identifying_data(outreach, csrf):
    token = csrf(outreach, "/outreach")
    outreach.post("/outreach/persons/1/contact", headers={"x-csrf-token": token})
    form = {"csrf_token": token, "channel": "sms", "outcome": "answered", "note": "vu Léa"}
    outreach.post("/outreach/persons/1/attempt", data=form)
    page = outreach.get("/outreach/dashboard").text
    assert "contacted" in page and "data-chart" in page
    for secret in (PHONE, "+33 6", "vu Léa", "Léa", "outreach/person"):
        assert secret not in page


@pytest.mark.parametrize("role", ["analyst", "auditor"])
def test_other_roles_are_refused(client_for, role):
    client = client_for(role)
    for path in ("/outreach", "/outreach/persons/1", "/outreach/dashboard", "/outreach/services"):
        assert client.get(path).status_code == 403


def test_auditors_review_their_own_organisation_only(outreach, csrf, client_for, settings, app):
    token = csrf(outreach, "/outreach")
    form = {"csrf_token": token, "channel": "sms", "outcome": "answered", "note": "secret"}
    outreach.post("/outreach/persons/1/attempt", data=form)
    page = client_for("auditor").get("/outreach/files").text
    assert "<td>outreach</td>" in page and "en contact" in page
    assert "secret" not in page and PHONE not in page and "+33 6" not in page
    add_account(settings, "police-auditor", "auditor", "police-unit")
    assert "No file." in signed_in(app, "police-auditor").get("/outreach/files").text
    assert len(audit_of(settings, "outreach.review")) == 2


def test_the_api_has_no_outreach_route(app):
    paths = [getattr(route, "path", "") for route in iter_routes(app)]
    assert not [p for p in paths if p.startswith("/api") and "outreach" in p]
    assert "outreach" not in str(app.openapi())
