"""Ads of controlled groups and of independents, written from their templates.

An ad is a list of phrases (the author's template parts, in the author's order) filled with
the day's slots. Group ads add control cues and, for minors, youth cues; independents say
the same logistics in their own words, sometimes with the same "dispo 7j/7, discrète".
"""

from __future__ import annotations

import random
from collections.abc import Callable

from sentinelle.demo import lexicon_ads
from sentinelle.demo.actors import Group, Independent, Stay, Victim
from sentinelle.demo.clock import LAST_DAY, parts
from sentinelle.demo.communes import WEIGHTED, Commune
from sentinelle.demo.phones import Phone
from sentinelle.demo.photos import phashes
from sentinelle.demo.phrasing import Slots, Template, join_parts, new_style, new_template
from sentinelle.demo.publishing import (
    Draft,
    Publisher,
    add_extras,
    city_in_text,
    city_metadata,
    dates_phrase,
    postcode,
    repost,
    weekday,
)  # fmt: skip
from sentinelle.demo.truth import Carried, Who, truth_record

_PRICES_30 = (50, 60, 70, 80, 80, 100, 120, 150)
_OPTIONAL = ("greeting", "place", "price", "restrict", "closing", "avail")


def _bank(english: bool) -> dict[str, tuple[str, ...]]:
    bank = dict(lexicon_ads.EN if english else lexicon_ads.FR)
    bank["title"] = lexicon_ads.TITLES_EN if english else lexicon_ads.TITLES_FR
    return bank


def _order(rng: random.Random, where: str, extra: tuple[str, ...]) -> list[str]:
    """An author's order of parts: core parts always, optional ones kept by habit."""
    middle = [where, *extra, "avail", "place", "price"]
    if rng.random() < 0.5:
        rng.shuffle(middle)
    order = ["greeting", "intro", *middle, "contact", "restrict", "closing"]
    if rng.random() < 0.3:
        order.remove("intro")
        order.insert(order.index(where) + 1, "intro")
    return [part for part in order if part not in _OPTIONAL or rng.random() < 0.7]


class AdSlots:
    """Builds the lazy slots of one ad: phone, age and handle slots record the truth."""

    def __init__(self, rng: random.Random, carried: Carried, english: bool) -> None:
        self.rng = rng
        self.carried = carried
        self.english = english

    def slots(
        self,
        place: Commune,
        day: int,
        stay: tuple[int, int],
        prices: tuple[int, int],
        hours: tuple[int, int],
    ) -> dict[str, Callable[[], str]]:
        rng = self.rng
        return {
            "city": lambda: city_in_text(rng, place),
            "dept": lambda: place.department,
            "postcode": lambda: postcode(rng, place),
            "area": lambda: rng.choice(lexicon_ads.AREAS),
            "dates": lambda: dates_phrase(rng, stay[0], stay[1], day, self.english),
            "weekday": lambda: weekday(stay[0], self.english),
            "p30": lambda: str(prices[0]),
            "p60": lambda: str(prices[1]),
            "h1": lambda: str(hours[0]),
            "h2": lambda: str(hours[1]),
            "emoji": lambda: rng.choice(lexicon_ads.EMOJI),
        }


def _contact_phrases(
    rng: random.Random, template: Template, carried: Carried, phone: Phone | None,
    handles: list[tuple[str, str]],
) -> list[str]:  # fmt: skip
    phrases = []
    if phone is not None:
        phrases.append(
            template.phrase(rng, "contact").format_map(Slots({}, phone=carried.phone(rng, phone)))
        )
        if phone.country == "FR" and rng.random() < 0.08:
            phrases.append(f"whatsapp {carried.whatsapp(rng, phone)}")
    for platform, handle in handles:
        written = carried.handle(rng, platform, handle)
        phrases.append(template.phrase(rng, "contact_handle").format_map(Slots({}, handle=written)))
    return phrases


def _title(rng: random.Random, template: Template, slots: Slots) -> str | None:
    if rng.random() < 0.25:
        return None
    phrase = template.phrase(rng, "title") if rng.random() < 0.7 else template.draw(rng, "title")
    return phrase.format_map(slots)


# --- controlled groups -------------------------------------------------------------------


class GroupWriter:
    """Writes one group's ads: same template, same contacts, every girl, every stay."""

    def __init__(self, rng: random.Random, group: Group, hard_rate: float) -> None:
        self.rng = rng
        self.group = group
        self.hard_rate = hard_rate
        style = new_style(rng, lexicon_ads.EMOJI, group.english)
        self.template = new_template(
            rng, style, _bank(group.english), _order(rng, "arrival", ("control",))
        )
        self.control_rate = rng.choice((0.4, 0.6, 0.8, 0.95))
        self.daily_rate = rng.uniform(0.25, 0.6)
        self.prices = (rng.choice(_PRICES_30), 0)
        self.prices = (self.prices[0], self.prices[0] * rng.choice((2, 2, 3)) - rng.choice((0, 20)))
        self.hours = (rng.randint(9, 14), rng.choice((20, 22, 23, 2)))

    def ads(self, publisher: Publisher) -> list[Draft]:
        drafts = []
        stays = self.group.itinerary
        for index, stay in enumerate(stays):
            phone = self.group.phones[index * len(self.group.phones) // len(stays)]
            for day in range(stay.first_day, stay.last_day + 1):
                for victim_index, victim in enumerate(self.group.victims):
                    if self.rng.random() < self.daily_rate:
                        drafts.append(self._ad(publisher, stay, day, victim_index, victim, phone))
        return _with_reposts(self.rng, drafts, 0.06)

    def _ad(
        self,
        publisher: Publisher,
        stay: Stay,
        day: int,
        victim_index: int,
        victim: Victim,
        phone: Phone,
    ) -> Draft:
        rng, group = self.rng, self.group
        site = rng.choice(group.sites)
        minute = rng.randint(9 * 60, 23 * 60 + 30)
        post = publisher.frame(rng, site, "ad", day, minute, social=False)
        carried = Carried(parts(day)[0], self.hard_rate, group.english)
        writer = AdSlots(rng, carried, group.english)
        slots = Slots(
            writer.slots(stay.place, day, (stay.first_day, stay.last_day), self.prices, self.hours),
            name=victim.name,
            controller=rng.choice(group.controllers)[1],
        )
        if victim.stated is not None:
            slots.factories["age"] = lambda: carried.age(rng, victim.stated)
            slots.factories["age_short"] = lambda: carried.short_age(victim.stated)
        post["title"] = _title(rng, self.template, slots)
        post["text"] = self._text(slots, carried, victim, phone)
        post["author"] = group.authors[(site, victim_index)] if rng.random() < 0.9 else None
        post["city"] = city_metadata(rng, stay.place)
        post["image_phashes"] = phashes(rng, victim.album)
        add_extras(rng, post)
        who = Who(group.actor, "group", victim.name, victim.person, group.size)
        truth = truth_record(post, who, (victim.minor, True, False), carried, stay.place)
        return Draft(day, minute, post, truth)

    def _text(self, slots: Slots, carried: Carried, victim: Victim, phone: Phone) -> str:
        rng, template = self.rng, self.template
        phrases = []
        for part in template.order:
            if part == "contact":
                phrases.extend(
                    _contact_phrases(rng, template, carried, *self._contacts(victim, phone))
                )
            elif part == "control":
                if rng.random() < self.control_rate:
                    phrases.append(template.phrase(rng, "control").format_map(slots))
            elif part == "intro":
                key = "intro_age" if victim.stated is not None else "intro"
                phrases.append(template.phrase(rng, key).format_map(slots))
            else:
                phrase = (
                    template.draw(rng, part) if rng.random() < 0.08 else template.phrase(rng, part)
                )
                phrases.append(phrase.format_map(slots))
        if rng.random() < victim.youth_cue_rate:
            position = rng.randint(1, max(1, len(phrases) - 1))
            phrases.insert(position, template.draw(rng, "youth").format_map(slots))
        return join_parts(rng, template.style, [p for p in phrases if p])

    def _contacts(self, victim: Victim, phone: Phone) -> tuple[Phone | None, list[tuple[str, str]]]:
        rng, booking = self.rng, self.group.booking
        handles = []
        roll = rng.random()
        if booking is not None and roll < 0.4:
            handles.append(booking)
        if victim.handle is not None and rng.random() < 0.3:
            handles.append(victim.handle)
        use_phone = not handles or roll < 0.25 or rng.random() < 0.5
        return (phone if use_phone else None), handles


# --- independents ------------------------------------------------------------------------


class IndependentWriter:
    """Writes one independent's ads: her own words, her own contacts, mostly at home."""

    def __init__(self, rng: random.Random, person: Independent, hard_rate: float) -> None:
        self.rng = rng
        self.person = person
        self.hard_rate = hard_rate
        bank = _bank(person.english)
        style = new_style(rng, lexicon_ads.EMOJI, person.english)
        extra = ("about",) if rng.random() < 0.5 and "about" in bank else ()
        self.template = new_template(rng, style, bank, _order(rng, "home", extra))
        self.prices = (rng.choice(_PRICES_30), 0)
        self.prices = (self.prices[0], self.prices[0] * 2 - rng.choice((0, 0, 20)))
        self.hours = (rng.randint(9, 15), rng.choice((19, 20, 21, 22, 23, 0)))
        self.redraw = rng.choice((0.1, 0.2, 0.35))

    def ads(self, publisher: Publisher, count: int) -> list[Draft]:
        rng = self.rng
        day = self.person.first_day
        drafts = []
        for _ in range(count):
            if day > LAST_DAY:
                break
            if rng.random() < 0.12:
                place = rng.choice(WEIGHTED)
                stay = (day, min(day + rng.randint(2, 6), LAST_DAY))
                drafts.append(self._ad(publisher, day, place, stay, travel=True))
            else:
                drafts.append(self._ad(publisher, day, self.person.home, (day, day), travel=False))
            day += rng.choice((1, 1, 2, 3, 5, 7, 10, 14, 21))
        return _with_reposts(rng, drafts, 0.06)

    def _ad(
        self, publisher: Publisher, day: int, place: Commune, stay: tuple[int, int], travel: bool
    ) -> Draft:
        rng, person = self.rng, self.person
        site = rng.choice(person.sites)
        minute = rng.randint(8 * 60, 23 * 60 + 30)
        post = publisher.frame(
            rng, site, rng.choice(("ad",) * 12 + ("profile",)), day, minute, social=False
        )
        carried = Carried(parts(day)[0], self.hard_rate, person.english)
        slots = Slots(
            AdSlots(rng, carried, person.english).slots(place, day, stay, self.prices, self.hours),
            name=person.name,
        )
        if person.states_age:
            slots.factories["age"] = lambda: carried.age(rng, person.age)
            slots.factories["age_short"] = lambda: carried.short_age(person.age)
        post["title"] = _title(rng, self.template, slots)
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

    def _text(self, slots: Slots, carried: Carried, travel: bool) -> str:
        rng, template, person = self.rng, self.template, self.person
        phrases = []
        for part in template.order:
            if part == "contact":
                phone = (
                    rng.choice(person.phones) if rng.random() < 0.93 or not person.handles else None
                )
                handles = [h for h in person.handles if rng.random() < 0.5]
                phrases.extend(_contact_phrases(rng, template, carried, phone, handles))
                continue
            key = part
            if part == "intro" and person.states_age:
                key = "intro_age"
            elif part == "home" and travel:
                key = "travel"
            elif part == "about" and person.student:
                key = "student"
            if rng.random() < 0.15 and part in _OPTIONAL:
                continue
            phrase = (
                template.draw(rng, key) if rng.random() < self.redraw else template.phrase(rng, key)
            )
            phrases.append(phrase.format_map(slots))
        return join_parts(rng, template.style, [p for p in phrases if p])


def _with_reposts(rng: random.Random, drafts: list[Draft], rate: float) -> list[Draft]:
    """Add re-publications of some drafts, each right after its original in the list."""
    out = []
    for draft in drafts:
        out.append(draft)
        later = min(rng.randint(1, 12), LAST_DAY - draft.day)
        if later > 0 and rng.random() < rate:
            out.append(repost(rng, draft, later))
    return out
