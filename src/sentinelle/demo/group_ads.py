"""Ads of controlled groups: one template, one booking contact, every girl, every stay.

What gives a group away is what its ads share (phone, booking handle, phrasing, photos,
itinerary) and the cues of a third party ("appeler Kevin pour rdv", "contact pour toutes les
filles"); minors' ads add youth cues, often with a claimed age of 18 or 19.
"""

from __future__ import annotations

import random

from sentinelle.demo import lexicon_ads
from sentinelle.demo.actors import Group, Stay, Victim
from sentinelle.demo.ads import (
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
from sentinelle.demo.clock import parts
from sentinelle.demo.phones import Phone
from sentinelle.demo.photos import phashes, reupload
from sentinelle.demo.phrasing import Slots, join_parts, new_style, new_template
from sentinelle.demo.publishing import Draft, Publisher, add_extras, city_metadata
from sentinelle.demo.truth import Carried, Who, truth_record

_DUO_CONTROL = (
    "on est [2|deux] [copines|amies] [dispo|ensemble]",
    "[duo|à deux] possible, [réservation|resa] par mon [ami|manager]",
)
_DUO_CONTROL_EN = ("we are [2|two] girlfriends [together|available]",)


class GroupWriter:
    """Writes one group's ads along its itinerary."""

    def __init__(self, rng: random.Random, group: Group, hard_rate: float) -> None:
        self.rng = rng
        self.group = group
        self.hard_rate = hard_rate
        style = new_style(rng, lexicon_ads.EMOJI, group.english)
        phrases = bank(group.english)
        phrases["duo"] = _DUO_CONTROL_EN if group.english else _DUO_CONTROL
        self.template = new_template(rng, style, phrases, order(rng, "arrival", ("control",)))
        self.control_rate = rng.choice((0.4, 0.6, 0.8, 0.95))
        self.daily_rate = rng.uniform(0.25, 0.6)
        self.duo_rate = 0.15 if len(group.victims) > 1 else 0.0
        p30 = rng.choice(PRICES_30)
        self.habits = (
            p30,
            p30 * rng.choice((2, 2, 3)) - rng.choice((0, 20)),
            rng.randint(9, 14),
            rng.choice((20, 22, 23, 2)),
        )

    def ads(self, publisher: Publisher, limit: int) -> list[Draft]:
        """The group's ads along its itinerary (at most `limit`, the earliest ones)."""
        drafts: list[Draft] = []
        stays = self.group.itinerary
        for index, stay in enumerate(stays):
            phone = self.group.phones[index * len(self.group.phones) // len(stays)]
            for day in range(stay.first_day, stay.last_day + 1):
                for victim_index in range(len(self.group.victims)):
                    if len(drafts) >= limit:
                        return with_reposts(self.rng, drafts, 0.06)[:limit]
                    if self.rng.random() < self.daily_rate:
                        drafts.append(self._ad(publisher, stay, index, day, victim_index, phone))
                        if self.rng.random() < 0.25:
                            drafts.append(self._crosspost(publisher, drafts[-1], victim_index))
        return with_reposts(self.rng, drafts, 0.06)[:limit]

    def _crosspost(self, publisher: Publisher, draft: Draft, victim_index: int) -> Draft:
        others = [site for site in self.group.sites if site != draft.post["source"]]
        site = self.rng.choice(others)
        author = self.group.authors[(site, victim_index)] if self.rng.random() < 0.9 else None
        return crosspost(self.rng, publisher, draft, site, author)

    def _featured(self, victim_index: int) -> list[Victim]:
        """The girl the ad is for, and sometimes a second one ("on est 2 copines")."""
        victims = self.group.victims
        featured = [victims[victim_index]]
        if self.rng.random() < self.duo_rate:
            featured.append(victims[(victim_index + 1) % len(victims)])
        return featured

    def _ad(
        self,
        publisher: Publisher,
        stay: Stay,
        stay_index: int,
        day: int,
        victim_index: int,
        phone: Phone,
    ) -> Draft:
        rng, group = self.rng, self.group
        featured = self._featured(victim_index)
        names = [victim.name_at(stay_index) for victim in featured]
        site = rng.choice(group.sites)
        minute = rng.randint(9 * 60, 23 * 60 + 30)
        post = publisher.frame(rng, site, "ad", day, minute, social=False)
        carried = Carried(parts(day)[0], self.hard_rate, group.english)
        slots = Slots(
            ad_slots(
                rng, group.english, stay.place, day, (stay.first_day, stay.last_day), self.habits
            ),
            name=(" & " if rng.random() < 0.5 else " et ").join(names),
            controller=rng.choice(group.controllers)[1],
        )
        slots.factories["phone"] = lambda: carried.phone(rng, phone, hard=False)  # titles only
        stated = [victim.stated for victim in featured if victim.stated is not None]
        if stated:
            slots.factories["age"] = lambda: carried.ages_phrase(rng, stated)
            slots.factories["age_short"] = lambda: carried.short_age(stated[0])
        post["title"] = title(rng, self.template, slots)
        post["text"] = self._text(slots, carried, featured, phone, bool(stated))
        post["author"] = group.authors[(site, victim_index)] if rng.random() < 0.9 else None
        post["city"] = city_metadata(rng, stay.place)
        photos = [h for victim in featured for h in phashes(rng, victim.album)][:4]
        if rng.random() < 0.25:
            photos.append(
                f"{reupload(rng, group.banner) if rng.random() < 0.3 else group.banner:016x}"
            )
        post["image_phashes"] = photos
        add_extras(rng, post)
        lead = featured[0]
        who = Who(group.actor, "group", names[0], lead.person, group.size)
        minor = any(victim.minor for victim in featured)
        return Draft(
            day, minute, post, truth_record(post, who, (minor, True, False), carried, stay.place)
        )

    def _text(
        self, slots: Slots, carried: Carried, featured: list[Victim], phone: Phone, aged: bool
    ) -> str:
        rng, template = self.rng, self.template
        style = template.style
        lines = []
        for part in template.order:
            if part == "contact":
                lines += contact_lines(rng, template, carried, *self._contacts(featured[0], phone))
            elif part == "control":
                if len(featured) > 1 and rng.random() < 0.7:
                    lines.append(
                        line(rng, style, part, template.draw(rng, "duo").format_map(slots))
                    )
                elif rng.random() < self.control_rate:
                    phrase = (
                        template.draw(rng, part)
                        if rng.random() < 0.3
                        else template.phrase(rng, part)
                    )
                    lines.append(line(rng, style, part, phrase.format_map(slots)))
            elif part == "intro":
                phrase = template.phrase(rng, "intro_age" if aged else "intro")
                lines.append(line(rng, style, part, phrase.format_map(slots)))
            else:
                phrase = (
                    template.draw(rng, part) if rng.random() < 0.08 else template.phrase(rng, part)
                )
                lines.append(line(rng, style, part, phrase.format_map(slots)))
        if rng.random() < max(victim.youth_cue_rate for victim in featured):
            position = rng.randint(1, max(1, len(lines) - 1))
            lines.insert(position, template.draw(rng, "youth").format_map(slots))
        return join_parts(rng, style, [text for text in lines if text])

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
