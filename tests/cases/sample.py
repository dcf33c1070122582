"""A small case dataset whose note figures were computed by hand (see test_figures.py)."""

from __future__ import annotations

SAMPLE_CASES: list[dict] = [
    {
        "case_id": "A",
        "opened_on": "2023-03-01",
        "department": "75",
        "area": "urban",
        "victims": [
            {
                "age": 15,
                "sex": "F",
                "nationality": "FR",
                "situation": ["runaway"],
                "recruitment_channel": "social_network",
            }
        ],
        "suspects": [
            {"role": "pimp", "sex": "M", "age": 20, "prior_drug_offence": True},
            {"role": "client", "sex": "M", "age": 45, "procedural_status": "witness"},
        ],
        "platforms": ["escort_site"],
        "identifiers": ["+33612345678"],
    },
    {
        "case_id": "B",
        "opened_on": "2024-01-10",
        "department": "93",
        "area": "urban",
        "victims": [
            {
                "age": 16,
                "sex": "F",
                "nationality": "FR",
                "situation": ["runaway", "care_home"],
                "recruitment_channel": "social_network",
            },
            {"age": 19, "sex": "F", "nationality": "RO", "recruitment_channel": "friends"},
        ],
        "suspects": [
            {
                "role": "pimp",
                "sex": "F",
                "age": 21,
                "former_victim": True,
                "prior_drug_offence": True,
            },
            {"role": "recruiter", "sex": "M", "age": 18},
            {"role": "client", "sex": "M", "procedural_status": "accused"},
            {"role": "client", "sex": "M", "procedural_status": "witness"},
        ],
        "platforms": [],
        "identifiers": ["snapchat:resa_77", "+33699999999"],
    },
    {
        "case_id": "C",
        "opened_on": "2024-06-02",
        "department": "63",
        "area": "rural",
        "victims": [
            {
                "age": 12,
                "sex": "F",
                "nationality": "FR",
                "situation": ["out_of_school"],
                "recruitment_channel": "friends",
            }
        ],
        "suspects": [{"role": "pimp", "sex": "M"}, {"role": "client", "sex": "M"}],
        "identifiers": [],
    },
    {
        "case_id": "D",
        "opened_on": "2024-09-30",
        "department": "13",
        "area": "periurban",
        "victims": [
            {
                "age": 17,
                "sex": "F",
                "nationality": "MA",
                "situation": ["runaway"],
                "recruitment_channel": "care_home",
            },
            {"age": 14, "sex": "F", "nationality": "FR", "recruitment_channel": "unknown"},
            {"age": 22, "sex": "F", "nationality": "FR", "recruitment_channel": "dating_app"},
            {"age": 25, "sex": "F", "nationality": "FR"},
        ],
        "suspects": [
            {"role": "pimp", "sex": "M", "former_victim": False, "prior_drug_offence": True},
            {"role": "pimp", "sex": "M"},
            {"role": "client", "sex": "M", "procedural_status": "accused"},
        ],
        "identifiers": ["telegram:night_ops"],
    },
]

# Computed by hand from SAMPLE_CASES for 2024 (the latest year).
EXPECTED_2024: dict = {
    "year": 2024,
    "cases_per_year": {"2023": 1, "2024": 3},
    "victims": {"minor": 4, "adult": 3},
    "minor_victims": {
        "french_share": 0.75,
        "min_age": 12,
        "over_15_share": 0.5,
        "situation_shares": {"runaway": 0.5, "care_home": 0.25, "out_of_school": 0.25},
    },
    "suspects": {
        "pimps_and_recruiters": 5,
        "female_share": 0.2,
        "former_victim_share": 0.2,
        "prior_drug_offence_share": 0.4,
    },
    "groups": {"under_5_people_share": 0.6667, "median_size": 4},
    "areas": {"urban": 0.3333, "periurban": 0.3333, "rural": 0.3333},
    "recruitment_channels": {
        "social_network": 0.1429,
        "dating_app": 0.1429,
        "friends": 0.2857,
        "care_home": 0.1429,
        "unknown": 0.1429,
    },
    "clients": {"accused_share": {"2023": 0.0, "2024": 0.6667}},
}
