"""Analysis rows as `save_analyses` takes them, for tests that write the store directly."""

from __future__ import annotations

import time


def blank_analysis(pk: int, **fields) -> dict:
    """The analysis of post `pk` with nothing extracted and no flag, but for `fields`."""
    return {
        "post_pk": pk,
        "phones": "[]",
        "handles": "[]",
        "stated_ages": "[]",
        "prices": "[]",
        "mentions": "{}",
        "city": None,
        "department": None,
        "obfuscated_phones": 0,
        "flags": 0,
        "indicators": "[]",
        "network_id": None,
        "analyzed_at": time.time(),
        **fields,
    }
