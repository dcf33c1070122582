"""Post rows prepared for tables in Python: formatting here is several times cheaper than in
the template, which matters for a list page that must answer fast under load."""

from __future__ import annotations

from hashlib import blake2b
from threading import Lock
from urllib.parse import quote_plus

from sentinelle.privacy.masking import raw_identifiers
from sentinelle.privacy.recognise import mask_text
from sentinelle.store.browse import FLAG_BITS
from sentinelle.web.dates import human


def post_href(source: str, post_id: str) -> str:
    """`/post?` + urlencode({"source": …, "id": …}), built directly (urlencode's generality
    was a twentieth of a cold network page of 233 rows)."""
    return f"/post?source={quote_plus(source)}&id={quote_plus(post_id)}"


def score_cells(row: dict) -> list[tuple[str, bool, str]]:
    """(shown, flagged, exact) per label, in FLAG_BITS order; "–" when not scored."""
    flags = row.get("flags") or 0
    cells = []
    for label, bit in FLAG_BITS.items():
        value = row.get(f"score_{label}")
        if value is None:
            cells.append(("–", False, ""))
        else:
            cells.append((f"{value:.2f}", bool(flags & bit), f"{value:.4f}"))
    return cells


def masked_label(row: dict, length: int) -> str:
    """The title, else the start of the text, with identifiers masked: a list must not show
    what the post page hides."""
    label = row.get("title") or row.get("snippet") or ""
    phones, handles = row.get("phones"), row.get("handles")
    key = blake2b(f"{label}\x00{phones}\x00{handles}".encode(), digest_size=16).digest()
    masked = _MASKED.get(key)
    if masked is None:
        masked = mask_text(label, raw_identifiers(phones, handles))
        with _MASKED_LOCK:  # routes run in threads
            if len(_MASKED) >= _MASKED_MAX:
                del _MASKED[next(iter(_MASKED))]  # the oldest
            _MASKED[key] = masked
    return masked[:length]


# Masked labels kept per process: the same posts come back in searches for a network's
# identifiers and in lists (0.1-1 ms each to mask; 500 rows a search). Keyed by a digest and
# holding only masked labels, so no identifier stays in the process in clear; a label whose
# post or identifiers were purged is never asked for again and leaves, oldest first.
_MASKED: dict[bytes, str] = {}
_MASKED_MAX = 20_000
_MASKED_LOCK = Lock()


def table_row(row: dict) -> dict:
    place = row.get("place") or ""
    if row.get("department"):
        place = f"{place} ({row['department']})"
    return {
        "posted": human(row["posted_at"]),
        "posted_iso": row["posted_at"],
        "source": row["source"],
        "kind": row["kind"],
        "place": place,
        "label": masked_label(row, 90),
        "href": post_href(row["source"], row["post_id"]),
        "scores": score_cells(row),
        "network_id": row.get("network_id"),
    }
