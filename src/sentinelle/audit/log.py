"""Recording events and verifying the stored chain."""

from __future__ import annotations

import time

import orjson

from sentinelle.audit.chain import KEYED, Verification, entry_hash, verify_entries
from sentinelle.audit.keys import key_for, read_checkpoints, write_checkpoint
from sentinelle.auth.roles import Actor
from sentinelle.errors import SentinelleError
from sentinelle.store import Store
from sentinelle.store.audit import (
    append,
    first_seq,
    iter_entries,
    last_is_keyed,
    recent_entries,
)


def record_event(
    store: Store,
    actor: Actor | None,
    action: str,
    target: str = "",
    client: str = "",
    detail: dict | None = None,
    now: float | None = None,
) -> dict:
    """Append one event (e.g. `post.view`, `identifier.reveal`, `login.failed`) to the chain,
    keyed when a key is set, and write its checkpoint outside the store."""
    key = check_can_record(store)
    base = {
        "at": round(now if now is not None else time.time(), 6),
        "actor": actor.name if actor else "-",
        "role": actor.role if actor else "-",
        "action": action,
        "target": target[:1000],
        "client": client[:100],
        "detail": orjson.dumps(detail or {}, option=orjson.OPT_SORT_KEYS).decode(),
    }

    def make_row(seq: int, prev_hash: str) -> dict:
        entry = {**base, "seq": seq}
        return {
            **entry,
            "prev_hash": prev_hash,
            "hash": entry_hash(prev_hash, entry, key),
            "hash_version": KEYED if key is not None else None,
        }

    row = append(store, make_row)
    write_checkpoint(store, row["seq"], row["hash"])
    return row


def check_can_record(store: Store) -> bytes | None:
    """The key to chain with; `SentinelleError` when the log is keyed and this process has no
    key (an unkeyed entry after keyed ones would break the chain)."""
    key = key_for(store)
    if key is None and last_is_keyed(store):
        raise SentinelleError(
            "the audit log is keyed and no key is set here: set SENTINELLE_AUDIT_KEY (or "
            "SENTINELLE_SECRET_KEY) as the server has it, then run the command again"
        )
    return key


def verify(store: Store) -> Verification:
    checkpoints, _bad = read_checkpoints(store)
    return verify_entries(iter_entries(store), key_for(store), checkpoints, _purge_start(store))


def _purge_start(store: Store) -> tuple[int, str] | None:
    """Where a retention purge left the chain: (first seq kept, hash before it), if any."""
    first = first_seq(store)
    if first is None or first == 1:
        return None
    for entry in recent_entries(store, action="audit.purge", limit=1000):
        detail = orjson.loads(entry["detail"])
        if detail.get("from_seq") == first and isinstance(detail.get("anchor"), str):
            return first, detail["anchor"]
    return None


def announce_purge(store: Store, last_seq: int, anchor: str) -> None:
    """The chain entry a retention purge appends before removing entries 1..last_seq."""
    record_event(
        store,
        None,
        "audit.purge",
        f"entries up to {last_seq}",
        "",
        {"from_seq": last_seq + 1, "anchor": anchor},
    )
