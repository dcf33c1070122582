"""The people behind the corpus: controlled groups, independents, recruiters, benign posters.

Each actor is drawn once with everything that makes its posts recognisable (phones, handles,
accounts, photos, phrasing, itinerary); `posts.py` then writes its posts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sentinelle.demo.clock import FIRST_DAY, LAST_DAY
from sentinelle.demo.communes import WEIGHTED, Commune
from sentinelle.demo.handles import PLATFORMS, ascii_name, booking_stem, new_author, new_handle
from sentinelle.demo.phones import Phone, new_phone
from sentinelle.demo.photos import new_album
from sentinelle.demo.registry import Registry

PERSONAS = (
    "Léa", "Nour", "Inès", "Chloé", "Jade", "Manon", "Lina", "Camille", "Sarah", "Emma",
    "Yasmine", "Maëlys", "Anaïs", "Clara", "Lou", "Zoé", "Célia", "Kenza", "Eva", "Alicia",
    "Mélissa", "Océane", "Aya", "Nina", "Louna", "Julia", "Amel", "Lola", "Sofia", "Jessica",
    "Naomi", "Laura", "Élodie", "Amandine", "Vanessa", "Samira", "Nadia", "Fatou", "Aïcha",
    "Bianca", "Ana", "Daniela", "Valentina", "Mia", "Luna", "Kelly", "Sabrina", "Lisa", "Maya",
    "Jenna", "Cassandra", "Ambre", "Romane", "Alexia", "Victoria", "Tatiana", "Mariam", "Chiara",
)  # fmt: skip
CONTROLLERS = (
    "Kevin", "Yanis", "Dylan", "Mehdi", "Jordan", "Anthony", "Bryan", "Enzo", "Lucas", "Karim",
    "Steven", "Nabil", "Alex", "Maxime", "Théo", "Ryan", "Sofiane", "Florian", "Jason", "Mathis",
    "Tony", "Marco", "Sam", "Jo", "Nico", "Greg", "Momo", "Dimitri", "Loïc", "Franck",
)  # fmt: skip
BENIGN_NAMES = (
    "Marie", "Sophie", "Julien", "Thomas", "Nathalie", "Isabelle", "Pierre", "Claire", "Hugo",
    "Aurélie", "Karine", "Sandrine", "Paul", "Léon", "Fatima", "Hélène", "Agathe", "Margaux",
)  # fmt: skip
AD_SITES = (
    "annonces-libres", "petites-annonces-fr", "escale-annonces", "annuaire-nocturne",
    "vivannonces", "douce-annonce", "rencontres-du-soir",
)  # fmt: skip
SOCIAL_APPS = ("photogram", "flashpic", "bavardo", "clipfeed", "piaf", "chatbulle")
CLASSIFIEDS = (
    "annonces-libres",
    "petites-annonces-fr",
    "coin-annonces",
    "jobs-saison",
    "coloc-facile",
)
BENIGN_TOPICS = (
    "room", "room", "flatshare", "flatshare", "babysitting", "nanny_wanted", "seasonal",
    "seasonal", "tutoring", "hostess", "cleaning", "sale", "carpool",
)  # fmt: skip


@dataclass(slots=True)
class Victim:
    """A person a group advertises: her true age and what the ads say of it."""

    person: str
    name: str
    age: int
    stated: int | None  # the age the ads claim, None when they state none
    youth_cue_rate: float
    album: list[int]
    handle: tuple[str, str] | None  # (platform, handle) of her own account, if the ads show it
    alias: str | None = None  # a second name some stays' ads use

    @property
    def minor(self) -> bool:
        return self.age < 18

    def name_at(self, stay_index: int) -> str:
        """The persona the ads use during a stay (groups rename girls from city to city)."""
        return self.alias if self.alias is not None and stay_index % 2 else self.name


@dataclass(slots=True)
class Stay:
    """Days a group or a travelling independent spends in one commune."""

    place: Commune
    first_day: int
    last_day: int


@dataclass(slots=True)
class Group:
    """A small controlled group: 1-2 controllers, 1-3 victims, one itinerary."""

    actor: str
    controllers: list[tuple[str, str]]  # (person id, alias)
    victims: list[Victim]
    phones: list[Phone]
    booking: tuple[str, str] | None
    sites: list[str]
    socials: list[str]
    itinerary: list[Stay]
    english: bool
    banner: int  # a picture the group puts on every girl's ads now and then (logo, flat)
    authors: dict[tuple[str, int], str] = field(default_factory=dict)  # (site, victim) -> account

    @property
    def size(self) -> int:
        return len(self.controllers) + len(self.victims)


@dataclass(slots=True)
class Independent:
    """An adult advertising for herself."""

    actor: str
    person: str
    name: str
    age: int
    states_age: bool
    phones: list[Phone]
    handles: list[tuple[str, str]]
    home: Commune
    sites: list[str]
    authors: dict[str, str]
    album: list[int]
    first_day: int
    english: bool
    student: bool


@dataclass(slots=True)
class Recruiter:
    """An account that only recruits (its ads, if any, are not in the corpus)."""

    actor: str
    person: str
    alias: str
    phone: Phone | None
    handle: tuple[str, str]
    socials: list[str]
    authors: dict[str, str]
    place: Commune
    english: bool


@dataclass(slots=True)
class BenignPoster:
    """Someone posting a room, a job, babysitting...: shares words, never a victim."""

    actor: str
    person: str
    name: str
    topic: str
    phone: Phone | None
    handle: tuple[str, str] | None
    place: Commune
    source: str
    author: str | None
    album: list[int]


def _country(rng: random.Random) -> str:
    roll = rng.random()
    return "FR" if roll < 0.9 else "BE" if roll < 0.94 else "CH" if roll < 0.97 else "ES"


def _itinerary(rng: random.Random) -> list[Stay]:
    day = rng.randint(FIRST_DAY, LAST_DAY - 90)
    stays: list[Stay] = []
    previous: Commune | None = None
    for _ in range(rng.randint(3, 9)):
        place = rng.choice(WEIGHTED)
        while place == previous:
            place = rng.choice(WEIGHTED)
        length = rng.randint(3, 21)
        stays.append(Stay(place, day, min(day + length - 1, LAST_DAY)))
        day += length + rng.randint(0, 10)
        previous = place
        if day > LAST_DAY:
            break
    return stays


MINOR_SHARE = 0.35  # of group victims


def _next_victim_is_minor(rng: random.Random, registry: Registry) -> bool:
    """Random, but keeping the block's running share of minors near MINOR_SHARE.

    Blocks hold only a few dozen victims; independent draws would often land far off.
    """
    victims = registry.counts.get("victims", 0)
    minors = registry.counts.get("minors", 0)
    minor = (minors + rng.random()) / (victims + 1) < MINOR_SHARE
    registry.counts["victims"] = victims + 1
    registry.counts["minors"] = minors + minor
    return minor


def _victim(rng: random.Random, registry: Registry, name: str) -> Victim:
    minor = _next_victim_is_minor(rng, registry)
    age = rng.choice((15, 16, 16, 17, 17, 17)) if minor else rng.randint(18, 26)
    if minor:
        roll = rng.random()
        stated = age if roll < 0.25 else rng.choice((18, 18, 19, 19, 20)) if roll < 0.75 else None
        cue_rate = 0.6 if stated is not None and stated >= 18 else 0.35
    else:
        stated = (
            (age if rng.random() < 0.8 else age + rng.randint(-1, 1))
            if rng.random() < 0.7
            else None
        )
        stated = max(stated, 18) if stated is not None else None
        cue_rate = 0.06
    handle = None
    if rng.random() < 0.35:
        platform = rng.choice(("snapchat", "snapchat", "instagram"))
        handle = (platform, new_handle(rng, registry, ascii_name(name), platform))
    album = new_album(rng, rng.randint(2, 6))
    alias = rng.choice(PERSONAS) if rng.random() < 0.2 else None
    alias = alias if alias != name else None
    return Victim(registry.person_id(), name, age, stated, cue_rate, album, handle, alias)


def new_group(rng: random.Random, registry: Registry) -> Group:
    """A group with its controllers, victims, contacts, sites and itinerary."""
    aliases = rng.sample(CONTROLLERS, rng.choice((1, 1, 1, 2)))
    controllers = [(registry.person_id(), alias) for alias in aliases]
    names = rng.sample(PERSONAS, rng.choice((1, 2, 2, 3, 3)))
    victims = [_victim(rng, registry, name) for name in names]
    country = _country(rng) if rng.random() < 0.3 else "FR"
    phones = [new_phone(rng, registry, country) for _ in range(rng.choice((1, 1, 2)))]
    booking = None
    if rng.random() < 0.6:
        platform = rng.choice(("snapchat", "telegram", "telegram", "signal"))
        booking = (platform, new_handle(rng, registry, booking_stem(rng), platform))
    group = Group(
        actor=registry.next_id("g", 4, 1000),
        controllers=controllers,
        victims=victims,
        phones=phones,
        booking=booking,
        sites=rng.sample(AD_SITES, rng.randint(2, 4)),
        socials=rng.sample(SOCIAL_APPS, rng.randint(1, 2)),
        itinerary=_itinerary(rng),
        english=rng.random() < 0.06,
        banner=new_album(rng, 1)[0],
    )
    shared = rng.random() < 0.5  # one account posts every girl's ads on a site
    stem = booking_stem(rng) if shared else ""
    for site in group.sites:
        account = new_author(rng, registry, site, stem) if shared else None
        for index, victim in enumerate(victims):
            own = account or new_author(rng, registry, site, ascii_name(victim.name))
            group.authors[(site, index)] = own
    recruiting_stem = ascii_name(aliases[0]) if rng.random() < 0.5 else booking_stem(rng)
    for social in group.socials:  # the controller's own accounts, used to recruit
        group.authors[(social, -1)] = new_author(rng, registry, social, recruiting_stem)
    return group


def new_independent(rng: random.Random, registry: Registry) -> Independent:
    """An independent adult with her own contacts, home city and habits."""
    name = rng.choice(PERSONAS)
    age = rng.randint(19, 45) if rng.random() < 0.8 else rng.randint(19, 24)
    stem = ascii_name(name)
    handles = [
        (platform, new_handle(rng, registry, stem, platform))
        for platform in rng.sample(PLATFORMS, rng.choice((0, 1, 1, 2)))
    ]
    sites = rng.sample(AD_SITES, rng.choice((1, 1, 2, 3)))
    return Independent(
        actor=registry.next_id("i", 5, 10_000),
        person=registry.person_id(),
        name=name,
        age=age,
        states_age=rng.random() < 0.75,
        phones=[new_phone(rng, registry, _country(rng)) for _ in range(rng.choice((1, 1, 1, 2)))],
        handles=handles,
        home=rng.choice(WEIGHTED),
        sites=sites,
        authors={site: new_author(rng, registry, site, stem) for site in sites},
        album=new_album(rng, rng.randint(1, 6)),
        first_day=rng.randint(FIRST_DAY, LAST_DAY - 20),
        english=rng.random() < 0.08,
        student=age <= 24 and rng.random() < 0.3,
    )


def new_recruiter(rng: random.Random, registry: Registry) -> Recruiter:
    """A recruiting account seen without ads."""
    alias = rng.choice(CONTROLLERS)
    platform = rng.choice(("snapchat", "telegram", "instagram"))
    socials = rng.sample(SOCIAL_APPS, rng.randint(1, 2))
    stem = booking_stem(rng)
    return Recruiter(
        actor=registry.next_id("r", 4, 1000),
        person=registry.person_id(),
        alias=alias,
        phone=new_phone(rng, registry) if rng.random() < 0.3 else None,
        handle=(platform, new_handle(rng, registry, stem, platform)),
        socials=socials,
        authors={s: new_author(rng, registry, s, stem) for s in socials},
        place=rng.choice(WEIGHTED),
        english=rng.random() < 0.05,
    )


def new_benign(rng: random.Random, registry: Registry) -> BenignPoster:
    """A benign poster on a classified site or a social app."""
    name = rng.choice(BENIGN_NAMES + PERSONAS[:10])
    topic = rng.choice(BENIGN_TOPICS)
    source = rng.choice(CLASSIFIEDS) if rng.random() < 0.75 else rng.choice(SOCIAL_APPS)
    handle = None
    if rng.random() < 0.35:
        platform = rng.choice(("snapchat", "instagram", "instagram", "telegram"))
        handle = (platform, new_handle(rng, registry, ascii_name(name), platform))
    phone = new_phone(rng, registry) if handle is None or rng.random() < 0.5 else None
    author = new_author(rng, registry, source, ascii_name(name)) if rng.random() < 0.8 else None
    return BenignPoster(
        actor=registry.next_id("b", 5, 10_000),
        person=registry.person_id(),
        name=name,
        topic=topic,
        phone=phone,
        handle=handle,
        place=rng.choice(WEIGHTED),
        source=source,
        author=author,
        album=new_album(rng, rng.randint(1, 3)) if rng.random() < 0.5 else [],
    )
