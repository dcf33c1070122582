from __future__ import annotations

from sentinelle.cases.crosslink import (
    Sighting,
    link_cases,
    networks_known_to_cases,
    normalise_identifier,
)
from sentinelle.cases.records import parse_case

from .sample import SAMPLE_CASES

SIGHTINGS = [
    Sighting("+33612345678", "annonces", "p1", "2024-03-01T10:00:00+01:00", "Lyon", "n-000001"),
    Sighting("+33612345678", "annonces", "p2", "2024-02-01T23:30:00-02:00", "Paris", "n-000001"),
    # the same post seen through two identifiers counts once
    Sighting("snapchat:resa_77", "photogram", "p9", "2024-05-20T22:00:00+02:00", "Lyon", None),
    Sighting("+33699999999", "photogram", "p9", "2024-05-20T22:00:00+02:00", "Lyon", None),
    Sighting("+33611111111", "annonces", "p3", "2024-01-01T00:00:00+00:00", "Nice", "n-000002"),
]


def test_cases_link_to_the_posts_and_networks_sharing_an_identifier():
    cases = [parse_case(record) for record in SAMPLE_CASES]
    links = {link.case_id: link for link in link_cases(cases, SIGHTINGS)}
    assert set(links) == {"A", "B"}  # C has no identifier, D's is not seen online
    a = links["A"]
    assert a.networks == ("n-000001",)
    assert a.posts == 2 and a.cities == ("Lyon", "Paris")
    # 2024-02-02T01:30Z is earlier than 2024-03-01T09:00Z: instants, not strings, are compared
    assert a.first_seen == "2024-02-01T23:30:00-02:00"
    assert a.last_seen == "2024-03-01T10:00:00+01:00"
    b = links["B"]
    assert b.identifiers == ("+33699999999", "snapchat:resa_77")
    assert b.posts == 1 and b.networks == ()


def test_identifiers_are_matched_in_their_normal_form():
    assert normalise_identifier(" +33 6 12 34 56 78") == "+33612345678"
    assert normalise_identifier("Snapchat:Resa_77") == "snapchat:resa_77"
    case = parse_case({**SAMPLE_CASES[2], "identifiers": ["SNAPCHAT:RESA_77"]})
    assert [link.case_id for link in link_cases([case], SIGHTINGS)] == ["C"]


def test_networks_known_to_cases():
    cases = [parse_case(record) for record in SAMPLE_CASES]
    cases.append(parse_case({**SAMPLE_CASES[3], "case_id": "E", "identifiers": ["+33612345678"]}))
    known = networks_known_to_cases(link_cases(cases, SIGHTINGS))
    assert known == {"n-000001": ["A", "E"]}
