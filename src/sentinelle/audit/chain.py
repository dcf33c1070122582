"""The hash chain, pure: each entry's hash covers its content and the previous entry's hash,
so changing, removing or reordering any entry breaks every hash after it.

Version 1 entries (older stores, or no key set) hash with plain SHA-256; version 2 entries
with HMAC-SHA256 under a key kept outside the database, so that write access to the store is
not enough to rewrite the chain. Once a keyed entry appears, every later one must be keyed."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass

import orjson

GENESIS = "0" * 64
HASHED_FIELDS = ("seq", "at", "actor", "role", "action", "target", "client", "detail")
KEYED = 2


def _canonical(name: str, value):
    # Times hashed as fixed-point text: a float read back from any database hashes the same.
    return f"{float(value):.6f}" if name == "at" else value


def entry_hash(prev_hash: str, entry: dict, key: bytes | None = None) -> str:
    fields = [_canonical(name, entry[name]) for name in HASHED_FIELDS]
    payload = orjson.dumps([prev_hash, *fields])
    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Verification:
    """Outcome of a check: how many entries were good, and the first break if any."""

    checked: int
    broken_at: int | None = None  # seq of the first entry that does not fit
    reason: str = ""
    tail_missing: bool = False  # entries a checkpoint saw are gone from the end
    keyed: int = 0  # entries checked with the key
    checkpoints: int = 0  # good checkpoints compared

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify_entries(
    entries: Iterable[dict],
    key: bytes | None = None,
    checkpoints: dict[int, str] | None = None,
    start: tuple[int, str] | None = None,
) -> Verification:
    """Walk the chain in seq order; stop at the first entry that does not fit. `checkpoints`
    (seq -> hash, written outside the store) catch a rewritten chain and a cut tail. `start`
    (first seq, hash before it) is where a retention purge left the chain; the `audit.purge`
    entry that says so is itself checked in the walk."""
    checkpoints = {seq: h for seq, h in (checkpoints or {}).items() if seq >= (start or (1,))[0]}
    prev, expected_seq, checked, keyed = GENESIS, 1, 0, 0
    if start is not None:
        expected_seq, prev = start
    for entry in entries:
        seq = entry["seq"]
        version = entry.get("hash_version") or 1
        if seq != expected_seq:
            return Verification(checked, seq, f"entry {expected_seq} is missing", keyed=keyed)
        if entry["prev_hash"] != prev:
            return Verification(checked, seq, "does not follow the entry before it", keyed=keyed)
        if version == KEYED and key is None:
            reason = "entry is keyed but no audit key is set (SENTINELLE_AUDIT_KEY)"
            return Verification(checked, seq, reason, keyed=keyed)
        if version != KEYED and keyed:
            reason = "entry is not keyed though earlier ones are (written without the key?)"
            return Verification(checked, seq, reason, keyed=keyed)
        if entry_hash(prev, entry, key if version == KEYED else None) != entry["hash"]:
            return Verification(checked, seq, "content does not match its hash", keyed=keyed)
        if seq in checkpoints and checkpoints[seq] != entry["hash"]:
            reason = "differs from the checkpoint written when it was added"
            return Verification(checked, seq, reason, keyed=keyed)
        keyed += version == KEYED
        prev, expected_seq, checked = entry["hash"], expected_seq + 1, checked + 1
    last_point = max(checkpoints, default=0)
    if last_point >= expected_seq:
        reason = (
            f"the tail is missing: entries {expected_seq} to {last_point} were written "
            "(checkpoint) and are gone"
        )
        return Verification(
            checked,
            expected_seq,
            reason,
            tail_missing=True,
            keyed=keyed,
            checkpoints=len(checkpoints),
        )
    return Verification(checked, keyed=keyed, checkpoints=len(checkpoints))
