"""Recording events and verifying the stored chain."""

from __future__ import annotations

import time

import orjson

from sentinelle.audit.chain import KEYED, Verification, entry_hash, verify_entries
from sentinelle.audit.keys import key_for, read_checkpoints, write_checkpoint
from sentinelle.auth.roles import Actor
from sentinelle.store import Store
from sentinelle.store.audit import append, iter_entries


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
    key = key_for(store)
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


def verify(store: Store) -> Verification:
    checkpoints, _bad = read_checkpoints(store)
    return verify_entries(iter_entries(store), key_for(store), checkpoints)
