"""Keyed tags of export pseudonyms: what the store indexes so that a pseudonym can be looked
up without hashing every identifier, and without the store alone being able to map an
export's pseudonyms back (the tag needs the server's key, as the pseudonym does)."""

from __future__ import annotations

import hashlib
import hmac

from sentinelle.privacy.pseudonyms import PREFIX, pseudonym

_TAG = b"sentinelle pseudonym index\x00"
_FINGERPRINT = b"sentinelle pseudonym index key\x00"


def key_fingerprint(key: bytes) -> str:
    """Names the key the stored tags were made with (a new key voids them)."""
    return hmac.new(key, _FINGERPRINT, hashlib.sha256).hexdigest()[:32]


def tag_of_pseudonym(key: bytes, pid: str) -> str:
    """The tag of a bare pseudonym (`pid:…`)."""
    return hmac.new(key, _TAG + pid.encode(), hashlib.sha256).hexdigest()[:32]


def tag_of_value(key: bytes, value: str) -> str:
    """The tag of an identifier value: the tag of the pseudonym an export gives it."""
    return tag_of_pseudonym(key, pseudonym(key, value))


def split_pseudonym(query: str) -> tuple[str, str] | None:
    """(platform or "", bare `pid:…`) of a pseudonym as exports write them (`pid:…`,
    `snapchat:pid:…`); None when the query is not one."""
    query = query.strip().lower()
    platform, _, rest = query.partition(":" + PREFIX)
    if rest and platform:
        return platform, PREFIX + rest
    if query.startswith(PREFIX) and len(query) > len(PREFIX):
        return "", query
    return None
