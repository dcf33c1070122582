"""Persons at risk, pure: flagged posts grouped by the contact they advertise, ranked by urgency.

A person is the primary contact of a post (its first phone, else its first handle): the one
channel an educator would write to, and what linking joins posts on within a network. Its key
is a digest of that contact, so a person keeps its key (and its outreach file stays attached)
however linking renumbers networks. A post with no contact at all is its own person.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import orjson

from sentinelle.privacy.masking import raw_identifiers
from sentinelle.privacy.recognise import mask_text

DAY = 86400.0
ADULT_AGE = 18
KEEP_POSTS = 20  # newest flagged posts a person keeps (what the report may cite)
FLAG_MINOR, FLAG_CONTROL, FLAG_RECRUITMENT = 1, 2, 4
_REASON_LIMIT = 6
# The stated age shows on its own line; an adult age is no reason to contact anyone.
_NOT_REASONS = frozenset({"age.stated_minor", "age.stated_adult"})


@dataclass(slots=True)
class FlaggedPost:
    """What grouping needs of one flagged post (the store reads it)."""

    pk: int
    source: str
    post_id: str
    posted_ts: float
    phones: str  # JSON, as post_analysis stores them
    handles: str
    stated_ages: str
    indicators: str
    score_minor: float | None
    flags: int
    city: str | None
    department: str | None
    network_id: str | None
    text: str = ""


@dataclass(slots=True)
class Person:
    contact_key: str
    contact_kind: str | None
    contact_value: str | None
    platform: str
    network_id: str | None = None
    persona: str | None = None
    city: str | None = None
    department: str | None = None
    first_ts: float = 0.0
    last_ts: float = 0.0
    posts: int = 0
    stated_age: int | None = None
    score_minor: float | None = None
    flags: int = 0
    reasons: list[str] = field(default_factory=list)
    post_pks: list[int] = field(default_factory=list)
    urgency: float = 0.0
    newest_pk: int = 0  # the post whose text names the persona

    def row(self, now: float) -> dict:
        return {
            "contact_key": self.contact_key,
            "contact_kind": self.contact_kind,
            "contact_value": self.contact_value,
            "platform": self.platform,
            "network_id": self.network_id,
            "persona": self.persona,
            "city": self.city,
            "department": self.department,
            "first_ts": self.first_ts,
            "last_ts": self.last_ts,
            "posts": self.posts,
            "stated_age": self.stated_age,
            "score_minor": self.score_minor,
            "flags": self.flags,
            "reasons": orjson.dumps(self.reasons).decode(),
            "post_pks": orjson.dumps(self.post_pks).decode(),
            "urgency": round(self.urgency, 6),
            "active": True,
            "refreshed_at": now,
        }


def contact_of(post: FlaggedPost) -> tuple[str | None, str | None]:
    """The channel an educator would use: the first phone, else the first handle."""
    phones = orjson.loads(post.phones or "[]")
    if phones:
        return "phone", phones[0]["e164"]
    handles = orjson.loads(post.handles or "[]")
    if handles:
        return "handle", handles[0]
    return None, None


def contact_key(kind: str | None, value: str | None, post: FlaggedPost) -> str:
    """Stable across analyses: derived from the contact, or from the post when it has none."""
    basis = f"{kind}:{value}" if kind else f"post:{post.source}/{post.post_id}"
    return hashlib.sha256(basis.encode()).hexdigest()


def group_persons(
    posts: Iterable[FlaggedPost],
    descriptions: dict[str, str],
    persona_of=None,
    reference_ts: float | None = None,
) -> list[Person]:
    """Flagged posts folded into persons, each with its urgency; `descriptions` words each
    indicator code, `persona_of(text)` names the first names a text presents."""
    persons: dict[str, Person] = {}
    for post in posts:
        kind, value = contact_of(post)
        key = contact_key(kind, value, post)
        person = persons.get(key)
        if person is None:
            platform = value.partition(":")[0] if kind == "handle" else post.source
            person = persons[key] = Person(key, kind, value, platform, first_ts=post.posted_ts)
        _add(person, post, descriptions, persona_of)
    newest = reference_ts or max((p.last_ts for p in persons.values()), default=0.0)
    for person in persons.values():
        person.post_pks = person.post_pks[:KEEP_POSTS]
        person.urgency = urgency(person, newest)
    return list(persons.values())


def _add(person: Person, post: FlaggedPost, descriptions: dict[str, str], persona_of) -> None:
    person.posts += 1
    person.flags |= post.flags or 0
    person.first_ts = min(person.first_ts, post.posted_ts)
    person.post_pks.append(post.pk)
    person.post_pks.sort(reverse=True)
    if post.score_minor is not None:
        person.score_minor = max(person.score_minor or 0.0, post.score_minor)
    for item in orjson.loads(post.stated_ages or "[]"):
        age = item.get("age")
        if isinstance(age, int) and age < ADULT_AGE:
            person.stated_age = min(person.stated_age or age, age)
    if post.posted_ts >= person.last_ts:  # the newest post says where and under what name
        person.last_ts = post.posted_ts
        person.city = post.city or person.city
        person.department = post.department or person.department
        person.network_id = post.network_id or person.network_id
        person.newest_pk = post.pk
        if persona_of is not None:
            names = persona_of(post.text) if post.text else []
            person.persona = names[0] if names else person.persona
    raws = raw_identifiers(post.phones, post.handles)
    for item in orjson.loads(post.indicators or "[]"):
        _reason(person, item, descriptions, raws)


def _reason(person: Person, item: dict, descriptions: dict[str, str], raws: list[str]) -> None:
    if len(person.reasons) >= _REASON_LIMIT:
        return
    code = str(item.get("code", ""))
    if code in _NOT_REASONS:
        return
    if not code.startswith(("age.", "youth.", "control.", "recruitment.", "minor.")):
        return
    words = descriptions.get(code, code).rstrip(".")
    evidence = mask_text(str(item.get("evidence", "")), raws)[:80]  # every written form
    sentence = f"{words}: “{evidence}”" if evidence else words
    if sentence not in person.reasons:
        person.reasons.append(sentence)


def urgency(person: Person, newest_ts: float) -> float:
    """Higher first: a stated minor age, minor evidence, recent activity; control adds a little.

    (Whether the organisation already made contact is per organisation: the queue lists
    persons it has no file on, so 'no contact yet' comes first by construction.)
    """
    value = 0.0
    if person.stated_age is not None:
        value += 4.0 + max(0, ADULT_AGE - person.stated_age) * 0.25
    if person.flags & FLAG_MINOR:
        value += 2.0
    value += 2.0 * (person.score_minor or 0.0)
    idle_days = max(0.0, (newest_ts - person.last_ts) / DAY)
    value += max(0.0, 2.0 - idle_days / 15.0)  # full weight today, none after 30 days
    if person.flags & (FLAG_CONTROL | FLAG_RECRUITMENT):
        value += 0.5
    return value


def why_in_words(person: dict) -> list[str]:
    """The reasons shown on a card: the stated age first, then the indicators' evidence."""
    reasons = []
    if person.get("stated_age") is not None:
        reasons.append(f"States an age of {person['stated_age']}")
    return reasons + orjson.loads(person.get("reasons") or "[]")
