"""Entity-level indicators: what the posts sharing a contact or a photo say together.

An analyst reads one number under five names in three cities differently from five
unrelated ads, and reads an ad whose photos also appear in a "16 ans" ad differently from
one whose photos appear nowhere else; these facts carry that reasoning into the scores, and
the indicators point to the contact or photo they came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from sentinelle.indicators.indicator import Indicator
from sentinelle.privacy.masking import mask_handle, mask_phone
from sentinelle.records import Extraction, Post
from sentinelle.text.normalize import fold

ENTITY_FACTS = (
    "contact.posts",
    "contact.authors",
    "contact.cities",
    "contact.recruits",
    "contact.minor_posts",
    "contact.minor_share",
    "photo.posts",
    "photo.minor_posts",
    "contact.personas",
    "persona.posts",
    "persona.minor_share",
    "persona.stated_minor",
)
# Read by models trained before `contact.authors` (the shipped one): every author name counts.
# Kept as it was so that their scores do not move; models trained since read `contact.authors`.
LEGACY_FACTS = ("contact.names",)
SEVERAL_PERSONAS = 2
SHARED_CONTACT_NAMES = 3
MANY_CITIES = 3
RECRUITMENT_EVIDENCE = frozenset(
    {"recruitment.call_for_recruits", "recruitment.pack_offer", "recruitment.money_offer"}
)
MINOR_EVIDENCE = frozenset(
    {
        "age.stated_minor",
        "age.disguised_minor",
        "age.not_yet_adult",
        "youth.language",
        "youth.school",
        "youth.school_level",
        "youth.emoji",
    }
)
AGENCY = "control.agency_handle"
# What says an age under 18 outright (the deciding minor indicators).
STATED_MINOR = frozenset({"age.stated_minor", "youth.school_level", "age.not_yet_adult"})


@dataclass(slots=True)
class _Entity:
    """The posts behind one contact or photo, and what they say."""

    posts: set[int] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    recruits: set[int] = field(default_factory=set)
    minor: dict[int, str] = field(default_factory=dict)  # post -> evidence of a minor cue
    # first name -> [posts, posts with a minor cue, posts stating an age under 18]
    personas: dict[str, list[int]] = field(default_factory=dict)
    stated: dict[str, int] = field(default_factory=dict)  # first name -> a post stating it
    # first names of the posts that give a phone or handle: what "several personas" counts
    contact_personas: set[str] = field(default_factory=set)
    agency: dict[int, str] = field(default_factory=dict)  # post -> its agency-like handle
    # first name -> the photos of the single-persona ads giving it behind this contact
    name_photos: dict[str, set[str]] = field(default_factory=dict)

    persons_found: int | None = None  # persons(), once the entity is complete

    def persons(self) -> int:
        """How many people the first names behind this contact are: names whose ads show the
        same photo (the same hash, or one re-uploaded: a few bits apart) are one person
        renaming her ads (an independent's "Léa" then "Lola" on her own pictures), not several
        people offered through one contact."""
        if self.persons_found is None:
            self.persons_found = _persons(sorted(self.contact_personas), self.name_photos)
        return self.persons_found


PHOTO_BITS = 4  # a photo re-uploaded: its perceptual hash a few bits apart


def _persons(names: list[str], name_photos: dict[str, set[str]]) -> int:
    """The number of groups of `names` left when names showing the same photo are joined (the
    linker's near-photo pairs and components)."""
    if len(names) < SEVERAL_PERSONAS or not name_photos:
        return len(names)
    import numpy as np

    from sentinelle.link.graph import components
    from sentinelle.link.images import near_pairs, parse_phashes

    number = {name: index for index, name in enumerate(names)}
    owner = [number[name] for name, photos in name_photos.items() for _ in photos]
    hashes = [photo for photos in name_photos.values() for photo in photos]
    left, right = near_pairs(parse_phashes(hashes), PHOTO_BITS)
    owners = np.asarray(owner, np.int64)
    return len(np.unique(components(len(names), owners[left], owners[right])))


def _contacts(extraction: Extraction) -> list[str]:
    return [hit.e164 for hit in extraction.phones] + list(extraction.handles)


def _photos(post: Post) -> list[str]:
    return [f"photo:{phash}" for phash in post.image_phashes]


class _Marks(NamedTuple):
    """What one post adds to each entity it stands in, read once per post (not per key)."""

    author: str | None  # folded
    city: str | None
    recruits: bool
    cue: Indicator | None  # its first minor evidence
    agency: Indicator | None
    stated: bool  # states an age under 18


def _marks(post: Post, extraction: Extraction, fired) -> _Marks:
    return _Marks(
        post.author.casefold() if post.author else None,
        extraction.place.city if extraction.place else post.city,
        any(indicator.code in RECRUITMENT_EVIDENCE for indicator in fired),
        next((indicator for indicator in fired if indicator.code in MINOR_EVIDENCE), None),
        next((indicator for indicator in fired if indicator.code == AGENCY), None),
        any(indicator.code in STATED_MINOR for indicator in fired),
    )


def _add(entity: _Entity, row: int, marks: _Marks, persona: str | None) -> None:
    entity.posts.add(row)
    if marks.author:
        entity.names.add(marks.author)
    if marks.city:
        entity.cities.add(marks.city)
    if marks.recruits:
        entity.recruits.add(row)
    cue = marks.cue
    if cue is not None:
        entity.minor[row] = cue.evidence
    if marks.agency is not None:
        entity.agency[row] = marks.agency.evidence
    if persona is not None:
        counts = entity.personas.setdefault(persona, [0, 0, 0])
        counts[0] += 1
        counts[1] += cue is not None
        counts[2] += marks.stated
        if marks.stated:
            entity.stated.setdefault(persona, row)


# How an ad introduces the person when her name is not in the list of common first names:
# "je suis Ruxandra", "c'est Mirela", "Coucou, Daria ici", "Tamara, 22 ans", "Mei (19)".
_INTRODUCED = re.compile(
    r"(?:\b(?i:je suis|c['’]est|je m['’]appelle|moi c['’]est|hello|coucou|salut|hey|hi|i am"
    r"|i['’]m|bonjour|bonsoir)[\s,!]+)([A-ZÀ-Ý][a-zà-ÿ]{2,15})\b(?!['’])"
    r"|\b([A-ZÀ-Ý][a-zà-ÿ]{2,15})(?:\s+ici\b|\s?[,(]\s?\d{2}\b|\s\d{2}\s?(?:ans|yo|a)\b)"
)
_NOT_A_NAME = frozenset((
    "nouvelle", "nouveau", "dispo", "disponible", "salut", "coucou", "hello", "bonjour", "bonsoir",
    "hey", "moi", "je", "tarif", "prix", "contact", "appart", "appartement", "studio", "chambre",
    "tel", "pour", "les", "des", "une", "jeune", "belle", "jolie", "femme", "fille", "escort",
    "massage", "cherche", "recherche", "vends", "vend", "cours", "famille", "restaurant",
    "clients", "client", "clientèle", "clientele", "messieurs", "hommes", "pas", "age", "âge",
    "enfants", "enfant", "maman", "papa", "mon", "fils", "ado", "ados", "photos", "tarifs",
))  # fmt: skip


def persona_names(post: Post) -> list[str]:
    """The first names an ad gives, in order: those of `link.personas`, else the names it
    introduces ("je suis Ruxandra", "Tamara, 22 ans")."""
    return list(_names_in(f"{post.title or ''}\n{post.text}"))


@lru_cache(maxsize=1 << 14)
def _names_in(text: str) -> tuple[str, ...]:
    """`persona_names` of one text, cached: scoring asks it of each post up to three times
    (entity facts, several people, propagation), and a scoring batch holds a few thousand."""
    from sentinelle.link.personas import personas

    names = personas(text)
    if names:
        return tuple(names)
    found: dict[str, None] = {}
    for match in _INTRODUCED.finditer(text):
        name = match.group(1) or match.group(2)
        if name.lower() not in _NOT_A_NAME:
            found.setdefault(name, None)
    return tuple(found)


def persona_of(post: Post) -> str | None:
    """The first first name an ad gives: who it offers."""
    names = persona_names(post)
    return names[0] if names else None


SEVERAL_PERSONS = "control.several_persons"


def presents_several(post: Post, extraction: Extraction, fired=None) -> bool:
    """An ad that presents several people ("2 copines", "Nina & Ana", "Léa et Nina, 19 et 22 ans",
    "à deux possible").

    Its stated age or youth word belongs to one of them, not to a persona: such an ad is left
    out of persona-level aggregation, as a first name with one age ("Léa 22 ans, c'est Kevin
    qui répond") is not. `fired` are the post's indicators when known (else its terms are read).
    """
    if fired is None:
        from sentinelle.indicators.matcher import term_indicators

        fired = term_indicators(f"{post.title or ''}\n{post.text}")
    if any(indicator.code == SEVERAL_PERSONS for indicator in fired):
        return True
    text = f"{post.title or ''}\n{post.text}"
    if _TOGETHER.search(text):
        return True
    names = persona_names(post)
    if any(_joined_to(name, text) for name in names):
        return True  # "Célia & Manon": a first name our list does not know, joined to one it does
    if len(names) < 2:
        return False
    if len({stated.age for stated in extraction.stated_ages}) >= 2:
        return True
    either = "|".join(map(re.escape, names))
    joined = re.compile(rf"\b(?:{either})\s*(?:&|\+|et|and|/)\s*(?:{either})\b")
    return joined.search(text) is not None  # "Nina & Ana", "Léa et Nina"


_CAPITALISED = r"[A-ZÀ-Ý][a-zà-ÿ]{2,15}"


def _joined_to(name: str, text: str) -> bool:
    """A first name joined by "&", "+" or "/" to another capitalised word ("Célia & Manon")."""
    return _joined_pattern(name).search(text) is not None


@lru_cache(maxsize=1024)
def _joined_pattern(name: str) -> re.Pattern[str]:
    other = rf"(?!{re.escape(name)}\b){_CAPITALISED}"
    return re.compile(
        rf"\b(?:{re.escape(name)}\s*[&+/]\s*{other}|{other}\s*[&+/]\s*{re.escape(name)})\b"
    )


# "à deux possible", "rdv à deux", "en duo": an offer of two people
_TOGETHER = re.compile(r"(?i)\b(?:[àa] deux (?:possible|dispo)|rdv [àa] deux|en duo)\b")


def persona_names_of(posts, extractions, indicators) -> tuple[list[str | None], list[list[str]]]:
    """Per post, the one persona it presents (None for a multi-person ad or no first name) and
    every first name it gives (several first names behind one contact count either way)."""
    names = [persona_names(post) for post in posts]
    single = [
        None if not given or presents_several(post, extraction, fired) else given[0]
        for post, extraction, fired, given in zip(
            posts, extractions, indicators, names, strict=True
        )
    ]
    return single, names


def _networks(network_ids: list[str | None] | None, row: int) -> list[str]:
    """The linker's network of a post as one more key for persona facts (never for contacts)."""
    if network_ids is None or network_ids[row] is None:
        return []
    return [f"network:{network_ids[row]}"]


def _entities(posts, extractions, marks, names, given, network_ids) -> defaultdict[str, _Entity]:
    entities: defaultdict[str, _Entity] = defaultdict(_Entity)
    for row, (post, extraction) in enumerate(zip(posts, extractions, strict=True)):
        contacts = _contacts(extraction)
        # a multi-person ad (no single persona) still shows its first names
        shown = [names[row]] if names[row] is not None else given[row]
        for key in contacts + _photos(post) + _networks(network_ids, row):
            entity = entities[key]
            _add(entity, row, marks[row], names[row])
            for name in shown:
                entity.personas.setdefault(name, [0, 0, 0])
            if contacts:
                entity.contact_personas.update(shown)
                if names[row] is not None and post.image_phashes:
                    photos = entity.name_photos.setdefault(names[row], set())
                    photos.update(post.image_phashes)
    return entities


def _shown(key: str) -> str:
    """How evidence names a contact: masked, since evidence is shown and exported unmasked."""
    if key.startswith("+"):
        return mask_phone(key)
    if key.startswith("network:"):
        return f"network {key.partition(':')[2]}"
    if ":" in key:
        return mask_handle(key)
    return f"photo {key[:4]}…"


def _contact_facts(row: int, key: str, entity: _Entity, facts: dict, found: list) -> None:
    others = len(entity.posts) - 1
    # counted, not copied without the row: a network's entity holds thousands of posts
    minor_others = len(entity.minor) - (row in entity.minor)
    recruits = len(entity.recruits) - (row in entity.recruits)
    facts["contact.posts"] = max(facts["contact.posts"], len(entity.posts))
    authors = _authors(entity)  # one woman's accounts under her first name count once
    facts["contact.names"] = max(facts["contact.names"], len(entity.names))
    facts["contact.authors"] = max(facts["contact.authors"], authors)
    facts["contact.cities"] = max(facts["contact.cities"], len(entity.cities))
    facts["contact.recruits"] = max(facts["contact.recruits"], recruits)
    facts["contact.minor_posts"] = max(facts["contact.minor_posts"], minor_others)
    if others:
        facts["contact.minor_share"] = max(facts["contact.minor_share"], minor_others / others)
    if authors >= SHARED_CONTACT_NAMES:
        found.append(Indicator("control.shared_contact", f"{_shown(key)}: {authors} names"))
    if len(entity.cities) >= MANY_CITIES:
        found.append(
            Indicator("control.many_cities", f"{_shown(key)}: {len(entity.cities)} cities")
        )
    if recruits:
        found.append(
            Indicator("recruitment.same_handle", f"{_shown(key)}: {recruits} recruitment posts")
        )


def _authors(entity: _Entity) -> int:
    """The author names behind a contact, those holding one of its first names counted once
    per first name: "ana9439", "ana_3433" and "ana_7302" are one woman's accounts (an
    independent opening a new one when a site closes hers), not three people sharing a phone.
    On demo tuning seed 102, 2,047 of the 2,061 independents' posts firing
    `control.shared_contact` had three author names of one first name."""
    if len(entity.names) < SHARED_CONTACT_NAMES or not entity.contact_personas:
        return len(entity.names)
    firsts = sorted({fold(name) for name in entity.contact_personas}, key=len, reverse=True)
    return len({_owner(author, firsts) for author in entity.names})


def _owner(author: str, firsts: list[str]) -> str:
    """The first name an author name holds as a word ("nour-off3084", "nour_4467": "nour"),
    else the author name itself."""
    folded = fold(author)
    for name in firsts:
        at = folded.find(name)
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not folded[at - 1].isalpha()) and (
                end == len(folded) or not folded[end].isalpha()
            ):
                return name
            at = folded.find(name, at + 1)
    return author


# A cue read for the same person's other ads must repeat: an adult uses a youth word now and
# then (one ad in twenty in one synthetic corpus), a minor's ads carry one in a third or more.
REPEATED_CUES = 2
CUE_SHARE = 0.2


def _minor_cue(
    row: int, key: str, entity: _Entity, names: list[str | None], persona: str
) -> Indicator | None:
    """A minor cue repeated on the other ads of the same first name behind the same contact or
    photo: a group advertises adults and minors side by side, so another name's cue says
    nothing of this one, and a single youth word among many ads says little."""
    others = entity.personas[persona][0] - (names[row] == persona)
    cues = [post for post in entity.minor if post != row and names[post] == persona]
    if not cues or others <= 0:
        return None
    share = len(cues) / others
    if share < 0.5 and not (len(cues) >= REPEATED_CUES and share >= CUE_SHARE):
        return None
    return Indicator(
        "network.minor_cue", f"{_shown(key)}: {entity.minor[cues[0]]!r} in another post"
    )


def _persona_facts(
    key: str, entity: _Entity, persona: str, counted: bool, own: _Marks, facts: dict
) -> Indicator | None:
    """The other ads of the same first name behind one contact or photo: how many, how many
    with a minor cue, how many stating an age under 18 (an indicator names one of those).

    `counted` says the post is among the persona's own ads (a multi-person ad is not: it reads
    the facts of each first name it gives, and lends none); `own` are the post's marks."""
    posts, minor, stated = entity.personas[persona]
    mine = counted and own.cue is not None
    said = own.stated
    others, minor, stated = posts - counted, minor - mine, stated - (counted and said)
    if others <= 0:
        return None
    facts["persona.posts"] = max(facts["persona.posts"], others)
    facts["persona.minor_share"] = max(facts["persona.minor_share"], minor / others)
    facts["persona.stated_minor"] = max(facts["persona.stated_minor"], stated)
    if stated and not said:
        return Indicator(
            "persona.stated_minor",
            f"{_shown(key)}: {persona}, {stated} posts state an age under 18",
        )
    return None


def _agency_elsewhere(
    row: int, keys: list[str], entities: Mapping[str, _Entity], own: _Marks
) -> Indicator | None:
    """`control.agency_handle` for a post whose phone, handle or network also stands in an ad
    giving an agency-like handle: the number is the agency's, whether or not this ad shows
    the handle. Read only for posts that give a contact (a post tied by wording alone may be
    an independent's)."""
    if own.agency is not None:
        return None
    for key in keys:
        other = next((post for post in entities[key].agency if post != row), None)
        if other is not None:
            handle = entities[key].agency[other]
            return Indicator(AGENCY, f"{_shown(key)}: {handle} in another ad")
    return None


def _post_entity(
    row, post, extraction, entities, marks: _Marks, names, given, network_ids=None
) -> tuple[dict[str, float], list[Indicator]]:
    # one persona, counted among its ads; or the first names of a multi-person ad, read only
    readings = [(names[row], True)] if names[row] else [(name, False) for name in given[row]]
    facts = dict.fromkeys((*ENTITY_FACTS, *LEGACY_FACTS), 0.0)
    found: list[Indicator] = []
    contacts, photos = _contacts(extraction), _photos(post)  # read once for every use below
    networks = _networks(network_ids, row)
    # persons, not first names: an independent renaming her ads on her own photos is one
    for key in contacts:
        _contact_facts(row, key, entities[key], facts, found)
        facts["contact.personas"] = max(facts["contact.personas"], entities[key].persons())
    for key in photos:
        facts["contact.personas"] = max(facts["contact.personas"], entities[key].persons())
    # Names count where a contact stands behind them: posts without any, tied into one network
    # by their wording alone, are as often independents using a common phrasing (a corpus
    # written apart: 44% of its contactless independents flagged control this way).
    behind = contacts + networks
    several = max((entities[key].persons() for key in behind), default=0)
    if several >= SEVERAL_PERSONAS:
        key = max(behind, key=lambda key: entities[key].persons())
        found.append(Indicator("control.several_personas", f"{_shown(key)}: {several} first names"))
    agency = _agency_elsewhere(row, behind if contacts else [], entities, marks)
    if agency is not None:
        found.append(agency)
    stated_cue = None
    shared = contacts + photos + networks
    for key in shared:
        for persona, counted in readings:
            cue = _persona_facts(key, entities[key], persona, counted, marks, facts)
            stated_cue = cue or stated_cue
    if stated_cue is not None:
        found.append(stated_cue)
    for key in photos:
        entity = entities[key]
        facts["photo.posts"] = max(facts["photo.posts"], len(entity.posts))
        minor_others = len(entity.minor) - (row in entity.minor)
        facts["photo.minor_posts"] = max(facts["photo.minor_posts"], minor_others)
    if marks.cue is None:  # no minor evidence of its own
        cue = next(
            (
                cue
                for key in shared
                for persona, _ in readings
                if (cue := _minor_cue(row, key, entities[key], names, persona)) is not None
            ),
            None,
        )
        if cue is not None:
            found.append(cue)
    return facts, found


def entity_indicators(
    posts: list[Post],
    extractions: list[Extraction],
    indicators: list[list[Indicator]],
    network_ids: list[str | None] | None = None,
) -> tuple[list[list[Indicator]], list[dict[str, float]]]:
    """Per post: the entity indicators that fire and the contact and photo facts behind them."""
    names, given = persona_names_of(posts, extractions, indicators)
    # what each post adds to its entities and reads of itself, read once per post
    marks = [_marks(*row) for row in zip(posts, extractions, indicators, strict=True)]
    entities = _entities(posts, extractions, marks, names, given, network_ids)
    all_found, all_facts = [], []
    for row, (post, extraction) in enumerate(zip(posts, extractions, strict=True)):
        facts, found = _post_entity(
            row, post, extraction, entities, marks[row], names, given, network_ids
        )
        all_found.append(found)
        all_facts.append(facts)
    return all_found, all_facts
