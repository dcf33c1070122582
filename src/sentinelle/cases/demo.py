"""A synthetic case dataset whose note reproduces the published national figures.

The published note (May 2024) gives: cases per year from 21 in 2015 to 226 in 2024; 272 minor
and 189 adult victims in 2024; 87% of minor victims French; some as young as 12, most over
fifteen. Counts are allocated exactly (not sampled) so that the note's figures come out as
published whatever the seed; the seed only moves who gets what. Everything is invented: no
real person, case or identifier.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence

# A plausible curve between the two published end points.
CASES_PER_YEAR = {
    2015: 21,
    2016: 29,
    2017: 41,
    2018: 58,
    2019: 79,
    2020: 94,
    2021: 127,
    2022: 163,
    2023: 198,
    2024: 226,
}
PUBLISHED_VICTIMS_2024 = {"minor": 272, "adult": 189}
MINOR_FRENCH_SHARE = 0.87
YOUNGEST = 12
OVER_15_SHARE = 0.71
SITUATION_SHARES = {
    "runaway": 0.46,
    "care_home": 0.32,
    "out_of_school": 0.38,
    "family_breakdown": 0.27,
    "prior_violence": 0.21,
}
CHANNEL_WEIGHTS = {
    "social_network": 0.36,
    "dating_app": 0.08,
    "escort_site": 0.07,
    "friends": 0.2,
    "care_home": 0.09,
    "neighbourhood": 0.11,
    "other": 0.04,
    "unknown": 0.05,
}
AREA_WEIGHTS = {"urban": 0.61, "periurban": 0.26, "rural": 0.13}
DEPARTMENTS = ("75", "93", "13", "69", "59", "31", "33", "06", "34", "44", "67", "63", "76", "38")
ADULT_NATIONALITIES = ("FR", "FR", "FR", "RO", "NG", "BR", "CN", "BG", "MA", "CO")
MINOR_NATIONALITIES = ("MA", "DZ", "RO", "CI", "GN", "AL")
PLATFORMS = {"social_network": "social_network", "dating_app": "dating_app"}


def generate_cases(seed: int = 0, plant_identifiers: Sequence[str] = ()) -> list[dict]:
    """Case records (contract dicts) for 2015-2024; `plant_identifiers` go into recent cases.

    Planted identifiers (phones or handles seen in the demo posts) make the cross-link between
    cases and online networks visible in the demo note.
    """
    cases: list[dict] = []
    for year, count in CASES_PER_YEAR.items():
        rng = random.Random(f"{seed}-{year}")
        cases.extend(_year_cases(rng, year, count, _victims_of(year, count)))
    _plant(random.Random(f"{seed}-plant"), cases, plant_identifiers)
    return cases


def _victims_of(year: int, count: int) -> tuple[int, int]:
    """Minor and adult victims of a year: published for 2024, in proportion before."""
    if year == 2024:
        return PUBLISHED_VICTIMS_2024["minor"], PUBLISHED_VICTIMS_2024["adult"]
    minor_rate = 272 / 226 * (0.75 + 0.25 * (year - 2015) / 9)  # minors grow as a share
    return max(count, round(count * minor_rate)), round(count * 189 / 226)


def _year_cases(rng: random.Random, year: int, count: int, victims: tuple[int, int]) -> list:
    n_minor, n_adult = victims
    sizes = _victims_per_case(rng, count, n_minor + n_adult)
    people = _shuffled(rng, {"minor": n_minor, "adult": n_adult})
    minors = iter(_minor_victims(rng, n_minor))
    adults = iter(_adult_victims(rng, n_adult))
    channels = iter(_shuffled(rng, allocate(n_minor + n_adult, CHANNEL_WEIGHTS)))
    areas = _shuffled(rng, allocate(count, AREA_WEIGHTS))
    statuses = _client_statuses(rng, year, count)
    cases = []
    for index, size in enumerate(sizes):
        kinds = people[:size]
        del people[:size]
        case_victims = [next(minors if kind == "minor" else adults) for kind in kinds]
        for victim in case_victims:
            victim["recruitment_channel"] = next(channels)
        cases.append(_case(rng, year, index, areas[index], case_victims, next(statuses, [])))
    return cases


def _case(rng, year: int, index: int, area: str, victims: list, clients: list) -> dict:
    opened = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    channels = {victim["recruitment_channel"] for victim in victims}
    return {
        "case_id": f"{year}-OCR-{index + 1:04d}",
        "opened_on": opened.isoformat(),
        "department": rng.choice(DEPARTMENTS),
        "area": area,
        "victims": victims,
        "suspects": _pimps(rng, year) + clients,
        "platforms": sorted({PLATFORMS[c] for c in channels if c in PLATFORMS} | {"escort_site"}),
        "identifiers": [_phone(rng)] + ([f"snapchat:{_handle(rng)}"] if rng.random() < 0.4 else []),
    }


def _victims_per_case(rng: random.Random, cases: int, victims: int) -> list[int]:
    """Each case has at least one victim and at most four; the total is exact."""
    sizes = [1] * cases
    for _ in range(victims - cases):
        open_cases = [i for i, size in enumerate(sizes) if size < 4]
        sizes[rng.choice(open_cases)] += 1
    return sizes


def _minor_victims(rng: random.Random, n: int) -> list[dict]:
    if n == 0:
        return []
    over_15 = round(n * OVER_15_SHARE)
    ages = [YOUNGEST] * min(n, 2) + [rng.choice((16, 17)) for _ in range(over_15)]
    ages += [rng.choice((13, 14, 14, 15, 15, 15)) for _ in range(n - len(ages))]
    french = set(rng.sample(range(n), round(n * MINOR_FRENCH_SHARE)))
    situations = {s: set(rng.sample(range(n), round(n * p))) for s, p in SITUATION_SHARES.items()}
    rng.shuffle(ages)
    return [
        {
            "age": ages[i],
            "sex": "F" if rng.random() < 0.93 else "M",
            "nationality": "FR" if i in french else rng.choice(MINOR_NATIONALITIES),
            "situation": [s for s, chosen in situations.items() if i in chosen],
        }
        for i in range(n)
    ]


def _adult_victims(rng: random.Random, n: int) -> list[dict]:
    return [
        {
            "age": rng.randint(18, 29),
            "sex": "F" if rng.random() < 0.95 else "M",
            "nationality": rng.choice(ADULT_NATIONALITIES),
            "situation": [],
        }
        for _ in range(n)
    ]


def _pimps(rng: random.Random, year: int) -> list[dict]:
    """One to three pimps, sometimes a recruiter; women more often as years go by."""
    female_rate = 0.08 + 0.14 * (year - 2015) / 9
    count = rng.choices((1, 2, 3), weights=(68, 27, 5))[0]
    roles = ["pimp"] * count + (["recruiter"] if rng.random() < 0.15 else [])
    suspects = []
    for role in roles:
        female = rng.random() < female_rate
        suspects.append(
            {
                "role": role,
                "sex": "F" if female else "M",
                "age": rng.randint(17, 34),
                "former_victim": rng.random() < (0.55 if female else 0.04),
                "prior_drug_offence": rng.random() < 0.58,
            }
        )
    return suspects


def _client_statuses(rng: random.Random, year: int, cases: int) -> Iterator[list]:
    """Clients per case; accused more often than witness after the procedural shift (~2021)."""
    per_case = [rng.choices((0, 1, 2, 3), weights=(35, 35, 20, 10))[0] for _ in range(cases)]
    accused_rate = 0.12 + 0.5 * (year - 2015) / 9
    total = sum(per_case)
    statuses = _shuffled(
        rng, allocate(total, {"accused": accused_rate, "witness": 1 - accused_rate})
    )
    for count in per_case:
        yield [
            {"role": "client", "sex": "M", "age": rng.randint(20, 70), "procedural_status": s}
            for s in statuses[:count]
        ]
        del statuses[:count]


def allocate(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split `total` by `weights` into whole counts that add up exactly (largest remainder)."""
    scale = total / sum(weights.values())
    exact = {key: weight * scale for key, weight in weights.items()}
    counts = {key: int(value) for key, value in exact.items()}
    by_remainder = sorted(exact, key=lambda key: exact[key] - counts[key], reverse=True)
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def _shuffled(rng: random.Random, counts: dict[str, int]) -> list[str]:
    labels = [label for label, count in counts.items() for _ in range(count)]
    rng.shuffle(labels)
    return labels


def _plant(rng: random.Random, cases: list[dict], identifiers: Sequence[str]) -> None:
    """Put each identifier into one recent case, so the note can link cases to networks."""
    recent = [case for case in cases if case["opened_on"] >= "2023-01-01"]
    chosen = rng.sample(recent, min(len(recent), len(identifiers)))
    for case, identifier in zip(chosen, identifiers, strict=False):
        case["identifiers"].append(identifier)


def _phone(rng: random.Random) -> str:
    return f"+33{rng.choice('67')}{rng.randrange(10**8):08d}"


def _handle(rng: random.Random) -> str:
    syllables = ("lou", "na", "ka", "ri", "mo", "zen", "ty", "ba", "el", "sa")
    return "".join(rng.choice(syllables) for _ in range(3)) + f"_{rng.randrange(100)}"
