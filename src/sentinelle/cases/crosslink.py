"""Link the two worlds: the identifiers of judicial cases against the posts seen online.

Pure: the store (or a test) gives the sightings, one per identifier a post carries; this module
says, for each case, which posts and networks share an identifier with it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sentinelle.cases.records import Case


@dataclass(frozen=True, slots=True)
class Sighting:
    """An identifier (E.164 phone or `platform:handle`) carried by one post."""

    identifier: str
    source: str
    post_id: str
    posted_at: str  # ISO 8601 with offset, as the post gives it
    city: str | None = None
    network_id: str | None = None


@dataclass(frozen=True, slots=True)
class CaseLink:
    """What the online store knows of one case through its identifiers."""

    case_id: str
    opened_on: str
    identifiers: tuple[str, ...]  # the case's identifiers seen online
    networks: tuple[str, ...]
    posts: int
    cities: tuple[str, ...]
    first_seen: str
    last_seen: str

    def as_dict(self) -> dict:
        return {
            "case_id": self.case_id,
            "opened_on": self.opened_on,
            "identifiers": list(self.identifiers),
            "networks": list(self.networks),
            "posts": self.posts,
            "cities": list(self.cities),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


def normalise_identifier(identifier: str) -> str:
    """The form posts are indexed by: phones without spaces, handles in lower case."""
    identifier = identifier.strip()
    if identifier.startswith("+"):
        if identifier[1:].isdigit():
            return identifier  # already E.164, the usual case
        return "+" + "".join(ch for ch in identifier if ch.isdigit())
    return identifier.lower()


def link_cases(cases: Sequence[Case], sightings: Iterable[Sighting]) -> list[CaseLink]:
    """For each case with an identifier seen online: the posts and networks that carry it."""
    by_identifier: dict[str, list[Sighting]] = defaultdict(list)
    for sighting in sightings:
        by_identifier[normalise_identifier(sighting.identifier)].append(sighting)
    links = []
    for case in cases:
        matched = sorted(
            {i for i in map(normalise_identifier, case.identifiers) if i in by_identifier}
        )
        if matched:
            links.append(_link(case, matched, [s for i in matched for s in by_identifier[i]]))
    return links


def networks_known_to_cases(links: Iterable[CaseLink]) -> dict[str, list[str]]:
    """Each network already known to a case, with the cases that know it."""
    known: dict[str, list[str]] = defaultdict(list)
    for link in links:
        for network in link.networks:
            known[network].append(link.case_id)
    return {network: sorted(cases) for network, cases in sorted(known.items())}


def _link(case: Case, matched: list[str], sightings: list[Sighting]) -> CaseLink:
    posts = {(s.source, s.post_id): s for s in sightings}
    times = sorted(posts.values(), key=lambda s: _instant(s.posted_at))
    return CaseLink(
        case_id=case.case_id,
        opened_on=case.opened_on.isoformat(),
        identifiers=tuple(matched),
        networks=tuple(sorted({s.network_id for s in sightings if s.network_id})),
        posts=len(posts),
        cities=tuple(sorted({s.city for s in sightings if s.city})),
        first_seen=times[0].posted_at,
        last_seen=times[-1].posted_at,
    )


def _instant(posted_at: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(posted_at)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
