"""Pseudonyms: a keyed HMAC of an identifier, so exports still link posts that share a phone
or handle without giving the phone or handle; without the key they cannot be reversed by
trying every phone number."""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "pid:"


def pseudonym(key: bytes, value: str) -> str:
    if not key:
        raise ValueError("pseudonymisation needs a non-empty key (the server's secret key)")
    return PREFIX + hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:24]


def pseudonymise_export(obj: dict, key: bytes) -> dict:
    """A copy of a post export object with its phones and handles replaced by pseudonyms.

    The handle's platform stays readable (`snapchat:pid:…`): which platform is used matters to
    the analysis and identifies no one.
    """
    handles = []
    for handle in obj.get("handles", []):
        platform, _, name = handle.partition(":")
        handles.append(f"{platform}:{pseudonym(key, handle)}" if name else pseudonym(key, handle))
    from sentinelle.privacy.recognise import mask_text

    indicators = [
        {**item, "evidence": mask_text(item["evidence"])}
        if isinstance(item, dict) and isinstance(item.get("evidence"), str)
        else item
        for item in obj.get("indicators", [])
    ]
    return {
        **obj,
        "indicators": indicators,  # evidence quotes the post: masked like the text
        "phones": [pseudonym(key, phone) for phone in obj.get("phones", [])],
        "handles": handles,
    }


def reveal_detail(settings, kind: str, value: str) -> dict:
    """What the audit log keeps of a reveal: who can read the log must not read the value, yet
    two reveals of the same identifier must be recognisable (the pseudonym)."""
    from sentinelle.privacy.masking import mask_identifier

    return {
        "kind": kind,
        "masked": mask_identifier(kind, value),
        "pseudonym": pseudonym(settings.pseudonym_key, value),
    }
