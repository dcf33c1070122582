"""The note's text, generated from its figures: each sentence names the figures it states
and the query over the case records that gives them, so that any statement can be checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from sentinelle.cases.figures import SMALL_SAMPLE

CHANNEL_WORDS = {
    "social_network": "social networks",
    "dating_app": "dating apps",
    "escort_site": "escort sites",
    "friends": "friends",
    "care_home": "care homes",
    "neighbourhood": "the neighbourhood",
    "other": "other means",
    "unknown": "unknown means",
}
SITUATION_WORDS = {
    "runaway": "had run away",
    "care_home": "were placed in a care home",
    "out_of_school": "were out of school",
    "family_breakdown": "had a family breakdown",
    "prior_violence": "had suffered earlier violence",
}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One statement of the note, with the figures it states and the query that gives them."""

    section: str
    text: str
    figures: tuple[str, ...]  # dotted paths into the figures JSON
    query: str  # the computation over the case records, in SQL-like words
    small_sample: bool = False
    key: bool = False  # a key judgement, repeated in the note's summary


def percent(value: float | None) -> str:
    """A share as the note prints it (87%), or "n/a" for a share over an empty set."""
    return "n/a" if value is None else f"{value * 100:.0f}%"


def note_sentences(figures: dict) -> list[Sentence]:
    """The note's sentences, in reading order; a figure over an empty set gives no sentence."""
    if figures["year"] is None:
        return [Sentence("summary", "No case records were given.", ("cases_per_year",), "-")]
    builders = (
        _cases,
        _victims,
        _minor_victims,
        _situations,
        _suspects,
        _suspect_past,
        _groups,
        _areas,
        _channels,
        _clients,
    )
    return [sentence for build in builders for sentence in build(figures)]


def _interval(figures: dict, path: str) -> str:
    """ " (95% interval 83-90%, n=272)", the uncertainty of a share as the text shows it."""
    interval = figures["intervals"].get(path)
    if not interval or interval["low"] is None:
        return ""
    return (
        f" (95% interval {interval['low'] * 100:.0f}–{interval['high'] * 100:.0f}%,"
        f" n={interval['count']})"
    )


def _small(figures: dict, *paths: str) -> bool:
    return any(
        figures["intervals"].get(path, {}).get("count", SMALL_SAMPLE) < SMALL_SAMPLE
        for path in paths
    )


def _cases(figures: dict) -> list[Sentence]:
    year, per_year = figures["year"], figures["cases_per_year"]
    query = "SELECT year(opened_on), count(*) FROM cases GROUP BY year(opened_on)"
    if str(year) not in per_year:
        return [Sentence("summary", f"No case was opened in {year}.", ("cases_per_year",), query)]
    first = min(per_year)
    text = f"In {year}, {per_year[str(year)]} cases of child prostitution were opened"
    paths = [f"cases_per_year.{year}"]
    if int(first) < year:
        text += f", against {per_year[first]} in {first}"
        paths.append(f"cases_per_year.{first}")
    return [Sentence("summary", text + ".", tuple(paths), query)]


def _victims(figures: dict) -> list[Sentence]:
    victims = figures["victims"]
    if str(figures["year"]) not in figures["cases_per_year"]:
        return []
    text = (
        f"These cases involved {victims['minor']} minor victims"
        f" and {victims['adult']} adult victims."
    )
    query = (
        f"SELECT age < 18, count(*) FROM victims JOIN cases"
        f" WHERE year(opened_on) = {figures['year']} GROUP BY age < 18"
    )
    return [Sentence("summary", text, ("victims.minor", "victims.adult"), query)]


def _minor_victims(figures: dict) -> list[Sentence]:
    minors = figures["minor_victims"]
    if minors["french_share"] is None:
        return []
    where = f"FROM victims JOIN cases WHERE age < 18 AND year(opened_on) = {figures['year']}"
    french = Sentence(
        "victims",
        f"{percent(minors['french_share'])} of minor victims are French"
        f"{_interval(figures, 'minor_victims.french_share')}.",
        ("minor_victims.french_share",),
        f"SELECT avg(nationality = 'FR') {where}",
        _small(figures, "minor_victims.french_share"),
        key=True,
    )
    most = "most were over fifteen: " if minors["over_15_share"] > 0.5 else ""
    ages = Sentence(
        "victims",
        f"The youngest was {minors['min_age']}; {most}"
        f"{percent(minors['over_15_share'])} were aged 16 or 17"
        f"{_interval(figures, 'minor_victims.over_15_share')}.",
        ("minor_victims.min_age", "minor_victims.over_15_share"),
        f"SELECT min(age), avg(age IN (16, 17)) {where}",
        _small(figures, "minor_victims.over_15_share"),
        key=True,
    )
    return [french, ages]


def _situations(figures: dict) -> list[Sentence]:
    shares = figures["minor_victims"]["situation_shares"]
    if not shares:
        return []
    top = sorted(shares, key=lambda s: -shares[s])[:3]
    parts = [f"{SITUATION_WORDS[s]} ({percent(shares[s])})" for s in top]
    text = f"Many minor victims {_join(parts)}."
    paths = tuple(f"minor_victims.situation_shares.{s}" for s in top)
    query = (
        "SELECT s, avg(s IN situation) FROM victims JOIN cases"
        f" WHERE age < 18 AND year(opened_on) = {figures['year']} GROUP BY s"
    )
    return [Sentence("victims", text, paths, query, _small(figures, *paths), key=True)]


def _suspects(figures: dict) -> list[Sentence]:
    suspects = figures["suspects"]
    female = suspects["female_share"]
    if female is None:
        return []
    text = (
        f"Of the {suspects['pimps_and_recruiters']} pimps and recruiters,"
        f" {percent(1 - female)} are men and {percent(female)} women"
        f"{_interval(figures, 'suspects.female_share')}"
    )
    paths = ["suspects.pimps_and_recruiters", "suspects.female_share"]
    per_year = figures.get("pimps_female_share_per_year", {})
    first = next((y for y, v in per_year.items() if v is not None), None)
    if first is not None and int(first) < figures["year"] and per_year[first] < female:
        text += f", up from {percent(per_year[first])} in {first}"
        paths.append(f"pimps_female_share_per_year.{first}")
    query = (
        "SELECT count(*), avg(sex = 'F') FROM suspects JOIN cases"
        f" WHERE role IN ('pimp', 'recruiter') AND year(opened_on) = {figures['year']}"
    )
    return [
        Sentence("suspects", text + ".", tuple(paths), query, _small(figures, paths[1]), key=True)
    ]


def _suspect_past(figures: dict) -> list[Sentence]:
    suspects = figures["suspects"]
    if suspects["former_victim_share"] is None:
        return []
    text = (
        f"{percent(suspects['former_victim_share'])} of them had been victims themselves,"
        f" and {percent(suspects['prior_drug_offence_share'])} were already known for drug"
        f" offences{_interval(figures, 'suspects.prior_drug_offence_share')}."
    )
    paths = ("suspects.former_victim_share", "suspects.prior_drug_offence_share")
    query = (
        "SELECT avg(former_victim), avg(prior_drug_offence) FROM suspects JOIN cases"
        f" WHERE role IN ('pimp', 'recruiter') AND year(opened_on) = {figures['year']}"
    )
    return [Sentence("suspects", text, paths, query, _small(figures, *paths), key=True)]


def _groups(figures: dict) -> list[Sentence]:
    groups = figures["groups"]
    if groups["under_5_people_share"] is None:
        return []
    text = (
        f"{percent(groups['under_5_people_share'])} of cases involved groups of under five"
        f" people{_interval(figures, 'groups.under_5_people_share')};"
        f" the median group counted {groups['median_size']}."
    )
    query = (
        "SELECT avg(size < 5), median(size) FROM (SELECT count(victims)"
        " + count(suspects WHERE role IN ('pimp', 'recruiter')) AS size FROM cases"
        f" WHERE year(opened_on) = {figures['year']})"
    )
    paths = ("groups.under_5_people_share", "groups.median_size")
    return [Sentence("groups", text, paths, query, _small(figures, paths[0]), key=True)]


def _areas(figures: dict) -> list[Sentence]:
    areas = figures["areas"]
    if not areas:
        return []
    words = {"urban": "in cities", "periurban": "in their outskirts", "rural": "in rural areas"}
    parts = [f"{percent(share)} {words[area]}" for area, share in areas.items()]
    query = f"SELECT area, count(*) / total FROM cases WHERE year(opened_on) = {figures['year']}"
    paths = tuple(f"areas.{area}" for area in areas)
    return [
        Sentence(
            "groups",
            f"Cases arose {_join(parts)}.",
            paths,
            query + " GROUP BY area",
            _small(figures, *paths),
        )
    ]


def _channels(figures: dict) -> list[Sentence]:
    channels = figures["recruitment_channels"]
    if not channels:
        return []
    top = sorted(channels, key=lambda c: -channels[c])[:4]
    parts = [f"{CHANNEL_WORDS[c]} ({percent(channels[c])})" for c in top]
    query = (
        "SELECT recruitment_channel, count(*) / total FROM victims JOIN cases"
        f" WHERE year(opened_on) = {figures['year']} GROUP BY recruitment_channel"
    )
    paths = tuple(f"recruitment_channels.{c}" for c in top)
    text = f"Victims were recruited mostly through {_join(parts)}."
    return [Sentence("recruitment", text, paths, query, _small(figures, *paths), key=True)]


def _clients(figures: dict) -> list[Sentence]:
    shares = {y: s for y, s in figures["clients"]["accused_share"].items() if s is not None}
    year = str(figures["year"])
    if year not in shares:
        return []
    text = (
        f"Among clients whose procedural status is recorded, {percent(shares[year])}"
        f" were treated as accused rather than witnesses in {year}"
        f"{_interval(figures, f'clients.accused_share.{year}')}"
    )
    paths = [f"clients.accused_share.{year}"]
    first = min(shares)
    if first < year:
        text += f", against {percent(shares[first])} in {first}"
        paths.append(f"clients.accused_share.{first}")
    crossing = next((y for y in sorted(shares) if shares[y] > 0.5), None)
    if (
        crossing is not None
        and crossing > first
        and all(shares[y] > 0.5 for y in shares if y >= crossing)
    ):
        text += f"; they have been more often accused than witnesses since {crossing}"
    query = (
        "SELECT year(opened_on), avg(procedural_status = 'accused') FROM suspects JOIN cases"
        " WHERE role = 'client' AND procedural_status IS NOT NULL GROUP BY year(opened_on)"
    )
    return [
        Sentence("clients", text + ".", tuple(paths), query, _small(figures, paths[0]), key=True)
    ]


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
