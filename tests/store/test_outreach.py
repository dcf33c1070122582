"""Persons and outreach files in the store, on SQLite and PostgreSQL: stable persons, a queue
per organisation, files no other organisation reads, retention with a tombstone."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import update

from outreach_factories import add_flagged
from sentinelle.audit import verify
from sentinelle.outreach.refresh import refresh
from sentinelle.outreach.retention import purge_idle
from sentinelle.store.organisations import ensure_organisation, organisation_of
from sentinelle.store.outreach import (
    add_attempt,
    attempts_of,
    dashboard_rows,
    get_file,
    open_file,
    org_files,
    replace_services,
    services_for,
    update_file,
)
from sentinelle.store.outreach_persons import get_person, person_posts, person_queue
from sentinelle.store.schema import outreach_files, post_analysis

SPECS = [
    {"id": "a1", "phone": "06 11 11 11 11", "age": 16, "day": 3},
    {"id": "a2", "phone": "06 11 11 11 11", "age": 16, "day": 5},
    {"id": "a3", "phone": "06 11 11 11 11", "day": 7},
    {"id": "b1", "phone": "06 22 22 22 22", "day": 6, "city": "Lille", "department": "59"},
    {"id": "c1", "phone": None, "day": 2},
]


@pytest.fixture
def persons(store):
    add_flagged(store, SPECS)
    refresh(store)
    return {p["contact_value"]: p for p in person_queue(store, 1, limit=50)}


def test_flagged_posts_become_persons_most_urgent_first(store, persons):
    queue = person_queue(store, 1, limit=50)
    assert len(queue) == 3  # two contacts, and a post without one
    first = queue[0]
    assert first["contact_value"] == "+33611111111"
    assert (first["posts"], first["stated_age"], first["persona"]) == (3, 16, "Léa")
    assert [p["department"] for p in person_queue(store, 1, department="59")] == ["59"]
    shown = person_posts(store, get_person(store, first["pk"]))
    assert [post["post_id"] for post in shown] == ["a3", "a2", "a1"]


def test_keyset_pages_cover_the_queue_once(store, persons):
    first = person_queue(store, 1, limit=2)
    rest = person_queue(store, 1, limit=2, after=(first[-1]["urgency"], first[-1]["pk"]))
    assert len(first) == 2 and len(rest) == 1
    assert not {p["pk"] for p in first} & {p["pk"] for p in rest}


def test_a_person_keeps_its_key_and_file_across_refreshes(store, persons):
    pk = persons["+33611111111"]["pk"]
    file = open_file(store, 1, pk, "educ", time.time())
    add_flagged(store, [{"id": "a4", "phone": "06 11 11 11 11", "day": 20}])
    refresh(store)
    assert get_person(store, pk)["posts"] == 4
    assert get_file(store, 1, pk)["pk"] == file["pk"]
    with store.engine.begin() as connection:  # no longer flagged: inactive, file kept
        connection.execute(update(post_analysis).values(flags=0))
    counts = refresh(store)
    assert counts["persons"] == 0 and counts["inactive"] == 3
    assert get_person(store, pk)["active"] is False
    assert person_queue(store, 1) == []
    assert get_file(store, 1, pk) is not None


def test_files_belong_to_one_organisation(store, persons):
    police = ensure_organisation(store, "police-unit")
    amicale = ensure_organisation(store, "amicale")
    pk = persons["+33611111111"]["pk"]
    file = open_file(store, amicale.pk, pk, "educ", time.time())
    add_attempt(
        store,
        file,
        {"day": "2024-03-08", "channel": "sms", "outcome": "answered", "author": "educ"},
        time.time(),
    )
    assert get_file(store, amicale.pk, pk)["status"] == "in_contact"
    assert pk not in {p["pk"] for p in person_queue(store, amicale.pk, limit=50)}
    assert pk in {p["pk"] for p in person_queue(store, police.pk, limit=50)}
    assert get_file(store, police.pk, pk) is None
    assert org_files(store, police.pk) == [] and dashboard_rows(store, police.pk) == []
    assert len(attempts_of(store, file["pk"])) == 1
    assert [row["answered"] for row in dashboard_rows(store, amicale.pk)] == [1]


def test_a_closed_person_who_posts_again_is_back_in_the_queue(store, persons):
    pk = persons["+33622222222"]["pk"]
    file = open_file(store, 1, pk, "educ", time.time())
    update_file(store, file["pk"], time.time(), status="closed", close_reason="moved away")
    assert pk not in {p["pk"] for p in person_queue(store, 1, limit=50)}
    with store.engine.begin() as connection:  # closed long before the person's last post
        connection.execute(update(outreach_files).values(updated_at=0.0))
    assert pk in {p["pk"] for p in person_queue(store, 1, limit=50)}


def test_a_second_opening_keeps_the_first_owner(store, persons):
    pk = persons["+33622222222"]["pk"]
    open_file(store, 1, pk, "alice", time.time())
    assert open_file(store, 1, pk, "bob", time.time())["owner"] == "alice"


def test_accounts_without_an_organisation_are_in_the_default_one(store):
    assert organisation_of(store, 12345).name == "default"


def test_services_are_per_organisation(store):
    amicale = ensure_organisation(store, "amicale")
    replace_services(store, amicale.pk, [{"department": "69", "kind": "crip", "name": "CRIP"}])
    assert [s["name"] for s in services_for(store, amicale.pk, "69")] == ["CRIP"]
    assert services_for(store, 1) == []


def test_purge_deletes_idle_files_and_leaves_a_tombstone(store, persons):
    now = time.time()
    idle = open_file(store, 1, persons["+33611111111"]["pk"], "educ", now - 400 * 86400)
    fresh = open_file(store, 1, persons["+33622222222"]["pk"], "educ", now)
    planned = purge_idle(store, 12, dry_run=True, now=now)
    assert [f["pk"] for f in planned] == [idle["pk"]]
    assert get_file(store, 1, idle["person_pk"]) is not None  # a dry run deletes nothing
    purge_idle(store, 12, now=now)
    assert get_file(store, 1, idle["person_pk"]) is None
    assert get_file(store, 1, fresh["person_pk"]) is not None
    result = verify(store)
    assert result.ok and result.checked == 1
