"""Validation of one input record against the post contract; pure, no I/O."""

from __future__ import annotations

import re
from datetime import datetime

import orjson

from sentinelle.records import POST_FIELDS, POST_KINDS, POST_REQUIRED, Post

MAX_TEXT_CHARS = 100_000  # ads are short; anything longer is an error upstream, not a post
_PHASH = re.compile(r"^[0-9a-fA-F]{16}$")
_REQUIRED = POST_REQUIRED
_OPTIONAL = ("url", "city", "title", "author")  # the optional strings (phashes are a list)
_KNOWN = frozenset(POST_FIELDS)
_STRINGS = ("id", "source", "kind", "text", "posted_at", "url", "city", "title", "author")
# Column widths of the store (`store/schema.py`): PostgreSQL refuses longer values.
MAX_CHARS = {"id": 500, "source": 200, "posted_at": 40}


def unstorable_reason(value: str) -> str | None:
    """Why a string cannot be stored on every engine, or None: PostgreSQL refuses NUL, and no
    database (nor UTF-8) takes a lone surrogate. The CLI, the API and Spark all ask this."""
    if "\x00" in value:
        return f"contains a NUL character at position {value.index(chr(0))}"
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            return f"contains a lone surrogate at position {error.start} (not valid Unicode)"
    return None


def _check_storable(fields: dict) -> None:
    """`RecordError` naming the first field no store could keep."""
    for name in _STRINGS:
        value = fields.get(name)
        if type(value) is str and (reason := unstorable_reason(value)):
            raise RecordError(name, f"{name!r} {reason}")
    for name, limit in MAX_CHARS.items():
        value = fields.get(name)
        if type(value) is str and len(value) > limit:
            raise RecordError(name, f"{name!r} is {len(value):,} characters, over {limit}")
    extra = {k: v for k, v in fields.items() if k not in _KNOWN}
    if extra:
        try:
            orjson.dumps(extra)
        except TypeError as error:
            raise RecordError(None, f"an extra field cannot be stored: {error}") from None


class RecordError(ValueError):
    """A record breaks the contract: which field, and why."""

    def __init__(self, field: str | None, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", bool: "boolean", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def parse_timestamp(value: str) -> float:
    """Epoch seconds of an ISO 8601 timestamp that carries a UTC offset."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RecordError("posted_at", f"not an ISO 8601 date: {value[:60]!r}") from None
    if moment.tzinfo is None:
        raise RecordError("posted_at", f"no UTC offset in {value[:60]!r} (e.g. +01:00)")
    return moment.timestamp()


_KIND_SET = frozenset(POST_KINDS)


def validate_post(fields: dict) -> tuple[Post, float]:
    """The post a record describes and its epoch time, or `RecordError`.

    The common case (a well-formed record) takes a fast path of plain type checks; only a record
    that fails it goes through the field-by-field checks that say what is wrong.
    """
    get = fields.get
    post_id, source, kind, text, posted_at = (
        get("id"),
        get("source"),
        get("kind"),
        get("text"),
        get("posted_at"),
    )
    phashes = get("image_phashes") or []
    if (
        type(post_id) is str
        and type(source) is str
        and type(text) is str
        and type(posted_at) is str
        and kind in _KIND_SET
        and post_id.strip()
        and source.strip()
        and len(text) <= MAX_TEXT_CHARS
        and all(get(name) is None or type(get(name)) is str for name in _OPTIONAL)
        and type(phashes) is list
        and all(type(p) is str and _PHASH.match(p) for p in phashes)
    ):
        _check_storable(fields)
        posted_ts = parse_timestamp(posted_at)
        extra_keys = fields.keys() - _KNOWN
        post = Post(
            source,
            post_id,
            kind,
            text,
            posted_at,
            get("url"),
            get("city"),
            get("title"),
            get("author"),
            [p.lower() for p in phashes] if phashes else [],
            {k: v for k, v in fields.items() if k not in _KNOWN} if extra_keys else {},
        )
        return post, posted_ts
    return _validate_slowly(fields)


def _validate_slowly(fields: dict) -> tuple[Post, float]:
    for name in _REQUIRED:
        value = fields.get(name)
        if value is None:
            raise RecordError(name, f"required field {name!r} is missing")
        if not isinstance(value, str):
            raise RecordError(name, f"{name!r} must be a string, got {_type_name(value)}")
        if name != "text" and not value.strip():
            raise RecordError(name, f"{name!r} is empty")
    if fields["kind"] not in POST_KINDS:
        raise RecordError("kind", f"kind {fields['kind']!r} is not one of {', '.join(POST_KINDS)}")
    if len(fields["text"]) > MAX_TEXT_CHARS:
        raise RecordError(
            "text", f"text is {len(fields['text']):,} characters, over the {MAX_TEXT_CHARS:,} limit"
        )
    for name in _OPTIONAL:
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise RecordError(name, f"{name!r} must be a string or null, got {_type_name(value)}")
    phashes = fields.get("image_phashes") or []
    if not isinstance(phashes, list):
        raise RecordError("image_phashes", f"must be an array, got {_type_name(phashes)}")
    for phash in phashes:
        if not isinstance(phash, str) or not _PHASH.match(phash):
            raise RecordError("image_phashes", f"not a 64-bit hash of 16 hex digits: {phash!r}")
    _check_storable(fields)
    posted_ts = parse_timestamp(fields["posted_at"])
    post = Post.from_contract({**fields, "image_phashes": [p.lower() for p in phashes]})
    return post, posted_ts
