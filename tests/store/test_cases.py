from __future__ import annotations

import time

from cases.sample import SAMPLE_CASES
from factories import post_dict
from sentinelle.cases.records import case_to_dict, parse_case
from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.pipeline.analyze import analysis_rows
from sentinelle.records import Extraction, PhoneHit
from sentinelle.store.cases import (
    count_cases,
    load_cases,
    network_identifiers,
    networks_known_to_cases,
    save_cases,
    sightings_of,
)
from sentinelle.store.posts import iter_pending, save_analyses, save_posts


def _store_posts(store, found: list[tuple[dict, Extraction, str | None]]) -> None:
    """Posts with a given extraction and network, saved as `analyze` would save them."""
    triples = []
    for record, _, _ in found:
        post, posted_ts = validate_post(record)
        triples.append((post, posted_ts, content_hash(post)))
    save_posts(store, triples)
    batch = next(iter_pending(store, 1000))
    rows, identifiers = analysis_rows(batch, [f for _, f, _ in found], time.time())
    for row, (_, _, network) in zip(rows, found, strict=True):
        row["network_id"] = network
    save_analyses(store, rows, identifiers)


def test_cases_round_trip_and_replace(store):
    cases = [parse_case(record) for record in SAMPLE_CASES]
    assert save_cases(store, cases, "a.jsonl") == 0
    changed = parse_case({**SAMPLE_CASES[0], "area": "rural", "court": "Créteil"})
    assert save_cases(store, [changed], "b.jsonl") == 1
    assert count_cases(store) == 4
    loaded = {case.case_id: case for case in load_cases(store)}
    assert loaded["A"].area == "rural" and loaded["A"].extra == {"court": "Créteil"}
    assert case_to_dict(loaded["D"]) == case_to_dict(cases[3])


def test_sightings_of_case_identifiers(store):
    phone = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    handle = Extraction(handles=["snapchat:resa_77"])
    _store_posts(
        store,
        [
            (post_dict(1, city="Lyon"), phone, "n-000001"),
            (post_dict(2, city="Paris", posted_at="2024-04-01T10:00:00+02:00"), phone, "n-000001"),
            (post_dict(3, city="Nice"), handle, None),
            (post_dict(4), Extraction(phones=[PhoneHit("+33700000000", "07")]), "n-000002"),
        ],
    )
    sightings = sightings_of(store, [" +33 6 12 34 56 78", "SNAPCHAT:resa_77", "+33799999999"])
    seen = sorted((s.identifier, s.post_id, s.city, s.network_id) for s in sightings)
    assert seen == [
        ("+33612345678", "p00001", "Lyon", "n-000001"),
        ("+33612345678", "p00002", "Paris", "n-000001"),
        ("snapchat:resa_77", "p00003", "Nice", None),
    ]
    assert network_identifiers(store, 5) == ["+33612345678", "+33700000000"]
    assert sightings_of(store) == []  # no case stored yet
    save_cases(store, [parse_case(record) for record in SAMPLE_CASES])
    save_cases(
        store, [parse_case({**SAMPLE_CASES[2], "case_id": "E", "identifiers": ["+33700000000"]})]
    )
    assert networks_known_to_cases(store) == {"n-000001": ["A"], "n-000002": ["E"]}
    of_stored = sorted((s.identifier, s.post_id) for s in sightings_of(store))
    assert of_stored == [
        ("+33612345678", "p00001"),
        ("+33612345678", "p00002"),
        ("+33700000000", "p00004"),
        ("snapchat:resa_77", "p00003"),
    ]
