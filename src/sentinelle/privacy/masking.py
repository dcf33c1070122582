"""Masking: enough of an identifier to tell two apart at a glance, not enough to use it."""

from __future__ import annotations

import re

DOT = "•"


def mask_phone(e164: str) -> str:
    """+33612345678 -> +33 6•• ••• •78: country code, first digit, last two digits."""
    digits = e164.lstrip("+")
    if len(digits) < 6:
        return DOT * len(e164)
    country = "33" if digits.startswith("33") else digits[:2]
    rest = digits[len(country) :]
    hidden = DOT * (len(rest) - 3)
    return f"+{country} {rest[0]}{hidden}{rest[-2:]}"


def mask_handle(handle: str) -> str:
    """snapchat:agence_43 -> snapchat:a•••••••3: the platform stays, the name does not."""
    platform, _, name = handle.partition(":")
    if not name:
        platform, name = "", handle
    shown = name[0] + DOT * max(len(name) - 2, 1) + (name[-1] if len(name) > 2 else "")
    return f"{platform}:{shown}" if platform else shown


def mask_identifier(kind: str, value: str) -> str:
    return mask_phone(value) if kind == "phone" else mask_handle(value)


_NOT_SPACE = re.compile(r"\S")  # \s is str.isspace() in `re`: spaces stay as written


def mask_in_text(raw: str) -> str:
    """A raw occurrence in a post's text: keep its first and last characters only (one
    regular expression substitution: a generator per character was a tenth of a cold
    network page, whose labels carry thousands of occurrences)."""
    if len(raw) <= 2:
        return DOT * len(raw)
    return raw[0] + _NOT_SPACE.sub(DOT, raw[1:-1]) + raw[-1]


def raw_identifiers(phones_json: str | None, handles_json: str | None) -> list[str]:
    """How a post wrote its identifiers (phones as written, handle names), for masking."""
    import orjson

    raws = [p.get("raw", "") for p in orjson.loads(phones_json or "[]")]
    raws += [h.partition(":")[2] for h in orjson.loads(handles_json or "[]")]
    return [raw for raw in raws if len(raw.strip()) >= 3]


def mask_all(text: str, raws: list[str]) -> str:
    """`text` with every occurrence of each raw identifier masked."""
    for raw in sorted(set(raws), key=len, reverse=True):
        lowered, needle = text.lower(), raw.lower()
        start = lowered.find(needle)
        while start != -1:
            end = start + len(raw)
            text = text[:start] + mask_in_text(text[start:end]) + text[end:]
            lowered = text.lower()
            start = lowered.find(needle, end)
    return text
