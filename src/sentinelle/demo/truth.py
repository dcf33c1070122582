"""Ground truth of one post: what its text carries and who is really behind it.

`Carried` records identifiers as the text is written, so the truth can never list a phone,
handle or age the text does not show.

Conventions a reader of the truth needs:
- `phones`: E.164, once each, for the text and the title together; `phone_tricks[i]` lists
  the tricks of `phones[i]` (the union when it is written twice), `[]` when written plainly.
- `handles`: `<source>:<author>` first when the post has an author, then `snapchat:`,
  `telegram:`, `instagram:`, `signal:` handles as written, lower case; a wa.me link gives
  `whatsapp:<digits>` (e.g. `whatsapp:33612345678`, as the link and the extractor write it)
  and its number in `phones`.
- `stated_ages`: ages the text or title states ("19 ans", "19a", "19 et 20 ans", "née en
  2005" resolved with the year of `posted_at`); a babysitting ad's "enfant de 4 ans" counts.
- `labels`: `minor` when a person the ad offers is under 18 (a duo ad with one minor counts),
  `control` on every group ad, `recruitment` on recruitment posts, which offer no person
  (so their `minor` and `control` are false).
- `persona`: the name the post uses (a duo ad: the first one); groups rename some girls
  between cities, `person` stays the same. For recruitment posts: the recruiter's alias.
- `city`/`department`: where the post is located (site metadata or text); null for social
  posts that name no city.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sentinelle.demo.communes import Commune
from sentinelle.demo.handles import whatsapp_link, written_handle
from sentinelle.demo.phones import TRICKS, Phone, hard_form, plain_form

_AGE_FR = (
    "{n} ans", "{n} ans", "{n}ans", "{n} ans", "j'ai {n} ans", "âgée de {n} ans",
    "{n} ans tout juste", "âge: {n} ans", "{n}a",
)  # fmt: skip
_AGE_EN = ("{n}yo", "{n} years old", "age {n}", "{n} y.o.")


@dataclass(slots=True)
class Carried:
    """Identifiers a post's text and title carry, in order of writing."""

    year: int
    hard_rate: float
    english: bool = False
    phones: list[str] = field(default_factory=list)
    tricks: list[list[str]] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    ages: list[int] = field(default_factory=list)

    def phone(self, rng: random.Random, phone: Phone, hard: bool = True) -> str:
        """Write a phone plainly or with tricks (at the actor's rate) and record it.

        `hard=False` for one-line fields such as titles, where tricks would break the line.
        """
        if hard and rng.random() < self.hard_rate:
            written, tricks = hard_form(rng, phone)
        else:
            written, tricks = plain_form(rng, phone), ()
        self._record_phone(phone.e164, tricks)
        return written

    def _record_phone(self, e164: str, tricks: tuple[str, ...]) -> None:
        if e164 in self.phones:
            merged = set(self.tricks[self.phones.index(e164)]) | set(tricks)
            self.tricks[self.phones.index(e164)] = [t for t in TRICKS if t in merged]
            return
        self.phones.append(e164)
        self.tricks.append(list(tricks))

    def handle(self, rng: random.Random, platform: str, handle: str) -> str:
        """Write a messaging handle and record it as `platform:handle`."""
        self.add_handle(f"{platform}:{handle.lower()}")
        return written_handle(rng, platform, handle, self.english)

    def whatsapp(self, rng: random.Random, phone: Phone) -> str:
        """Write a wa.me link: both a phone and a handle."""
        written, handle = whatsapp_link(rng, phone.e164)
        self._record_phone(phone.e164, ())
        self.add_handle(handle)
        return written

    def add_handle(self, handle: str) -> None:
        if handle not in self.handles:
            self.handles.append(handle)

    def age(self, rng: random.Random, age: int) -> str:
        """Write a stated age ("19 ans", "née en 2005") and record it."""
        self.ages.append(age)
        if self.english:
            return rng.choice(_AGE_EN).format(n=age)
        if rng.random() < 0.12:
            return f"{rng.choice(('née en', 'née en', 'nee en', 'née en'))} {self.year - age}"
        return rng.choice(_AGE_FR).format(n=age)

    def ages_phrase(self, rng: random.Random, ages: list[int]) -> str:
        """One age, or two for a duo ("19 et 20 ans")."""
        if len(ages) == 1:
            return self.age(rng, ages[0])
        self.ages.extend(ages)
        joined = f"{ages[0]} and {ages[1]} yo" if self.english else f"{ages[0]} et {ages[1]} ans"
        return joined

    def bare_age(self, age: int) -> str:
        """An age whose words ("ans") the phrase itself carries."""
        self.ages.append(age)
        return str(age)

    def short_age(self, age: int) -> str:
        """An age as titles write it."""
        self.ages.append(age)
        return f"{age} ans" if not self.english else f"{age}yo"


@dataclass(slots=True, frozen=True)
class Who:
    """Who is really behind a post."""

    actor: str
    actor_kind: str  # group, independent, recruiter, benign
    persona: str | None
    person: str | None
    group_size: int


def truth_record(
    post: dict,
    who: Who,
    labels: tuple[bool, bool, bool],
    carried: Carried,
    place: Commune | None,
) -> dict:
    """The truth line of a post (same order of keys for every line)."""
    handles = list(carried.handles)
    if post.get("author"):
        author = f"{post['source']}:{post['author'].lower()}"
        if author not in handles:
            handles.insert(0, author)
    return {
        "source": post["source"],
        "id": post["id"],
        "actor": who.actor,
        "actor_kind": who.actor_kind,
        "persona": who.persona,
        "person": who.person,
        "labels": {"minor": labels[0], "control": labels[1], "recruitment": labels[2]},
        "phones": list(carried.phones),
        "phone_tricks": [list(t) for t in carried.tricks],
        "handles": handles,
        "stated_ages": list(carried.ages),
        "city": place.name if place else None,
        "department": place.department if place else None,
        "group_size": who.group_size,
    }
