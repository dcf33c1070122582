"""The figures of the strategic note, computed from case records exactly as the contract defines.

Pure: a list of cases in, the contract's JSON (plus extra keys) out. Every share also gets a
Wilson 95% interval and the count it rests on under `intervals`, keyed by the share's dotted path,
so that a reader can tell a solid figure from one resting on a handful of cases.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence

from sentinelle.cases.records import AREAS, CHANNELS, SITUATIONS, Case, Suspect, Victim

Z95 = 1.959963984540054
SMALL_SAMPLE = 30  # a share resting on fewer records than this carries a warning


def share(successes: int, count: int) -> float | None:
    """`successes / count` rounded to 4 decimals, or None over an empty set."""
    return None if count == 0 else round(successes / count, 4)


def wilson_interval(successes: int, count: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion (None over an empty set)."""
    if count == 0:
        return None
    p = successes / count
    denominator = 1 + z * z / count
    centre = (p + z * z / (2 * count)) / denominator
    half = z * math.sqrt(p * (1 - p) / count + z * z / (4 * count * count)) / denominator
    return round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)


class _Shares:
    """Computes shares and remembers, for each, its interval and the count it rests on."""

    def __init__(self) -> None:
        self.intervals: dict[str, dict] = {}

    def __call__(self, path: str, successes: int, count: int) -> float | None:
        interval = wilson_interval(successes, count)
        self.intervals[path] = {
            "successes": successes,
            "count": count,
            "low": interval[0] if interval else None,
            "high": interval[1] if interval else None,
            "small_sample": count < SMALL_SAMPLE,
        }
        return share(successes, count)

    def breakdown(self, prefix: str, counts: Counter, total: int, order: Sequence[str]) -> dict:
        """Share per category that occurs, in the contract's order of categories."""
        return {key: self(f"{prefix}.{key}", counts[key], total) for key in order if counts[key]}


def note_figures(cases: Sequence[Case], year: int | None = None) -> dict:
    """The note's figures for `year` (default: the latest year present) over `cases`."""
    years = sorted({case.year for case in cases})
    if year is None:
        year = years[-1] if years else None
    of_year = [case for case in cases if case.year == year]
    victims = [victim for case in of_year for victim in case.victims]
    minors = [victim for victim in victims if victim.minor]
    shares = _Shares()
    figures = {
        "year": year,
        "cases_per_year": _cases_per_year(cases),
        "victims": {"minor": len(minors), "adult": len(victims) - len(minors)},
        "minor_victims": _minor_victims(minors, shares),
        "suspects": _suspects(_pimps_and_recruiters(of_year), shares),
        "groups": _groups(of_year, shares),
        "areas": shares.breakdown("areas", Counter(c.area for c in of_year), len(of_year), AREAS),
        "recruitment_channels": shares.breakdown(
            "recruitment_channels",
            Counter(v.recruitment_channel for v in victims),
            len(victims),
            CHANNELS,
        ),
        "clients": {"accused_share": _accused_share(cases, years, shares)},
    }
    figures.update(_extras(cases, of_year, years, shares))
    figures["intervals"] = shares.intervals
    return figures


def _cases_per_year(cases: Iterable[Case]) -> dict[str, int]:
    counts = Counter(case.year for case in cases)
    return {str(year): counts[year] for year in sorted(counts)}


def _minor_victims(minors: list[Victim], shares: _Shares) -> dict:
    n = len(minors)
    situations = Counter(s for victim in minors for s in set(victim.situation))
    return {
        "french_share": shares(
            "minor_victims.french_share", sum(v.nationality == "FR" for v in minors), n
        ),
        "min_age": min((v.age for v in minors), default=None),
        "over_15_share": shares(
            "minor_victims.over_15_share", sum(v.age in (16, 17) for v in minors), n
        ),
        "situation_shares": shares.breakdown(
            "minor_victims.situation_shares", situations, n, SITUATIONS
        ),
    }


def _pimps_and_recruiters(cases: Iterable[Case]) -> list[Suspect]:
    return [s for case in cases for s in case.suspects if s.role in ("pimp", "recruiter")]


def _suspects(suspects: list[Suspect], shares: _Shares) -> dict:
    n = len(suspects)
    return {
        "pimps_and_recruiters": n,
        "female_share": shares("suspects.female_share", sum(s.sex == "F" for s in suspects), n),
        "former_victim_share": shares(
            "suspects.former_victim_share", sum(s.former_victim for s in suspects), n
        ),
        "prior_drug_offence_share": shares(
            "suspects.prior_drug_offence_share", sum(s.prior_drug_offence for s in suspects), n
        ),
    }


def group_size(case: Case) -> int:
    """Victims plus pimps and recruiters: the people the case's group is made of."""
    return len(case.victims) + sum(s.role in ("pimp", "recruiter") for s in case.suspects)


def _groups(cases: list[Case], shares: _Shares) -> dict:
    sizes = [group_size(case) for case in cases]
    median = statistics.median(sizes) if sizes else None
    if median is not None and float(median).is_integer():
        median = int(median)
    return {
        "under_5_people_share": shares(
            "groups.under_5_people_share", sum(size < 5 for size in sizes), len(sizes)
        ),
        "median_size": median,
    }


def _accused_share(cases: Sequence[Case], years: list[int], shares: _Shares) -> dict:
    accused: Counter = Counter()
    with_status: Counter = Counter()
    for case in cases:
        for suspect in case.suspects:
            if suspect.role == "client" and suspect.procedural_status is not None:
                with_status[case.year] += 1
                accused[case.year] += suspect.procedural_status == "accused"
    return {str(y): shares(f"clients.accused_share.{y}", accused[y], with_status[y]) for y in years}


def _extras(cases: Sequence[Case], of_year: list[Case], years: list[int], shares: _Shares) -> dict:
    """Figures beyond the contract that the note's charts and text need."""
    victims = [victim for case in of_year for victim in case.victims]
    minors_per_year: Counter = Counter()
    adults_per_year: Counter = Counter()
    female_suspects: Counter = Counter()
    suspects_per_year: Counter = Counter()
    for case in cases:
        for victim in case.victims:
            (minors_per_year if victim.minor else adults_per_year)[case.year] += 1
        for suspect in _pimps_and_recruiters([case]):
            suspects_per_year[case.year] += 1
            female_suspects[case.year] += suspect.sex == "F"
    return {
        "victims_per_year": {
            str(y): {"minor": minors_per_year[y], "adult": adults_per_year[y]} for y in years
        },
        "victim_ages": _count_by(victim.age for victim in victims),
        "group_sizes": _count_by(group_size(case) for case in of_year),
        "pimps_female_share_per_year": {
            str(y): shares(
                f"pimps_female_share_per_year.{y}", female_suspects[y], suspects_per_year[y]
            )
            for y in years
        },
    }


def _count_by(values: Iterable[int]) -> dict[str, int]:
    counts = Counter(values)
    return {str(key): counts[key] for key in sorted(counts)}
