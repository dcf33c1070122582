"""Entity-level indicators: what the posts sharing a contact say together.

An analyst reads one number under five names in three cities differently from five
unrelated ads; these indicators carry that reasoning into the scores, pointing to the contact.
"""

from __future__ import annotations

from collections import defaultdict

from sentinelle.indicators.indicator import Indicator
from sentinelle.records import Extraction, Post

ENTITY_FACTS = ("contact.posts", "contact.names", "contact.cities", "contact.recruits")
SHARED_CONTACT_NAMES = 3
MANY_CITIES = 3
_RECRUITMENT_CODES = (
    "recruitment.call_for_recruits",
    "recruitment.pack_offer",
    "recruitment.money_offer",
)


def _contacts(extraction: Extraction) -> list[str]:
    return [hit.e164 for hit in extraction.phones] + list(extraction.handles)


def _city(post: Post, extraction: Extraction) -> str | None:
    return extraction.place.city if extraction.place else post.city


def _group_by_contact(posts, extractions, indicators) -> dict[str, dict[str, set]]:
    groups: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for row, (post, extraction, fired) in enumerate(
        zip(posts, extractions, indicators, strict=True)
    ):
        recruits = any(indicator.code in _RECRUITMENT_CODES for indicator in fired)
        for contact in _contacts(extraction):
            group = groups[contact]
            group["posts"].add(row)
            if post.author:
                group["names"].add(post.author.casefold())
            city = _city(post, extraction)
            if city:
                group["cities"].add(city)
            if recruits:
                group["recruits"].add(row)
    return groups


def _post_entity(row: int, contacts: list[str], groups) -> tuple[dict[str, float], list[Indicator]]:
    facts = dict.fromkeys(ENTITY_FACTS, 0.0)
    found: list[Indicator] = []
    for contact in contacts:
        group = groups[contact]
        names, cities = len(group["names"]), len(group["cities"])
        recruits = len(group["recruits"] - {row})
        facts["contact.posts"] = max(facts["contact.posts"], len(group["posts"]))
        facts["contact.names"] = max(facts["contact.names"], names)
        facts["contact.cities"] = max(facts["contact.cities"], cities)
        facts["contact.recruits"] = max(facts["contact.recruits"], recruits)
        if names >= SHARED_CONTACT_NAMES:
            found.append(Indicator("control.shared_contact", f"{contact}: {names} names"))
        if cities >= MANY_CITIES:
            found.append(Indicator("control.many_cities", f"{contact}: {cities} cities"))
        if recruits:
            found.append(
                Indicator("recruitment.same_handle", f"{contact}: {recruits} recruitment posts")
            )
    return facts, found


def entity_indicators(
    posts: list[Post], extractions: list[Extraction], indicators: list[list[Indicator]]
) -> tuple[list[list[Indicator]], list[dict[str, float]]]:
    """Per post: the entity indicators that fire and the contact-level facts behind them."""
    groups = _group_by_contact(posts, extractions, indicators)
    found, facts = [], []
    for row, extraction in enumerate(extractions):
        post_facts, post_found = _post_entity(row, _contacts(extraction), groups)
        facts.append(post_facts)
        found.append(post_found)
    return found, facts
