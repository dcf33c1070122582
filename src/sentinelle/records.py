"""The record types every pipeline step passes around.

Steps are pure functions over lists of these records; the store turns them into rows and back.
Keeping them plain dataclasses lets a cluster engine (PySpark) ship them between workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

POST_KINDS = ("ad", "social_post", "profile", "message")

# The input contract's fields, in its order: required ones, then optional ones.
POST_REQUIRED = ("id", "source", "kind", "text", "posted_at")
POST_OPTIONAL = ("url", "city", "title", "author", "image_phashes")
POST_FIELDS = POST_REQUIRED + POST_OPTIONAL

# How a phone number was obscured: the extractor records these, the demo generator writes them.
PHONE_TRICKS = (
    "letter_digits",
    "spaced_digits",
    "keycap_emoji",
    "unicode_digits",
    "number_words",
    "inserted_filler",
    "line_break",
    "odd_separators",
)


@dataclass(slots=True)
class Post:
    """One post as the input contract defines it (`../shared/contract/posts.md`)."""

    source: str
    id: str
    kind: str
    text: str
    posted_at: str  # ISO 8601 with a UTC offset, exactly as given
    url: str | None = None
    city: str | None = None
    title: str | None = None
    author: str | None = None
    image_phashes: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # unknown input fields, kept as they are

    @classmethod
    def from_contract(cls, fields: dict) -> Post:
        """A record of the input contract (already checked): its named fields, the rest in
        `extra`. Validation and the store's old history rows both read records this way."""
        return cls(
            source=fields["source"],
            id=fields["id"],
            kind=fields["kind"],
            text=fields["text"],
            posted_at=fields["posted_at"],
            url=fields.get("url"),
            city=fields.get("city"),
            title=fields.get("title"),
            author=fields.get("author"),
            image_phashes=fields.get("image_phashes") or [],
            extra={k: v for k, v in fields.items() if k not in POST_FIELDS},
        )


@dataclass(slots=True, frozen=True)
class PhoneHit:
    """A phone number found in a post and how it was written.

    `tricks` is empty for a plainly written number, otherwise the obfuscation tricks seen,
    e.g. ("letter_digits", "number_words") from `PHONE_TRICKS`: an obscured
    number is itself an indicator. `in_plan` is False for a well-formed number outside its
    country's allocated plan today (a range not yet opened, the blocks reserved for fiction):
    still an identifier when written as a contact.
    """

    e164: str
    raw: str
    tricks: tuple[str, ...] = ()
    in_plan: bool = True

    @property
    def obfuscated(self) -> bool:
        return bool(self.tricks)


@dataclass(slots=True, frozen=True)
class StatedAge:
    """An age the text states ("16 ans", "née en 2008"), with the words that state it."""

    age: int
    evidence: str


@dataclass(slots=True, frozen=True)
class Price:
    """A price the text states, with its unit ("30min", "1h", "nuit") when given."""

    amount: float
    currency: str
    unit: str | None
    evidence: str


@dataclass(slots=True, frozen=True)
class Place:
    """A French commune with its department code (e.g. "Clermont-Ferrand", "63")."""

    city: str
    department: str


@dataclass(slots=True)
class Extraction:
    """Everything extraction finds in one post."""

    phones: list[PhoneHit] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)  # "platform:handle", lower case
    stated_ages: list[StatedAge] = field(default_factory=list)
    prices: list[Price] = field(default_factory=list)
    emoji: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)  # platform names mentioned
    place: Place | None = None
    places_mentioned: list[Place] = field(default_factory=list)

    @property
    def phone_numbers(self) -> list[str]:
        return [hit.e164 for hit in self.phones]


def content_hash(post: Post) -> str:
    """A digest of everything the post says, so a re-ingested post (or an old version of it)
    is recognised as known, whichever path it came by (CLI, API, Spark)."""
    import hashlib

    import orjson

    payload = orjson.dumps(
        [
            post.kind,
            post.text,
            post.posted_at,
            post.url,
            post.city,
            post.title,
            post.author,
            post.image_phashes,
            post.extra,
        ],
        option=orjson.OPT_SORT_KEYS,
    )
    return hashlib.blake2b(payload, digest_size=16).hexdigest()
