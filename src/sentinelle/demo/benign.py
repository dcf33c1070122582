"""Benign look-alikes: rooms, flat shares, babysitting, seasonal jobs, tutoring, hostesses,
cleaning. Same sites, same kinds of contacts, overlapping words; never a victim.
"""

from __future__ import annotations

import random

from sentinelle.demo import lexicon_benign
from sentinelle.demo.actors import SOCIAL_APPS, BenignPoster
from sentinelle.demo.clock import LAST_DAY, MONTHS_FR, parts
from sentinelle.demo.communes import WEIGHTED
from sentinelle.demo.lexicon_ads import AREAS, EMOJI
from sentinelle.demo.photos import phashes
from sentinelle.demo.phrasing import Slots, join_parts, new_style, resolve, tidy
from sentinelle.demo.publishing import (
    Draft,
    Publisher,
    add_extras,
    city_in_text,
    city_metadata,
    dates_phrase,
)
from sentinelle.demo.truth import Carried, Who, truth_record


class BenignWriter:
    """Writes the posts of one benign poster."""

    def __init__(self, rng: random.Random, poster: BenignPoster, hard_rate: float) -> None:
        self.rng = rng
        self.poster = poster
        self.hard_rate = hard_rate
        self.style = new_style(rng, EMOJI, english=False, disguise=rng.random() < 0.1)
        self.own_age = rng.randint(18, 30)
        self.child_age = rng.randint(1, 11)
        self.rent = rng.choice((320, 380, 400, 450, 480, 520, 550, 600, 650, 750))
        self.wage = rng.choice((10, 11, 12, 12, 13, 15, 18, 20, 25, 30))
        self.salary = rng.choice((1400, 1500, 1600, 1750, 1800, 1900, 2000))
        self.experience = rng.randint(2, 20)
        self.destination = rng.choice(WEIGHTED)
        self.size = rng.choice((36, 38, 40, 42, 39, 41, 43))
        self.price = rng.choice((5, 10, 15, 20, 25, 40, 60, 80, 120))
        self.hour = rng.randint(6, 19)
        self.share = rng.choice((8, 10, 12, 15, 20, 25))

    def posts(self, publisher: Publisher, count: int, first_day: int) -> list[Draft]:
        day = first_day
        drafts = []
        for _ in range(count):
            if day > LAST_DAY:
                break
            drafts.append(self._post(publisher, day))
            day += self.rng.randint(3, 40)
        return drafts

    def _post(self, publisher: Publisher, day: int) -> Draft:
        rng, poster = self.rng, self.poster
        social = poster.source in SOCIAL_APPS
        kind = "social_post" if social else "ad"
        minute = rng.randint(7 * 60, 22 * 60 + 59)
        post = publisher.frame(rng, poster.source, kind, day, minute, social=social)
        carried = Carried(parts(day)[0], self.hard_rate)
        slots = self._slots(carried, day)
        post["title"] = (
            None
            if social
            else resolve(rng, rng.choice(lexicon_benign.TITLES[poster.topic])).format_map(slots)
        )
        post["text"] = self._text(slots)
        post["author"] = poster.author
        post["city"] = None if social else city_metadata(rng, poster.place)
        post["image_phashes"] = phashes(rng, poster.album, 0.2) if poster.album else []
        add_extras(rng, post)
        who = Who(poster.actor, "benign", poster.name, poster.person, 1)
        return Draft(
            day, minute, post, truth_record(post, who, (False, False, False), carried, poster.place)
        )

    def _slots(self, carried: Carried, day: int) -> Slots:
        rng, poster = self.rng, self.poster
        _, month, _, _ = parts(day)
        return Slots(
            {
                "city": lambda: city_in_text(rng, poster.place),
                "area": lambda: rng.choice(AREAS),
                "own_age": lambda: carried.bare_age(self.own_age),
                "child_age": lambda: carried.bare_age(self.child_age),
                "contact": lambda: self._contact(carried),
                "dates": lambda: dates_phrase(rng, day + 10, day + 12, day, False),
                "date": lambda: f"{parts(day + 7)[2]:02d}/{parts(day + 7)[1]:02d}",
            },
            month=MONTHS_FR[month % 12],
            destination=self.destination.name,
            size=str(self.size),
            price=str(self.price),
            hour=str(self.hour),
            share=str(self.share),
            rent=str(self.rent),
            wage=str(self.wage),
            salary=str(self.salary),
            experience=str(self.experience),
        )

    def _contact(self, carried: Carried) -> str:
        rng, poster = self.rng, self.poster
        written = []
        if poster.phone is not None:
            written.append(carried.phone(rng, poster.phone))
        if poster.handle is not None:
            written.append(carried.handle(rng, *poster.handle))
        return rng.choice((" / ", " ou ", ", ")).join(written)

    def _text(self, slots: Slots) -> str:
        rng = self.rng
        sentences = lexicon_benign.TOPICS[self.poster.topic]
        phrases = []
        for index, variants in enumerate(sentences):
            if 0 < index < len(sentences) - 1 and rng.random() < 0.25:
                continue
            phrase = tidy(self.style.restyle(rng, resolve(rng, rng.choice(variants))))
            phrases.append(phrase.format_map(slots))
        text = join_parts(rng, self.style, phrases)
        if self.poster.source in SOCIAL_APPS and rng.random() < 0.5:
            tags = rng.sample(lexicon_benign.HASHTAGS[self.poster.topic], 2)
            text += "\n" + " ".join(tags)
        return text
