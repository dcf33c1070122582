"""The hash chain, pure: each entry's hash covers its content and the previous entry's hash,
so changing, removing or reordering any entry breaks every hash after it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import orjson

GENESIS = "0" * 64
HASHED_FIELDS = ("seq", "at", "actor", "role", "action", "target", "client", "detail")


def _canonical(name: str, value):
    # Times hashed as fixed-point text: a float read back from any database hashes the same.
    return f"{float(value):.6f}" if name == "at" else value


def entry_hash(prev_hash: str, entry: dict) -> str:
    fields = [_canonical(name, entry[name]) for name in HASHED_FIELDS]
    payload = orjson.dumps([prev_hash, *fields])
    return hashlib.sha256(payload).hexdigest()


@dataclass(frozen=True, slots=True)
class Verification:
    """Outcome of a check: how many entries were good, and the first break if any."""

    checked: int
    broken_at: int | None = None  # seq of the first entry that does not fit
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_entries(entries: Iterable[dict]) -> Verification:
    """Walk the chain in seq order; stop at the first entry that does not fit."""
    prev, expected_seq, checked = GENESIS, 1, 0
    for entry in entries:
        seq = entry["seq"]
        if seq != expected_seq:
            return Verification(checked, seq, f"entry {expected_seq} is missing")
        if entry["prev_hash"] != prev:
            return Verification(checked, seq, "does not follow the entry before it")
        if entry_hash(prev, entry) != entry["hash"]:
            return Verification(checked, seq, "content does not match its hash")
        prev, expected_seq, checked = entry["hash"], expected_seq + 1, checked + 1
    return Verification(checked)
