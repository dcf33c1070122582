from __future__ import annotations

import pytest

from sentinelle.cases.figures import note_figures, wilson_interval
from sentinelle.cases.records import parse_case

from .sample import EXPECTED_2024, SAMPLE_CASES

CONTRACT_KEYS = set(EXPECTED_2024)


@pytest.fixture
def cases():
    return [parse_case(record) for record in SAMPLE_CASES]


def test_every_contract_key_matches_the_hand_computed_figures(cases):
    figures = note_figures(cases)
    assert {key: figures[key] for key in CONTRACT_KEYS} == EXPECTED_2024


def test_breakdowns_keep_the_contract_order(cases):
    figures = note_figures(cases)
    assert list(figures["areas"]) == ["urban", "periurban", "rural"]
    assert list(figures["minor_victims"]["situation_shares"]) == [
        "runaway",
        "care_home",
        "out_of_school",
    ]


def test_an_earlier_year_is_computed_over_that_year_only(cases):
    figures = note_figures(cases, year=2023)
    assert figures["victims"] == {"minor": 1, "adult": 0}
    assert figures["minor_victims"] == {
        "french_share": 1.0,
        "min_age": 15,
        "over_15_share": 0.0,
        "situation_shares": {"runaway": 1.0},
    }
    assert figures["suspects"] == {
        "pimps_and_recruiters": 1,
        "female_share": 0.0,
        "former_victim_share": 0.0,
        "prior_drug_offence_share": 1.0,
    }
    assert figures["groups"] == {"under_5_people_share": 1.0, "median_size": 2}
    # these two cover every year whatever the chosen year
    assert figures["cases_per_year"] == EXPECTED_2024["cases_per_year"]
    assert figures["clients"] == EXPECTED_2024["clients"]


def test_a_year_without_cases_gives_null_shares(cases):
    figures = note_figures(cases, year=2020)
    assert figures["victims"] == {"minor": 0, "adult": 0}
    assert figures["minor_victims"] == {
        "french_share": None,
        "min_age": None,
        "over_15_share": None,
        "situation_shares": {},
    }
    assert figures["suspects"]["female_share"] is None
    assert figures["groups"] == {"under_5_people_share": None, "median_size": None}
    assert figures["areas"] == {}


def test_no_cases_at_all():
    figures = note_figures([])
    assert figures["year"] is None
    assert figures["cases_per_year"] == {}
    assert figures["clients"] == {"accused_share": {}}


def test_a_year_with_clients_but_no_status_is_null():
    record = dict(SAMPLE_CASES[2])  # its only client has no procedural status
    figures = note_figures([parse_case(record)])
    assert figures["clients"]["accused_share"] == {"2024": None}


def test_median_of_an_even_number_of_groups(cases):
    figures = note_figures(cases[1:3])  # sizes 4 and 2
    assert figures["groups"]["median_size"] == 3
    figures = note_figures([cases[1], cases[3]])  # sizes 4 and 6
    assert figures["groups"]["median_size"] == 5
    figures = note_figures([cases[2], cases[1], cases[1]])  # sizes 2, 4, 4
    assert figures["groups"]["median_size"] == 4


def test_shares_carry_their_interval_and_count(cases):
    interval = note_figures(cases)["intervals"]["minor_victims.french_share"]
    assert interval["successes"] == 3 and interval["count"] == 4
    assert interval["low"] < 0.75 < interval["high"]
    assert interval["small_sample"] is True


def test_wilson_interval_known_values():
    assert wilson_interval(5, 10) == (0.2366, 0.7634)
    assert wilson_interval(0, 10) == (0.0, 0.2775)
    assert wilson_interval(0, 0) is None
