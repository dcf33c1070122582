"""Recruitment posts on social apps: public posts, profiles and private messages.

Group controllers recruit with the same contacts their ads use (that is what links a
recruitment post to a group); standalone recruiters are seen only here.
"""

from __future__ import annotations

import random

from sentinelle.demo import lexicon_social
from sentinelle.demo.actors import Group, Recruiter
from sentinelle.demo.clock import parts
from sentinelle.demo.communes import Commune
from sentinelle.demo.lexicon_ads import EMOJI
from sentinelle.demo.phones import Phone
from sentinelle.demo.phrasing import Slots, join_parts, new_style, resolve
from sentinelle.demo.publishing import Draft, Publisher, add_extras, city_in_text
from sentinelle.demo.truth import Carried, Who, truth_record

_KINDS = ("social_post", "social_post", "social_post", "message", "message", "profile")


class RecruitmentWriter:
    """Writes recruitment posts for one actor (a group's controller or a recruiter)."""

    def __init__(
        self, rng: random.Random, who: Who, contacts: tuple[Phone | None, tuple[str, str] | None],
        english: bool, hard_rate: float,
    ) -> None:  # fmt: skip
        self.rng = rng
        self.who = who
        self.phone, self.handle = contacts
        self.english = english
        self.hard_rate = hard_rate
        self.style = new_style(rng, (*EMOJI, "💰", "💸", "📈", "🔒"), english)

    def post(
        self, publisher: Publisher, source: str, author: str, day: int, place: Commune
    ) -> Draft:
        rng = self.rng
        kind = rng.choice(_KINDS)
        minute = rng.randint(10 * 60, 23 * 60 + 50)
        post = publisher.frame(rng, source, kind, day, minute, social=True)
        carried = Carried(parts(day)[0], self.hard_rate, self.english)
        slots = Slots({"city": lambda: city_in_text(rng, place)})
        post["text"] = self._text(kind, slots, carried)
        post["author"] = author if kind != "message" or rng.random() < 0.7 else None
        post["title"] = None
        post["city"] = None
        add_extras(rng, post)
        shown = place if "city" in slots else None
        return Draft(
            day, minute, post, truth_record(post, self.who, (False, False, True), carried, shown)
        )

    def _text(self, kind: str, slots: Slots, carried: Carried) -> str:
        rng = self.rng
        if self.english:
            hook, offer, contact = (
                lexicon_social.EN_HOOK,
                lexicon_social.EN_OFFER,
                lexicon_social.EN_CONTACT,
            )
        else:
            hook, offer, contact = lexicon_social.HOOK, lexicon_social.OFFER, lexicon_social.CONTACT
        variants = [rng.choice(hook), *rng.sample(offer, rng.randint(1, 3))]
        if not self.english and rng.random() < 0.5:
            variants.append(rng.choice(lexicon_social.CONDITION))
        if not self.english and rng.random() < 0.4:
            variants.append(rng.choice(lexicon_social.PLACE))
        if kind == "message" and not self.english:
            variants.insert(0, rng.choice(lexicon_social.MESSAGE_OPENING))
        if kind == "profile" and not self.english:
            tags = rng.sample(lexicon_social.PROFILE_TAGS, 2)
            text = " | ".join(resolve(rng, v).format_map(slots) for v in (*tags, variants[0]))
            return text + " | " + self._contact(contact, carried)
        phrases = [self.style.restyle(rng, resolve(rng, v)).format_map(slots) for v in variants]
        phrases.append(self._contact(contact, carried))
        text = join_parts(rng, self.style, phrases)
        if kind == "social_post" and rng.random() < 0.4:
            text += "\n" + " ".join(rng.sample(lexicon_social.HASHTAGS, rng.randint(2, 4)))
        return text

    def _contact(self, bank: tuple[str, ...], carried: Carried) -> str:
        """The contact phrase, restyled before the phone or handle is written into it."""
        rng = self.rng
        usable = [
            v
            for v in bank
            if ("{phone}" not in v or self.phone) and ("{handle}" not in v or self.handle)
        ]
        phrase = self.style.restyle(rng, resolve(rng, rng.choice(usable)))
        values = {}
        if "{phone}" in phrase and self.phone is not None:
            values["phone"] = carried.phone(rng, self.phone)
        if "{handle}" in phrase and self.handle is not None:
            values["handle"] = carried.handle(rng, *self.handle)
        return phrase.format_map(Slots({}, **values))


def group_recruitment(
    rng: random.Random, publisher: Publisher, group: Group, count: int, hard_rate: float
) -> list[Draft]:
    """`count` recruitment posts by a group's controller, spread over its itinerary."""
    person, alias = group.controllers[0]
    who = Who(group.actor, "group", alias, person, group.size)
    writer = RecruitmentWriter(rng, who, (group.phones[0], group.booking), group.english, hard_rate)
    drafts = []
    for _ in range(count):
        stay = rng.choice(group.itinerary)
        day = rng.randint(stay.first_day, stay.last_day)
        source = rng.choice(group.socials)
        drafts.append(writer.post(publisher, source, group.authors[(source, -1)], day, stay.place))
    return sorted(drafts, key=lambda d: (d.day, d.minute))


def recruiter_posts(
    rng: random.Random,
    publisher: Publisher,
    recruiter: Recruiter,
    count: int,
    first_day: int,
    hard_rate: float,
) -> list[Draft]:
    """`count` posts of a standalone recruiter, a few days apart."""
    who = Who(recruiter.actor, "recruiter", recruiter.alias, recruiter.person, 1)
    writer = RecruitmentWriter(
        rng, who, (recruiter.phone, recruiter.handle), recruiter.english, hard_rate
    )
    drafts = []
    day = first_day
    for _ in range(count):
        source = rng.choice(recruiter.socials)
        drafts.append(
            writer.post(publisher, source, recruiter.authors[source], day, recruiter.place)
        )
        day += rng.randint(1, 20)
    return drafts
