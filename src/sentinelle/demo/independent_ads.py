"""Ads of independent adults: their own words, contacts and city, sometimes on the road.

They are the hard negatives of the corpus: the same logistics as group ads, sometimes the
same "dispo 7j/7, discrète", obfuscated numbers or "nouvelle sur Lyon", never a third party.
"""

from __future__ import annotations

import random

from sentinelle.demo import lexicon_ads
from sentinelle.demo.actors import Independent
from sentinelle.demo.ads import (
    OPTIONAL,
    PRICES_30,
    ad_slots,
    bank,
    contact_lines,
    crosspost,
    line,
    order,
    title,
    with_reposts,
)
from sentinelle.demo.clock import LAST_DAY, parts
from sentinelle.demo.communes import WEIGHTED, Commune
from sentinelle.demo.photos import phashes
from sentinelle.demo.phrasing import Slots, join_parts, new_style, new_template
from sentinelle.demo.publishing import Draft, Publisher, add_extras, city_metadata
from sentinelle.demo.truth import Carried, Who, truth_record

_GAPS = (1, 1, 2, 3, 5, 7, 10, 14, 21)  # days between two ads of one independent


class IndependentWriter:
    """Writes one independent's ads, mostly at home, now and then "de passage" elsewhere."""

    def __init__(self, rng: random.Random, person: Independent, hard_rate: float) -> None:
        self.rng = rng
        self.person = person
        self.hard_rate = hard_rate
        style = new_style(rng, lexicon_ads.EMOJI, person.english)
        extra = ("about",) if rng.random() < 0.5 else ()
        where = "arrival" if rng.random() < 0.08 else "home"  # just moved: "nouvelle sur Lyon"
        self.template = new_template(rng, style, bank(person.english), order(rng, where, extra))
        p30 = rng.choice(PRICES_30)
        self.habits = (
            p30,
            p30 * 2 - rng.choice((0, 0, 20)),
            rng.randint(9, 15),
            rng.choice((19, 20, 21, 22, 23, 1)),
        )
        self.redraw = rng.choice((0.1, 0.2, 0.35))

    def ads(self, publisher: Publisher, count: int) -> list[Draft]:
        rng = self.rng
        day = self.person.first_day
        drafts = []
        for _ in range(count):
            if day > LAST_DAY:
                break
            if rng.random() < 0.12:
                stay = (day, min(day + rng.randint(2, 6), LAST_DAY))
                drafts.append(self._ad(publisher, day, rng.choice(WEIGHTED), stay, travel=True))
            else:
                home = self.person.home
                drafts.append(self._ad(publisher, day, home, (day, day + 6), travel=False))
            others = [site for site in self.person.sites if site != drafts[-1].post["source"]]
            if others and rng.random() < 0.15:
                site = rng.choice(others)
                drafts.append(
                    crosspost(rng, publisher, drafts[-1], site, self.person.authors[site])
                )
            day += rng.choice(_GAPS)
        return with_reposts(rng, drafts, 0.06)

    def _ad(
        self, publisher: Publisher, day: int, place: Commune, stay: tuple[int, int], travel: bool
    ) -> Draft:
        rng, person = self.rng, self.person
        site = rng.choice(person.sites)
        minute = rng.randint(8 * 60, 23 * 60 + 30)
        kind = "profile" if rng.random() < 0.08 else "ad"
        post = publisher.frame(rng, site, kind, day, minute, social=False)
        carried = Carried(parts(day)[0], self.hard_rate, person.english)
        slots = Slots(
            ad_slots(rng, person.english, place, day, stay, self.habits), name=person.name
        )
        slots.factories["phone"] = lambda: carried.phone(rng, person.phones[0], hard=False)
        if person.states_age:
            slots.factories["age"] = lambda: carried.age(rng, person.age)
            slots.factories["age_short"] = lambda: carried.short_age(person.age)
        post["title"] = title(rng, self.template, slots)
        post["text"] = self._text(slots, carried, travel)
        post["author"] = person.authors[site] if rng.random() < 0.92 else None
        post["city"] = city_metadata(rng, place)
        post["image_phashes"] = (
            phashes(rng, person.album) if person.album and rng.random() < 0.85 else []
        )
        add_extras(rng, post)
        who = Who(person.actor, "independent", person.name, person.person, 1)
        return Draft(
            day, minute, post, truth_record(post, who, (False, False, False), carried, place)
        )

    def _key(self, part: str, travel: bool) -> str:
        person = self.person
        if part == "intro" and person.states_age:
            return "intro_age"
        if part in ("home", "arrival") and travel:
            return "travel"
        if part == "about" and person.student:
            return "student"
        return part

    def _text(self, slots: Slots, carried: Carried, travel: bool) -> str:
        rng, template, person = self.rng, self.template, self.person
        lines = []
        for part in template.order:
            if part == "contact":
                phone = (
                    rng.choice(person.phones) if rng.random() < 0.93 or not person.handles else None
                )
                handles = [h for h in person.handles if rng.random() < 0.5]
                lines += contact_lines(rng, template, carried, phone, handles)
                continue
            if part in OPTIONAL and rng.random() < 0.15:
                continue
            key = self._key(part, travel)
            phrase = (
                template.draw(rng, key) if rng.random() < self.redraw else template.phrase(rng, key)
            )
            lines.append(line(rng, template.style, part, phrase.format_map(slots)))
        return join_parts(rng, template.style, [text for text in lines if text])
