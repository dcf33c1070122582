"""A network's profile: who, where, when, and the link-level features scoring uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from sentinelle.link.itinerary import itinerary, moves_per_month
from sentinelle.link.personas import personas

SCORES = ("minor", "control", "recruitment")


@dataclass(slots=True)
class NetworkPost:
    """One post of a network, as the profile needs it."""

    network_id: str
    source: str
    post_id: str
    posted_at: str
    posted_ts: float
    text: str
    city: str | None = None
    department: str | None = None
    phones: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    obfuscated: bool = False
    recruitment: bool = False
    scores: dict[str, float | None] = field(default_factory=dict)


def network_profile(network_id: str, posts: list[NetworkPost], aliases: list[str]) -> dict:
    """The network as `sentinelle export networks` writes it (contract fields first)."""
    posts = sorted(posts, key=lambda p: (p.posted_ts, p.source, p.post_id))
    named = [personas(p.text) for p in posts]  # once per post: the profile's slowest part
    names = list(dict.fromkeys(name for found in named for name in found))
    stays = itinerary([(p.posted_ts, p.posted_at, p.city, p.department) for p in posts])
    features = network_features(posts, named, stays)
    return {
        "network_id": network_id,
        "aliases": sorted(aliases),
        "post_ids": [[p.source, p.post_id] for p in posts],
        "personas": names,
        "phones": sorted({phone for p in posts for phone in p.phones}),
        "handles": sorted({handle for p in posts for handle in p.handles}),
        "sources": sorted({p.source for p in posts}),
        "first_seen": posts[0].posted_at,
        "last_seen": posts[-1].posted_at,
        "itinerary": [stay.as_dict() for stay in stays],
        "people_estimate": people_estimate(names, features),
        "scores": {name: _network_score(posts, name) for name in SCORES},
        "recruitment_posts": sum(p.recruitment for p in posts),
        "features": features,
    }


def people_estimate(names: list[str], features: dict) -> int:
    """Named personas, plus one for whoever runs a phone shared by several of them."""
    controller = features["distinct_names_per_phone"] >= 2
    return max(len(names) + int(controller), 1)


def network_features(
    posts: list[NetworkPost],
    named: list[list[str]] | None = None,
    stays: list | None = None,
) -> dict:
    """Link-level features of one network for scoring (`named`: each post's personas, and
    `stays`: the itinerary of `posts`, when the caller has them already).

    distinct_names_per_phone: most first names seen with any one of its phones;
    cities: distinct cities; moves_per_month: city changes per 30 days;
    obfuscated_share: share of posts whose contact number is disguised;
    recruitment_posts: posts flagged as recruitment.
    """
    if not posts:
        return {"distinct_names_per_phone": 0, "cities": 0, "moves_per_month": 0.0,
                "obfuscated_share": 0.0, "recruitment_posts": 0, "posts": 0}  # fmt: skip
    names_by_phone: dict[str, set[str]] = {}
    for i, post in enumerate(posts):
        if post.phones:
            found = named[i] if named is not None else personas(post.text)
            for phone in post.phones:
                names_by_phone.setdefault(phone, set()).update(found)
    times = [p.posted_ts for p in posts]
    if stays is None:
        stays = itinerary([(p.posted_ts, p.posted_at, p.city, p.department) for p in posts])
    return {
        "distinct_names_per_phone": max((len(n) for n in names_by_phone.values()), default=0),
        "cities": len({p.city for p in posts if p.city}),
        "moves_per_month": moves_per_month(stays, min(times), max(times)),
        "obfuscated_share": round(sum(p.obfuscated for p in posts) / len(posts), 4),
        "recruitment_posts": sum(p.recruitment for p in posts),
        "posts": len(posts),
    }


def _network_score(posts: list[NetworkPost], name: str) -> float | None:
    """The network's score: its most telling post's (one minor is enough to matter)."""
    values = [p.scores.get(name) for p in posts if p.scores.get(name) is not None]
    return round(max(values), 4) if values else None
