"""What a search box query names: the identifier values posts are indexed by, read as
extraction reads them (a phone in any written form, a handle with or without its platform)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sentinelle.extract.dialing import read_international, read_national
from sentinelle.extract.handles import find_handles
from sentinelle.extract.phones import find_phones

# Platforms a bare name may be a handle on, as extraction writes them.
HANDLE_KEYWORDS = ("snapchat", "telegram", "instagram", "signal")
_NAME = re.compile(r"@?[\w.\-]{3,60}")


def _digits(query: str) -> str:
    return "".join(
        str(unicodedata.digit(c)) for c in query if unicodedata.digit(c, None) is not None
    )


def phone_values(query: str) -> list[str]:
    """E.164 numbers in the query however written ("06.75.99.13.72", "+33 6 75…", "𝟘𝟞…")."""
    found = [hit.e164 for hit in find_phones(query)]
    digits = _digits(query)
    if not found and len(digits) >= 8:
        if query.lstrip().startswith("+"):
            read = read_international(digits)
        elif digits.startswith("00"):
            read = read_international(digits[2:])
        else:
            read = read_national(digits) or read_international(digits)
        if read:
            found.append(read[0])
    return list(dict.fromkeys(found))


def handle_values(query: str, sources: Iterable[str] = ()) -> list[str]:
    """`platform:name` values the query may name: as written ("snap: lea_77"), with a platform
    prefix ("snapchat:lea_77"), or a bare name tried on every platform and site."""
    query = query.strip()
    found = find_handles(query)
    platform, colon, name = query.partition(":")
    if colon and platform.strip() and name.strip():
        found.append(f"{platform.strip().lower()}:{name.strip().lstrip('@').lower()}")
        found += find_handles(f"{platform} : {name}")
    elif _NAME.fullmatch(query) and not query.lstrip("@").isdigit():
        name = query.lstrip("@").lower()
        for keyword in HANDLE_KEYWORDS:
            found += find_handles(f"{keyword}: @{name}")
        found += [f"{source.lower()}:{name}" for source in sources]
    return list(dict.fromkeys(found))


def identifier_values(query: str, sources: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(kind, value) pairs the query may name, phones first."""
    phones = [("phone", value) for value in phone_values(query)]
    named = find_handles(query) if phones else handle_values(query, sources)
    handles = [("handle", value) for value in named]
    return phones + handles
