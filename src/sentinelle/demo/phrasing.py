"""Phrasing machinery: choices in phrase banks, per-actor writing styles, slot filling.

A variant such as "[dispo|disponible] sur {city}" is resolved once into a phrase with slots
("dispo sur {city}"), then restyled the way its author writes (lower case, no accents,
leetspeak, doubled letters) and filled per post. Groups keep one resolved template for all
their ads, which is how analysts recognise them; independents keep theirs loosely.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from sentinelle.text.normalize import strip_accents

_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"(\{\w+\})")
_ALTERNATES = 6  # ways an author has to say one part
# Words ads disguise in leetspeak: the ones moderation filters look for, not random words.
LEET_TARGETS = frozenset(
    (
        "dispo", "disponible", "nouvelle", "jeune", "petite", "contact", "appart", "rdv",
        "discrete", "discretion", "reservation", "filles", "copines", "plan", "sous", "logement",
        "argent", "gagner", "recrute", "annonce", "annonces", "tarif", "tarifs", "snap",
        "telegram", "passage", "etudiante", "manager", "agence", "securite", "nouvelles",
    )
)  # fmt: skip
_LEET = str.maketrans({"o": "0", "i": "1", "e": "3", "a": "4", "s": "5"})


@lru_cache(maxsize=4096)
def _pieces(variant: str) -> tuple[str | tuple[str, ...], ...]:
    """Split a variant into literal text and choice tuples (parsed once per variant)."""
    out: list[str | tuple[str, ...]] = []
    last = 0
    for match in _CHOICE.finditer(variant):
        out.append(variant[last : match.start()])
        out.append(tuple(match.group(1).split("|")))
        last = match.end()
    out.append(variant[last:])
    return tuple(piece for piece in out if piece != "")


def resolve(rng: random.Random, variant: str) -> str:
    """Make every `[a|b]` choice of a variant; slots stay for later."""
    text = "".join(p if isinstance(p, str) else rng.choice(p) for p in _pieces(variant))
    return re.sub(" {2,}", " ", text).strip() if "  " in text else text.strip()


@dataclass(slots=True)
class Style:
    """How one author writes: casing, accents, leetspeak, separators, emoji habits."""

    casing: str = "as_is"  # as_is, lower, upper_first, shout
    drop_accents: bool = False
    leet: float = 0.0  # share of filter-prone words ("dispo", "nouvelle") in leetspeak
    stretch: float = 0.0  # share of words with a doubled last letter ("dispooo")
    separators: tuple[str, ...] = (", ",)
    emoji: tuple[str, ...] = ()
    emoji_rate: float = 0.0
    english: bool = False
    bullets: bool = False  # one line per part, each led by an emoji ("📍 Lyon", "📞 06...")

    def restyle(self, rng: random.Random, phrase: str) -> str:
        """Apply the style to a resolved phrase without touching its `{slots}`."""
        if self.casing == "as_is" and not (self.drop_accents or self.leet or self.stretch):
            return phrase
        chunks = _SLOT.split(phrase)
        return "".join(
            chunk if chunk.startswith("{") else self._restyle_words(rng, chunk) for chunk in chunks
        )

    def _restyle_words(self, rng: random.Random, text: str) -> str:
        if self.drop_accents:
            text = strip_accents(text)
        if self.casing == "lower":
            text = text.lower()
        elif self.casing == "shout" and rng.random() < 0.3:
            text = text.upper()
        if self.leet or self.stretch:
            text = " ".join(self._word(rng, word) for word in text.split(" "))
        return text

    def _word(self, rng: random.Random, word: str) -> str:
        if self.leet and strip_accents(word.lower()) in LEET_TARGETS and rng.random() < self.leet:
            return word.translate(_LEET)
        if len(word) >= 4 and word.isalpha() and rng.random() < self.stretch:
            return word + word[-1] * rng.randint(1, 3)
        return word


def new_style(
    rng: random.Random, emoji_bank: tuple[str, ...], english: bool = False, disguise: bool = True
) -> Style:
    """A writing style drawn for one author (`disguise`: may write in leetspeak)."""
    roll = rng.random()
    casing = "lower" if roll < 0.25 else "shout" if roll < 0.32 else "as_is"
    seps = rng.choice(
        (
            (", ",), (". ",), (" - ",), ("\n",), ("\n", ", "), (" | ",), ("!! ", ", "),
            (" ✨ ",), ("... ",), (" ",),
        )
    )  # fmt: skip
    emoji_count = rng.choice((0, 0, 1, 2, 3))
    return Style(
        casing=casing,
        drop_accents=rng.random() < 0.2,
        leet=rng.choice((0.0, 0.0, 0.0, 0.3, 0.6)) if disguise else 0.0,
        stretch=rng.choice((0.0, 0.0, 0.0, 0.1)),
        separators=seps,
        emoji=tuple(rng.sample(emoji_bank, emoji_count)),
        emoji_rate=rng.choice((0.1, 0.3, 0.5)) if emoji_count else 0.0,
        english=english,
        bullets=rng.random() < 0.12,
    )


@dataclass(slots=True)
class Template:
    """An author's resolved phrasing: one restyled phrase per part, in the author's order."""

    style: Style
    bank: dict[str, tuple[str, ...]]
    order: list[str]
    phrases: dict[str, str] = field(default_factory=dict)
    alternates: dict[str, list[str]] = field(default_factory=dict)

    def draw(self, rng: random.Random, part: str) -> str:
        """Another of the author's ways to say `part` (used to vary a single post).

        An author has a handful of ways per part, not infinitely many: the first few draws
        are fresh, later ones reuse them (which also keeps generation fast).
        """
        pool = self.alternates.get(part)
        if pool is None:
            pool = self.alternates[part] = []
        if len(pool) < _ALTERNATES:
            pool.append(self.style.restyle(rng, resolve(rng, rng.choice(self.bank[part]))))
            return pool[-1]
        return rng.choice(pool)

    def phrase(self, rng: random.Random, part: str) -> str:
        """The author's phrase for `part`, drawn on first use."""
        phrase = self.phrases.get(part)
        if phrase is None:
            phrase = self.phrases[part] = self.style.restyle(
                rng, resolve(rng, rng.choice(self.bank[part]))
            )
        return phrase


def new_template(
    rng: random.Random, style: Style, bank: dict[str, tuple[str, ...]], order: list[str]
) -> Template:
    """A template drawing every part of `order` now, so authors differ from their first post."""
    template = Template(style, bank, order)
    for part in order:
        if part in bank:
            template.phrase(rng, part)
    return template


class Slots(dict):
    """Slot values for `str.format_map`, computed only when a phrase uses the slot.

    Lazy on purpose: rendering a phone or an age records it in the truth, so only slots the
    text really shows may be rendered. A slot with no value and no factory renders empty.
    """

    def __init__(self, factories: dict[str, Callable[[], str]], **values: str) -> None:
        super().__init__(values)
        self.factories = factories

    def __missing__(self, key: str) -> str:
        factory = self.factories.get(key)
        value = factory() if factory is not None else ""
        self[key] = value
        return value


def tidy(phrase: str) -> str:
    """Collapse the double spaces an empty slot leaves ("Léa  - Lyon")."""
    return re.sub(" {2,}", " ", phrase).strip() if "  " in phrase else phrase.strip()


def join_parts(rng: random.Random, style: Style, phrases: list[str]) -> str:
    """Join filled phrases with the author's separators and emoji habit."""
    out: list[str] = []
    separators = style.separators
    single = separators[0] if len(separators) == 1 else None
    for index, phrase in enumerate(phrases):
        if index:
            separator = single or rng.choice(separators)
            if phrase and out[-1][-1:] and out[-1][-1] in "?!." and separator[:1] in ".,":
                separator = " "  # no "?." or "!,"
            out.append(separator)
        out.append(phrase)
        if style.emoji and rng.random() < style.emoji_rate:
            out.append(" " + rng.choice(style.emoji))
    return "".join(out)
