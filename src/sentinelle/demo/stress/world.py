"""The stress corpus: actors and their posts, each hard phenomenon driven by a knob.

Unlike the demo profile (streamed block by block), a stress corpus is drawn as one world so
that templates are shared across the whole corpus; 100,000 posts fit in memory easily.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import phonenumbers

from sentinelle.demo.clock import FIRST_DAY, LAST_DAY, day_stamp, parts, timestamp
from sentinelle.demo.communes import COMMUNES, Commune
from sentinelle.demo.dice import Dice
from sentinelle.demo.photos import new_album, reupload
from sentinelle.demo.publishing import Draft
from sentinelle.demo.stress import lexicon as lx
from sentinelle.demo.stress.edits import EditDice
from sentinelle.demo.stress.forms import NEAR_HINTS, FormsDice, GlyphDice, MentionDice
from sentinelle.demo.stress.knobs import parse_knobs
from sentinelle.demo.stress.numbers import Number, NumberBook, write_number
from sentinelle.demo.stress.pupils import PupilDice
from sentinelle.demo.stress.shared_offers import SharedOfferDice
from sentinelle.demo.stress.tags import (
    BENIGN_BODIES,
    BENIGN_CONTACTS,
    GROUP_BODIES,
    GROUP_HANDLE,
    VENUE_POSTS,
    WHEN,
    TagDice,
)
from sentinelle.demo.stress.venues import Venue, VenueDice
from sentinelle.demo.truth import Carried, Who, truth_record

MIDDLE = FIRST_DAY + (LAST_DAY - FIRST_DAY) // 2
_WEIGHTS = [c.weight for c in COMMUNES]
_GLUEABLE = frozenset(f"0{digit}" for digit in "123456789")  # "06..." -> "zero6..."
_GROUP_ADS = 0.22
_BENIGN_PRICES = {
    "room": (390, 450, 520, 680),
    "job": (70, 85, 90),
    "babysit": (11, 12, 15),
    "tutor": (18, 20, 25, 30),
}  # share of posts that are group ads


def _siret(rng: Dice) -> str:
    """A SIRET-like string (14 digits in groups): a number that is not a phone."""
    return " ".join(str(rng.randint(100, 999)) for _ in range(3)) + f" {rng.randint(10000, 99999)}"


@dataclass(slots=True)
class Poster:
    """One actor that posts ads: a group (several persons) or an independent."""

    actor: str
    kind: str  # group, independent
    names: list[str]
    ages: list[int]
    numbers: list[Number]
    handle: tuple[str, str] | None  # (written platform word, handle)
    author: str | None
    source: str
    cities: list[Commune]
    albums: list[list[int]]
    template: list[tuple[str, int]] | None
    tags: set[str] = field(default_factory=set)
    start: int = FIRST_DAY
    span: int = 90
    text_only: bool = False
    contactless: bool = False  # no phone, handle or account, but photos of its own
    control: bool = False
    self_managed: bool = False
    clients: bool = False  # states the clients' age it accepts (ages_of_others)
    school: list[bool] = field(default_factory=list)
    tricky: bool = False
    price: int = 150


class StressWorld:
    """Draws the whole corpus; `drafts()` returns exactly `n_posts` drafts in time order."""

    def __init__(self, n_posts: int, seed: int, knobs: dict[str, float], obfuscate: float):
        self.n = n_posts
        self.rng = Dice(f"sentinelle-stress:{seed}")
        self.k = knobs
        self.obfuscate = obfuscate
        self.book = NumberBook(self.rng)
        self.out: list[Draft] = []
        self.ids = 0
        self.actors = 0
        self.term = self.rng.choice(lx.EMERGING)
        self.stock = new_album(self.rng, 4)  # photos several unrelated posters reuse
        self.boilerplates: list[list[tuple[str, int]]] = []  # ads copied without contacts
        # ages and country hints draw from their own stream: at 0 they change nothing else
        self.forms = FormsDice(seed)
        self.glyphs = GlyphDice(seed)
        self.pupils = PupilDice(seed)
        self.mentions = MentionDice(seed)
        self.venues = VenueDice(seed, n_posts)
        self.apart: list[Draft] = []  # the venues' own posts, outside the quotas
        self.offers = SharedOfferDice(seed)  # benign templates filled without contacts
        self.tags = TagDice(seed)  # venue_tags: drawn apart, replacing independents' posts
        self.tag_book = NumberBook(self.tags.rng)
        self.tag_book.used = self.book.used
        self.tag_ids = 0
        self.side_book = NumberBook(self.forms.rng)
        self.side_book.used = self.book.used
        self.edits = EditDice(seed)  # hard edits too: at 0 they change nothing else
        self.hard: dict[str, bool] = {}
        self.nationality: dict[str, str | None] = {}
        self.second: dict[str, tuple[Number, str] | None] = {}

    # ---- identities -------------------------------------------------------------------
    def _actor(self, prefix: str) -> str:
        self.actors += 1
        return f"{prefix}{self.actors:05d}"

    def _number(self) -> Number:
        return self.book.draw(self.k["foreign_numbers"], self.k["unallocated_numbers"])

    def _handle(self, stem: str) -> tuple[str, str]:
        suffix = self.rng.choice(("", "_", ".", "__"))
        handle = f"{stem.lower()}{suffix}{self.actors}{self.rng.randint(10, 99)}"
        return self.rng.choice(lx.PLATFORMS), handle

    def _city(self) -> Commune:
        return self.rng.choices(COMMUNES, weights=_WEIGHTS)[0]

    def _template(self) -> list[tuple[str, int]]:
        roles = [r for r in lx.ROLE_ORDER if r in ("hello", "contact") or self.rng.random() < 0.75]
        return [(r, self.rng.randrange(len(lx.AD_ROLES[r]))) for r in roles]

    def _poster(self, kind: str, persons: int, minor_share: float) -> Poster:
        rng = self.rng
        names = rng.sample(lx.NAMES, persons)
        minors = [rng.random() < minor_share for _ in range(persons)]
        ages = [rng.randint(13, 17) if m else rng.randint(18, 40) for m in minors]
        stem = rng.choice(("agence", "vip", "boss", "team", "lux", "manag", "planning"))
        actor = self._actor("g" if kind == "group" else "i")
        n_numbers = 1
        return Poster(
            actor=actor,
            kind=kind,
            names=names,
            ages=ages,
            numbers=[self._number() for _ in range(n_numbers)],
            handle=self._handle(stem if kind == "group" else names[0])
            if rng.random() < 0.6
            else None,
            author=f"{names[0].lower()}{rng.randint(100, 9999)}" if rng.random() < 0.5 else None,
            source=rng.choice(lx.CLASSIFIEDS) if rng.random() < 0.8 else rng.choice(lx.SOCIALS),
            cities=[self._city() for _ in range(rng.randint(1, 6) if kind == "group" else 1)],
            albums=[new_album(rng, rng.randint(2, 5)) for _ in range(persons)],
            template=self._template() if rng.random() < self.k["edited_templates"] else None,
            start=rng.randint(FIRST_DAY, LAST_DAY - 60),
            span=rng.randint(20, 300),
            school=[m and rng.random() < 0.3 for m in minors],
            tricky=rng.random() < self.k["stated_minor_ages"],
            price=rng.choice((80, 100, 120, 150, 200, 250, 300)),
        )

    # ---- writing ----------------------------------------------------------------------
    def _age_phrase(self, p: Poster, person: int, carried: Carried, tags: set[str]) -> str:
        age, rng = p.ages[person], self.rng
        if p.school[person]:
            tags.add("stated_minor_ages")
            return rng.choice(lx.SCHOOL_LEVELS)
        if age < 18:
            tags.add("stated_minor_ages")
            roll = rng.random()
            if roll < 0.15 and age < 17:
                carried.ages.append(age + 1)
                return f"bientôt {age + 1}"
            if roll < 0.3:
                carried.ages.append(age)
                return f"née en {carried.year - age}"
            carried.ages.append(age)
            return self._in_english(rng.choice(lx.AGE_TRICKY).format(n=age), age, tags)
        carried.ages.append(age)
        if p.tricky and rng.random() < 0.5:
            tags.add("stated_minor_ages")
            return self._in_english(rng.choice(lx.AGE_TRICKY).format(n=age), age, tags)
        return self._in_english(rng.choice(lx.AGE_PLAIN).format(n=age), age, tags)

    def _in_english(self, phrase: str, age: int, tags: set[str]) -> str:
        """The age phrase, or the same age written in English ("I'm 16", "16 y/o")."""
        if self.forms.rng.random() >= self.k["english_ages"]:
            return self._keycaps(phrase, age, tags)
        tags.add("english_ages")
        return self._keycaps(self.forms.english_age(age), age, tags)

    def _keycaps(self, phrase: str, age: int, tags: set[str]) -> str:
        """The age's digits as keycap emoji, for a share `glyph_forms` of age phrases."""
        if str(age) not in phrase or self.glyphs.rng.random() >= self.k["glyph_forms"]:
            return phrase
        tags.add("glyph_forms")
        return self.glyphs.keycap_age(phrase, age)

    def _contact(self, p: Poster, day: int, carried: Carried, tags: set[str]) -> str:
        rng = self.rng
        if p.text_only or p.contactless:
            return rng.choice(lx.CONTACT_NONE)
        bits = []
        for number in self._numbers_on(p, day, tags):
            written, tricks = write_number(rng, number, self.obfuscate)
            glueable = number.form == "french" and written[:2] in _GLUEABLE and not tricks
            if glueable and self.glyphs.rng.random() < self.k["glyph_forms"]:
                written, tricks = self.glyphs.glued_zero(written), ["number_words"]
                tags.add("glyph_forms")
            carried._record_phone(number.e164, tuple(tricks))
            bits.append(written)
            if number.form != "french":
                tags.add("foreign_numbers" if number.form == "foreign" else "unallocated_numbers")
        phones = len(bits)
        extra = self._second_written(p, day, carried, tags)
        if p.handle and (not bits or rng.random() < 0.5):
            word, handle = p.handle
            carried.add_handle(f"{lx.PLATFORM_NAME[word]}:{handle.lower()}")
            bits.append(f"{word}: {handle}" if rng.random() < 0.6 else f"{word} @{handle}")
        if len(bits) > 1:
            joint = " ou " if rng.random() < 0.5 else " / "
        else:
            joint = self.forms.rng.choice((" ou ", " / "))
        if extra:  # drawn from the forms' stream: the world's draws stay as they were
            bits.insert(phones, extra)
        return joint.join(bits)

    def _second_written(self, p: Poster, day: int, carried: Carried, tags: set[str]) -> str:
        """The foreign number some posters give beside their French one, hint next to it."""
        second = self._second_number(p)
        if not second or not any(n.form == "french" for n in self._numbers_on(p, day, set())):
            return ""
        number, country = second
        national = phonenumbers.format_number(
            phonenumbers.parse(number.e164), phonenumbers.PhoneNumberFormat.NATIONAL
        )
        carried._record_phone(number.e164, ())
        tags.add("mixed_numbers")
        return self.forms.near_hint(country, national)

    def _second_number(self, p: Poster) -> tuple[Number, str] | None:
        """A foreign number some posters give beside their French one, hint next to it."""
        if p.actor not in self.second:
            self.second[p.actor] = None
            mixed = self.forms.rng.random() < self.k["mixed_numbers"]
            if mixed and self.k["foreign_numbers"] > 0:
                country = self.forms.rng.choice(tuple(NEAR_HINTS))
                self.second[p.actor] = (self.side_book.foreign(country), country)
        return self.second[p.actor]

    def _numbers_on(self, p: Poster, day: int, tags: set[str]) -> list[Number]:
        if len(p.numbers) == 1:
            return p.numbers
        tags.add("phone_rotation")
        phase = (day - p.start) / max(p.span, 1) * len(p.numbers)
        index = min(len(p.numbers) - 1, max(0, int(phase)))
        if index + 1 < len(p.numbers) and phase - index > 0.8:
            return [p.numbers[index], p.numbers[index + 1]]  # overlap before the switch
        return [p.numbers[index]]

    def _distractor(self, city: Commune, day: int, age: int) -> str:
        rng = self.rng
        year, month, dom, _ = parts(day)
        return rng.choice((
            f"Code postal {city.postcode or city.department + '000'}.",
            f"Le {dom:02d}/{month:02d}/{year} de 14h30 à 23h45.",
            f"Réf annonce {rng.randint(10**9, 10**10 - 1)}.",
            f"SIRET {_siret(rng)}.",
            f"{rng.randint(1, 3)} {rng.randint(100, 999)} € la semaine.",
            f"Tarif 2h : {2 * age * 10}€, nuit : 1 {rng.randint(100, 900)}€.",
            f"Chambre {rng.randint(100, 999)}, étage {rng.randint(1, 9)}, "
            f"digicode {rng.randint(1000, 9999)}.",
        ))  # fmt: skip

    def _ad(self, p: Poster, day: int, labels: tuple[bool, bool, bool], extra_tags=()) -> None:
        rng = self.rng
        tags: set[str] = set(p.tags) | set(extra_tags)
        person = rng.randrange(len(p.names))
        stay = min(len(p.cities) - 1, int((day - p.start) / max(p.span, 1) * len(p.cities)))
        city = p.cities[max(stay, 0)]
        carried = Carried(year=parts(day)[0], hard_rate=self.obfuscate)
        slots = {
            "name": p.names[person],
            "age": self._age_phrase(p, person, carried, tags),
            "city": city.name if rng.random() < 0.85 else city.name.lower(),
            "when": rng.choice(
                ("cette semaine", "jusqu'à dimanche", "pour 3 jours", "ce week-end", "")
            ),
            "hours": rng.choice(lx.HOURS),
            "price": rng.choice((f"{p.price}€", f"{p.price} euros", f"{p.price} €")),
            "contact": self._contact(p, day, carried, tags),
        }
        minor = p.ages[person] < 18
        sentences = self._sentences(p, tags)
        persona = p.names[person]
        if "edited_templates" in tags and self._edits_hard(p):
            tags.add("heavy_edits")
            sentences, city = self.edits.edit(sentences), self._moved(city)
            persona = self.edits.alias(persona, lx.NAMES)
            price = str(self.edits.other_price(p.price))
            slots |= {"name": persona, "price": slots["price"].replace(str(p.price), price, 1)}
            slots["city"] = city.name
        written = [s.format(**slots) for s in sentences]
        written = self._hinted(p, written, tags)
        title = self._opener(p, person, slots["city"], written, carried, tags)
        text = " ".join(written)
        if p.control and rng.random() < 0.8:
            text += " " + rng.choice(lx.CONTROL_EXPLICIT)
            tags.add("explicit_control")
        if p.self_managed:
            text += " " + rng.choice(lx.SELF_MANAGED)
            tags.add("explicit_control")
        if p.clients:
            text += " " + rng.choice(lx.CLIENT_AGES)
            tags.add("ages_of_others")
        if rng.random() < self.k["number_distractors"]:
            text = f"{text} {self._distractor(city, day, p.ages[person])}"
            tags.add("number_distractors")
        if self.glyphs.rng.random() < self.k["glyph_forms"]:
            text = f"{text} {self.glyphs.spaced_date(*parts(day)[:3])}"
            tags.add("glyph_forms")
        term = self._emerging(day, flagged=labels[1] or minor, tags=tags)
        if term:
            text += " " + term
        labels = (minor, labels[1], labels[2])
        photos = [] if p.text_only else p.albums[person]
        hashes = [
            f"{reupload(rng, h) if rng.random() < 0.3 else h:016x}"
            for h in photos[: rng.randint(1, 3)]
        ]
        if photos and rng.random() < 0.03:
            hashes.append(f"{rng.choice(self.stock):016x}")
        author = None if p.text_only or p.contactless else p.author
        self._emit(
            p.source,
            "ad",
            day,
            text,
            carried,
            Who(p.actor, p.kind, persona, f"{p.actor}-{person}", len(p.names)),
            labels,
            city,
            tags,
            author,
            hashes,
            title,
        )

    def _edits_hard(self, p: Poster) -> bool:
        """Whether this poster edits its template hard (`heavy_edits`, drawn once a poster
        from the edits' own stream, and only when the knob is on)."""
        if not self.k["heavy_edits"]:
            return False
        if p.actor not in self.hard:
            self.hard[p.actor] = self.edits.hard(self.k["heavy_edits"])
        return self.hard[p.actor]

    def _moved(self, city: Commune) -> Commune:
        """The city of one hard-edited version of the ad: sometimes another one."""
        if not self.edits.moved():
            return city
        return self.edits.rng.choices(COMMUNES, weights=_WEIGHTS)[0]

    def _hinted(self, p: Poster, written: list[str], tags: set[str]) -> list[str]:
        """The poster's nationality said away from its French number ("Je suis roumaine.",
        a flag): first, or just before the contact sentence."""
        if p.text_only or any(number.form == "foreign" for number in p.numbers):
            return written
        if p.actor not in self.nationality:
            hinted = self.forms.rng.random() < self.k["country_hints"]
            self.nationality[p.actor] = self.forms.nationality() if hinted else None
        country = self.nationality[p.actor]
        if country is None:
            return written
        tags.add("country_hints")
        hint, first = self.forms.far_hint(country)
        return [hint, *written] if first else [*written[:-1], hint, written[-1]]

    def _opener(
        self, p: Poster, person: int, city: str, written: list[str], carried, tags: set[str]
    ) -> str | None:
        """A title or first line with the name and the bare age ("Léa, 16 - Lyon"), or a
        look-alike number beside the name ("Léa, 16 rue Victor Hugo"); returns the title."""
        forms, name, age = self.forms, p.names[person], p.ages[person]
        title = None
        if forms.rng.random() < self.k["name_age_openers"]:
            tags.add("name_age_openers")
            if age < 18:
                tags.add("stated_minor_ages")
            if age not in carried.ages:
                carried.ages.append(age)
            opener = forms.opener(name, age, city)
            if forms.rng.random() < 0.5:
                title = opener
            else:
                written.insert(0, opener)
        if forms.rng.random() < self.k["age_lookalikes"]:
            tags.add("age_lookalikes")
            lookalike = forms.lookalike(name)
            written.insert(0 if forms.rng.random() < 0.5 else len(written), lookalike)
        return title

    def _sentences(self, p: Poster, tags: set[str]) -> list[str]:
        rng = self.rng
        if p.template is None:
            return [
                rng.choice(lx.AD_ROLES[r])
                for r in lx.ROLE_ORDER
                if r in ("hello", "contact") or rng.random() < 0.7
            ]
        sentences = [lx.AD_ROLES[r][v] for r, v in p.template]
        if (
            self.k["edited_templates"] > 0
            and p.template is not None
            and not p.tags & {"independents_copying", "contactless_copies"}
        ):
            tags.add("edited_templates")
            sentences = self._edit(sentences)
        return sentences

    def _edit(self, sentences: list[str]) -> list[str]:
        rng = self.rng
        out = list(sentences)
        for _ in range(rng.randint(0, 3)):
            roll = rng.random()
            if roll < 0.3:
                a, b = rng.choice(lx.SYNONYMS)
                if rng.random() < 0.5:
                    a, b = b, a
                out = [s.replace(a, b) for s in out]
            elif roll < 0.45 and len(out) > 3:
                out.pop(rng.randint(1, len(out) - 2))
            elif roll < 0.6:
                out.insert(rng.randint(1, len(out) - 1), rng.choice(lx.EXTRA_SENTENCES))
            elif roll < 0.75 and len(out) > 3:
                i = rng.randint(1, len(out) - 3)
                out[i], out[i + 1] = out[i + 1], out[i]
            else:
                out = [self._typo(s) if rng.random() < 0.3 else s for s in out]
        return out

    def _typo(self, sentence: str) -> str:
        words = sentence.split(" ")
        plain = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 4]
        if not plain:
            return sentence
        i = self.rng.choice(plain)
        w = words[i]
        j = self.rng.randint(1, len(w) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        return " ".join(words)

    def _emerging(self, day: int, flagged: bool, tags: set[str]) -> str:
        share = self.k["emerging_term"] * (1.0 if flagged else 0.05)
        if day < MIDDLE or self.rng.random() >= share:
            return ""
        tags.add("emerging_term")
        return self.rng.choice(lx.EMERGING_USES).format(t=self.term)

    def _emit(
        self,
        source,
        kind,
        day,
        text,
        carried,
        who,
        labels,
        city,
        tags,
        author,
        hashes,
        title=None,
        apart: bool = False,
        stream: Dice | None = None,
    ) -> None:
        """One post and its truth; `apart`: a venue's, drawn from the venues' stream (or
        `stream`), numbered on its own and kept out of the world's quotas (`popular_mentions`,
        `venue_tags`)."""
        rng = stream or (self.venues.rng if apart else self.rng)
        if not apart:
            self.ids += 1
        if stream is not None:  # venue_tags: numbered on their own, whatever the venues do
            self.tag_ids += 1
            ident = f"sg{self.tag_ids:06d}"
        else:
            ident = f"sv{len(self.apart) + 1:06d}" if apart else f"s{self.ids:07d}"
        minute = rng.randint(7 * 60, 23 * 60 + 59)
        post = {
            "id": ident,
            "source": source,
            "kind": kind,
            "text": text,
            "posted_at": timestamp(day, minute),
        }
        if rng.random() < 0.85:
            post["url"] = f"https://{source}.example/v/{post['id']}"
        if city is not None and kind == "ad" and rng.random() < 0.8:
            post["city"] = city.name
        if title:
            post["title"] = title
        if author:
            post["author"] = author
        if hashes:
            post["image_phashes"] = hashes
        truth = truth_record(post, who, labels, carried, city)
        truth["phenomena"] = sorted(tags)
        if "emerging_term" in tags:
            truth["emerging_term"] = {"term": self.term, "since": day_stamp(MIDDLE)[0]}
        (self.apart if apart else self.out).append(Draft(day, minute, post, truth))

    def _days(self, p: Poster, count: int) -> list[int]:
        end = min(LAST_DAY, p.start + p.span)
        return sorted(self.rng.randint(p.start, end) for _ in range(count))

    # ---- actors -----------------------------------------------------------------------
    def _group(self, count: int, text_only: bool, small: bool = False) -> Poster:
        p = self._poster(
            "group", 1 if small else self.rng.randint(1, 4), self.k["stated_minor_ages"]
        )
        p.text_only = text_only
        if text_only:
            p.tags.add("text_only_groups")
            p.handle, p.author = None, None
            p.template = p.template or self._template()
        else:
            if self.rng.random() < self.k["phone_rotation"]:
                p.numbers += [self._number() for _ in range(self.rng.randint(1, 2))]
            if p.handle is None and small:
                p.handle = self._handle("team")
        p.control = self.rng.random() < self.k["explicit_control"]
        days = self._days(p, count)
        if days:  # phases (itinerary, phone rotation) follow the days the group really posts
            p.start, p.span = days[0], max(1, days[-1] - days[0])
        for day in days:
            self._ad(p, day, (False, True, False))
        return p

    def _independent(
        self, count: int, copy_of: Poster | None = None, minor: bool = False
    ) -> Poster:
        p = self._poster("independent", 1, 1.0 if minor else 0.0)
        if copy_of is not None:
            p.template = list(copy_of.template or [])
            p.tags.add("independents_copying")
        return self._post_independent(p, count, minor)

    def _contactless_copy(self, count: int) -> Poster:
        """An independent giving no contact who copies one of a few common ad boilerplates:
        her posts and other copiers' share the template, only her slots (name, city, hours,
        price) and photos are her own."""
        if len(self.boilerplates) < 3:
            self.boilerplates.append(self._template())
        p = self._poster("independent", 1, 0.0)
        p.template = list(self.rng.choice(self.boilerplates))
        p.contactless, p.handle, p.author, p.numbers = True, None, None, []
        p.tags.add("contactless_copies")
        return self._post_independent(p, count, False)

    def _post_independent(self, p: Poster, count: int, minor: bool) -> Poster:
        p.self_managed = not minor and self.rng.random() < self.k["explicit_control"] * 0.3
        p.clients = not minor and self.rng.random() < self.k["ages_of_others"] * 0.2
        for day in self._days(p, count):
            self._ad(p, day, (minor, False, False))
        return p

    def _shared_template_posts(self, group: Poster, count: int) -> None:
        rng = self.rng
        word, handle = group.handle or self._handle("team")
        for _ in range(count):
            day = rng.randint(group.start, min(LAST_DAY, group.start + group.span))
            city = rng.choice(group.cities)
            carried = Carried(year=parts(day)[0], hard_rate=0.0)
            tags = {"shared_templates"}
            written, account = self._offer_handle(word, handle, tags)
            text = rng.choice(lx.SHARED_TEMPLATES).format(city=city.name, handle=written)
            term = self._emerging(day, True, tags)
            if term:
                text += " " + term
            source = rng.choice(lx.SOCIALS)
            carried.add_handle(account or f"{source}:{handle.lower()}")
            who = Who(group.actor, "group", None, None, len(group.names))
            self._emit(
                source,
                "social_post",
                day,
                text,
                carried,
                who,
                (False, False, True),
                city,
                tags,
                None,
                [],
            )

    def _offer_handle(self, word: str, handle: str, tags: set[str]) -> tuple[str, str | None]:
        """How a group's recruitment offer names the group's handle, and the handle extraction
        must read ("platform:name"; None for a bare "@name": an account of the post's source).
        A share `mention_only_recruitment` name it as a bare mention (drawn apart)."""
        account = f"{lx.PLATFORM_NAME[word]}:{handle.lower()}"
        share = self.k["mention_only_recruitment"]
        if not share or self.mentions.rng.random() >= share:
            return f"{word} @{handle}", account
        tags.add("mention_only_recruitment")
        written, platform = self.mentions.mention(handle, word)
        return written, account if platform else None

    def _recruiter(self, count: int) -> None:
        rng = self.rng
        actor = self._actor("r")
        word, handle = self._handle(rng.choice(("plan", "sous", "pack", "bizz")))
        number = self._number() if rng.random() < 0.5 else None
        source = rng.choice(lx.SOCIALS)
        author = f"{handle[:6]}{rng.randint(10, 99)}" if rng.random() < 0.6 else None
        start = rng.randint(FIRST_DAY, LAST_DAY - 30)
        for _ in range(count):
            day = rng.randint(start, min(LAST_DAY, start + 120))
            city = self._city()
            carried = Carried(year=parts(day)[0], hard_rate=self.obfuscate)
            tags = {"recruitment_social"}
            bits = []
            if number is not None and rng.random() < 0.7:
                written, tricks = write_number(rng, number, self.obfuscate)
                carried._record_phone(number.e164, tuple(tricks))
                bits.append(written)
                if number.form != "french":
                    tags.add(
                        "foreign_numbers" if number.form == "foreign" else "unallocated_numbers"
                    )
            if not bits or rng.random() < 0.6:
                carried.add_handle(f"{lx.PLATFORM_NAME[word]}:{handle.lower()}")
                bits.append(f"{word} {handle}")
            text = rng.choice(lx.RECRUIT_SOCIAL).format(
                city=city.name, share=rng.choice(lx.SHARES), contact=" / ".join(bits)
            )
            term = self._emerging(day, True, tags)
            if term:
                text += " " + term
            who = Who(actor, "recruiter", None, None, 1)
            self._emit(
                source,
                "social_post",
                day,
                text,
                carried,
                who,
                (False, False, True),
                None,
                tags,
                author,
                [],
            )

    def _benign(self, count: int) -> None:
        rng = self.rng
        topic = rng.choice(tuple(lx.BENIGN))
        openers, boiler = lx.BENIGN[topic]
        if not self.k["number_distractors"]:
            boiler = tuple(
                b for b in boiler if not any(s in b for s in ("{postcode}", "{siret}", "{date}"))
            )
        if not self.k["stated_minor_ages"]:
            openers = tuple(o.replace("pour {kid}", "").replace(", {kid}", "") for o in openers)
        actor = self._actor("b")
        number = self._number() if rng.random() < 0.8 else None
        city = self._city()
        start = rng.randint(FIRST_DAY, LAST_DAY - 30)
        chosen = rng.sample(boiler, min(len(boiler), rng.randint(2, 3)))
        others = bool(self.k["stated_minor_ages"]) and rng.random() < self.k["ages_of_others"]
        # drawn apart from the world: a pupil's posts are the same draws with her own text
        pupil = self.pupils.is_pupil(self.k["pupil_lookalikes"])
        pupil_opener = self.pupils.opener() if pupil else ""
        for _ in range(count):
            day = rng.randint(start, min(LAST_DAY, start + 60))
            carried = Carried(year=parts(day)[0], hard_rate=0.1)
            tags = {"benign_boilerplate"}
            year, month, dom, _ = parts(day)
            kid = rng.choice(lx.KIDS)
            opener = rng.choice(openers)
            slots = {
                "city": city.name, "price": f"{rng.choice(_BENIGN_PRICES[topic])}€",
                "postcode": city.postcode or f"{city.department}000",
                "date": f"{dom:02d}/{month:02d}/{year}", "siret": _siret(rng),
                "hours": rng.choice(lx.HOURS), "kid": kid,
            }  # fmt: skip
            parts_ = [opener, *chosen]
            if others:
                parts_[0] = self._others_ages(carried, tags)
            elif "{kid}" in opener:
                carried.ages.extend(lx.KID_AGES[kid])
                tags.add("stated_minor_ages")
            if any(s in "".join(parts_) for s in ("{postcode}", "{siret}", "{date}")):
                tags.add("number_distractors")
            text = " ".join(parts_).format(**slots)
            if pupil:
                text = self.pupils.ad(pupil_opener, city.name)
                carried.ages.clear()
                tags -= {"ages_of_others", "stated_minor_ages", "number_distractors"}
                tags.add("pupil_lookalikes")
            if number is not None:
                written, tricks = write_number(rng, number, 0.05)
                carried._record_phone(number.e164, tuple(tricks))
                text += f" {rng.choice(lx.BENIGN_NONE)} {written}"
                if number.form != "french":
                    tags.add(
                        "foreign_numbers" if number.form == "foreign" else "unallocated_numbers"
                    )
            who = Who(actor, "benign", None, None, 1)
            source = rng.choice(lx.CLASSIFIEDS)
            text = self._venue_mention(text, source, city, carried, tags)
            self._emit(
                source,
                "ad",
                day,
                text,
                carried,
                who,
                (False, False, False),
                city,
                tags,
                None,
                [],
            )

    def _venue_mention(
        self, text: str, source: str, city: Commune, carried: Carried, tags: set[str]
    ) -> str:
        """A benign ad naming a popular venue's account in passing (knob `popular_mentions`,
        drawn apart); the venue's own posts are written when it is first named."""
        if not self.venues.names_one(self.k["popular_mentions"]):
            return text
        venue, new = self.venues.pick(lx.SOCIALS)
        if new:
            self._venue_posts(venue, city)
        # named in passing (thanks, credit, a place to go, a tag): extraction reads the account
        # (the truth lists it), linking does not take it for the poster's
        sentence, handle = self.venues.mention(venue, source)
        carried.add_handle(handle)
        tags.add("popular_mentions")
        return f"{text} {sentence}"

    def _venue_posts(self, venue: Venue, city: Commune) -> None:
        """A venue's own posts under its account: benign, each its own actor."""
        # numbered apart: the world's actor counter also numbers the handles it draws
        who = Who(f"v{len(self.venues.venues):05d}", "benign", None, None, 1)
        for day, text in self.venues.own_posts(venue, city.name, FIRST_DAY, LAST_DAY):
            carried = Carried(year=parts(day)[0], hard_rate=0.0)
            self._emit(
                venue.source, "social_post", day, text, carried, who, (False, False, False),
                city, {"popular_mentions"}, venue.name, [], apart=True,
            )  # fmt: skip

    def _venue_tags(self, total: int) -> None:
        """Knob `venue_tags` (drawn apart): benign posts tagging venues that many posts tag,
        in words no cue list reads, and small groups whose handle is a bare "@name"."""
        if total <= 0:
            return
        dice, rng = self.tags, self.tags.rng
        for v, venue in enumerate(dice.venues(round(total * 0.6), lx.SOCIALS)):
            who = Who(f"tv{v:04d}", "benign", None, None, 1)
            for _ in range(rng.randint(2, 4)):
                day, city = rng.randint(FIRST_DAY, LAST_DAY), self._tag_city()
                text = rng.choice(VENUE_POSTS).format(city=city.name)
                self._tag_emit(venue.source, day, text, Carried(parts(day)[0], 0.0), who, city,
                               venue.name, "social_post")  # fmt: skip
            for i in range(venue.posts):
                self._tag_benign(f"tb{v:04d}{i:04d}", venue.name)
        made = 0
        while made < total - round(total * 0.6):
            made += self._tag_group(self.tag_ids, total - round(total * 0.6) - made)

    def _tag_city(self) -> Commune:
        return self.tags.rng.choices(COMMUNES, weights=_WEIGHTS)[0]

    def _tag_emit(self, source, day, text, carried, who, city, author, kind="ad", group=False):
        labels = (False, True, False) if group else (False, False, False)
        self._emit(source, kind, day, text, carried, who, labels, city, {"venue_tags"}, author,
                   [], apart=True, stream=self.tags.rng)  # fmt: skip

    def _tag_benign(self, actor: str, venue: str) -> None:
        """One benign post (its own person, town, price, words) tagging the venue."""
        rng = self.tags.rng
        day, city = rng.randint(FIRST_DAY, LAST_DAY), self._tag_city()
        carried = Carried(year=parts(day)[0], hard_rate=0.0)
        text = rng.choice(BENIGN_BODIES).format(city=city.name, price=rng.randint(5, 60) * 5)
        sentence, platform = self.tags.tag(venue)
        source = rng.choice(lx.CLASSIFIEDS) if rng.random() < 0.7 else rng.choice(lx.SOCIALS)
        carried.add_handle(f"{platform or source}:{venue}")
        text = f"{text} {sentence}" if rng.random() < 0.7 else f"{sentence} {text}"
        if rng.random() < 0.4:
            number = self.tag_book.draw(0.0, 0.0)
            written, tricks = write_number(rng, number, 0.0)
            carried._record_phone(number.e164, tuple(tricks))
            text += " " + rng.choice(BENIGN_CONTACTS).format(phone=written)
        self._tag_emit(source, day, text, carried, Who(actor, "benign", None, None, 1), city, None)

    def _tag_group(self, number: int, most: int) -> int:
        """A small group (2-6 ads: one persona, town, price and text) whose contact is its
        handle written bare at the end, no word of contact; returns its post count."""
        rng = self.tags.rng
        name, age = rng.choice(lx.NAMES), rng.randint(19, 35)
        handle = self.tags.group_handle(name, number)
        city, price = self._tag_city(), rng.choice((100, 120, 150, 200))
        source = rng.choice(lx.CLASSIFIEDS) if rng.random() < 0.7 else rng.choice(lx.SOCIALS)
        who = Who(f"tg{number:05d}", "group", name, name, 1)
        count = min(most, rng.randint(2, 6))
        start = rng.randint(FIRST_DAY, LAST_DAY - 30)
        for _ in range(count):
            day = rng.randint(start, start + 30)
            carried = Carried(year=parts(day)[0], hard_rate=0.0)
            slots = {"name": name, "age": age, "city": city.name, "when": rng.choice(WHEN),
                     "price": price}  # fmt: skip
            carried.ages.append(age)
            text = " ".join(rng.choice(part) for part in GROUP_BODIES).format(**slots)
            if rng.random() < 0.8:
                carried.add_handle(f"{source}:{handle}")
                text += " " + rng.choice(GROUP_HANDLE).format(h=handle)
            else:
                carried.add_handle(f"snapchat:{handle}")
                text += f" snap: {handle}"
            self._tag_emit(source, day, text, carried, who, city, None, group=True)
        return count

    def _others_ages(self, carried: Carried, tags: set[str]) -> str:
        """A look-alike's opener stating children's or a sibling's ages (braces kept for
        `{city}`): ages under 18 that are not the poster's."""
        rng = self.rng
        text = rng.choice(lx.OTHERS_AGES)
        young, teen = rng.randint(2, 11), rng.randint(12, 17)
        carried.ages.extend(age for slot, age in (("{a}", young), ("{b}", teen)) if slot in text)
        tags.add("ages_of_others")
        return text.replace("{a}", str(young)).replace("{b}", str(teen))

    # ---- the corpus -------------------------------------------------------------------
    def drafts(self) -> list[Draft]:
        n, k, rng = self.n, self.k, self.rng
        quota = {
            "shared": round(n * k["shared_templates"]),
            "social": round(n * k["recruitment_social"]),
            "benign": round(n * k["benign_boilerplate"]),
            "group": round(n * _GROUP_ADS),
        }
        quota["text_only"] = round(quota["group"] * k["text_only_groups"])
        quota["minor_alone"] = round(n * 0.02 * k["stated_minor_ages"])
        quota["independent"] = n - sum(v for key, v in quota.items() if key != "text_only")
        small_group_ads = self._small_groups_with_template(quota["shared"], quota["group"] // 3)
        self._fill(
            quota["text_only"], lambda left: self._group(min(left, rng.randint(4, 25)), True)
        )
        self._fill(
            quota["group"] - quota["text_only"] - small_group_ads,
            lambda left: self._group(min(left, rng.randint(4, 40)), False),
        )
        self._fill(quota["social"], lambda left: self._recruiter(min(left, rng.randint(1, 6))))
        self._fill(
            quota["benign"], lambda left: self._benign(min(left, rng.choice((1, 1, 2, 3, 4))))
        )
        self._fill(
            quota["minor_alone"],
            lambda left: self._independent(min(left, rng.randint(1, 4)), minor=True),
        )
        if k["benign_boilerplate"]:  # its taggers are benign posters too
            self._venue_tags(round(n * k["venue_tags"]))
        # benign offers filled without contacts (drawn apart), the venues' own posts and the
        # venue_tags posts take the place of the last independents' posts
        offers = self.offers.drafts(round(n * k["contactless_benign"]), lx.CLASSIFIEDS)
        self._independents(max(quota["independent"] - len(self.apart) - len(offers), 0))
        drafts = sorted(
            self.out + self.apart + offers, key=lambda d: (d.day, d.minute, d.post["id"])
        )
        return drafts[:n] if len(drafts) > n else drafts

    def _fill(self, quota: int, make) -> None:
        target = len(self.out) + quota
        while len(self.out) < target:
            make(target - len(self.out))
        del self.out[target:]

    def _small_groups_with_template(self, quota: int, most_ads: int) -> int:
        """Small groups, each with its own contacts, that also post the shared texts; returns
        how many ads (not template posts) they wrote."""
        ads = made = 0
        while made < quota:
            before = len(self.out)
            group = self._group(
                min(self.rng.randint(2, 6), max(most_ads - ads, 0)) or 1, False, small=True
            )
            ads += len(self.out) - before
            count = min(quota - made, self.rng.randint(1, 3))
            self._shared_template_posts(group, count)
            made += count
        return ads

    def _independents(self, quota: int) -> None:
        target = len(self.out) + quota
        popular: Poster | None = None
        while len(self.out) < target:
            left = target - len(self.out)
            count = min(left, 1 + int(self.rng.expovariate(1 / 5)))
            if self.k["contactless_copies"] and self.rng.random() < self.k["contactless_copies"]:
                self._contactless_copy(count)
                continue
            if popular is not None and self.rng.random() < self.k["independents_copying"]:
                self._independent(min(count, 3), copy_of=popular)
                popular.tags.add("independents_copying")
                continue
            made = self._independent(count)
            if popular is None and made.template and self.k["independents_copying"] > 0:
                popular = made
        del self.out[target:]


def generate_stress(
    n_posts: int, seed: int, knobs: dict[str, float] | None = None, obfuscate: float = 0.3
) -> list[tuple[dict, dict]]:
    """`n_posts` (post, truth) pairs of the stress profile, the same for the same arguments."""
    if n_posts < 0:
        raise ValueError(f"n_posts must be >= 0, got {n_posts}")
    knobs = knobs if knobs is not None else parse_knobs([])
    drafts = StressWorld(n_posts, seed, knobs, obfuscate).drafts()
    return [(d.post, d.truth) for d in drafts]
