from __future__ import annotations

import pytest

from sentinelle.cases.demo import allocate, generate_cases
from sentinelle.cases.figures import note_figures
from sentinelle.cases.records import parse_case

PLANTED = ["+33611112222", "snapchat:demo_planted"]


@pytest.fixture(scope="module")
def demo_figures():
    return note_figures([parse_case(record) for record in generate_cases(7, PLANTED)])


def test_the_demo_note_reproduces_the_published_figures(demo_figures):
    figures = demo_figures
    assert figures["year"] == 2024
    per_year = figures["cases_per_year"]
    assert per_year["2015"] == 21 and per_year["2024"] == 226
    assert list(per_year) == [str(year) for year in range(2015, 2025)]
    counts = list(per_year.values())
    assert counts == sorted(set(counts))  # rising every year
    assert figures["victims"] == {"minor": 272, "adult": 189}
    # 87% as published: 237 of 272 (no whole count of 272 gives exactly 0.8700)
    assert figures["minor_victims"]["french_share"] == round(237 / 272, 4)
    assert round(figures["minor_victims"]["french_share"], 2) == 0.87
    assert figures["minor_victims"]["min_age"] == 12
    assert figures["minor_victims"]["over_15_share"] > 0.5  # most over fifteen


def test_the_demo_note_tells_the_published_story(demo_figures):
    figures = demo_figures
    situations = figures["minor_victims"]["situation_shares"]
    assert {"runaway", "care_home", "out_of_school"} <= set(situations)
    assert figures["suspects"]["female_share"] < 0.5  # pimps mostly men ...
    female = figures["pimps_female_share_per_year"]
    assert female["2024"] > female["2015"]  # ... increasingly women
    assert figures["suspects"]["prior_drug_offence_share"] > 0.4
    assert figures["groups"]["under_5_people_share"] > 0.7
    assert set(figures["areas"]) == {"urban", "periurban", "rural"}
    assert {"social_network", "friends", "care_home", "neighbourhood"} <= set(
        figures["recruitment_channels"]
    )
    accused = figures["clients"]["accused_share"]
    assert accused["2015"] < 0.5 < accused["2024"]


def test_the_seed_moves_people_not_figures():
    first = generate_cases(1)
    second = generate_cases(2)
    assert first != second
    assert generate_cases(1) == first
    again = note_figures([parse_case(record) for record in second])
    assert again["victims"] == {"minor": 272, "adult": 189}


def test_planted_identifiers_land_in_recent_cases():
    records = generate_cases(3, PLANTED)
    carriers = [r for r in records if set(PLANTED) & set(r["identifiers"])]
    assert len(carriers) == 2
    assert all(r["opened_on"] >= "2023-01-01" for r in carriers)


def test_every_demo_case_meets_the_contract():
    for record in generate_cases(4):
        parse_case(record)  # raises on any breach


def test_allocate_adds_up_exactly():
    counts = allocate(461, {"a": 0.36, "b": 0.2, "c": 0.44})
    assert sum(counts.values()) == 461
    assert counts == {"a": 166, "b": 92, "c": 203}
