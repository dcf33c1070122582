"""Where the audit chain's key and checkpoints live: outside the database, so that write
access to the store is not enough to rewrite the log or cut its tail unseen.

The key: SENTINELLE_AUDIT_KEY, else the file SENTINELLE_AUDIT_KEY_FILE, else derived from the
server's SENTINELLE_SECRET_KEY (the web app passes its own). Without any, entries are chained
with plain SHA-256 (version 1), as stores made before keyed entries were.

Checkpoints: one line per appended entry (seq, hash, MAC) in SENTINELLE_AUDIT_CHECKPOINTS,
else in a file beside a SQLite store (`<db>.audit-checkpoints`)."""

from __future__ import annotations

import hashlib
import hmac
import os
import weakref
from pathlib import Path

import orjson

from sentinelle.store import Store

_KEYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def derive_key(secret: str) -> bytes:
    return hmac.new(secret.encode(), b"sentinelle audit chain", hashlib.sha256).digest()


def use_key(store: Store, key: bytes | None) -> None:
    """The key this process chains `store`'s entries with (the web app's, from its settings)."""
    _KEYS[store.engine] = key


def key_from_env() -> bytes | None:
    if value := os.environ.get("SENTINELLE_AUDIT_KEY"):
        return value.encode()
    if path := os.environ.get("SENTINELLE_AUDIT_KEY_FILE"):
        return Path(path).read_bytes().strip()
    if secret := os.environ.get("SENTINELLE_SECRET_KEY"):
        return derive_key(secret)
    return None


def key_for(store: Store) -> bytes | None:
    if store.engine in _KEYS:
        return _KEYS[store.engine]
    return key_from_env()


def checkpoint_path(store: Store) -> Path | None:
    if path := os.environ.get("SENTINELLE_AUDIT_CHECKPOINTS"):
        return Path(path)
    database = store.engine.url.database
    if store.dialect == "sqlite" and database and database != ":memory:":
        return Path(f"{database}.audit-checkpoints")
    return None


def checkpoint_mac(key: bytes | None, seq: int, entry_hash: str) -> str:
    message = f"{seq}:{entry_hash}".encode()
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def write_checkpoint(store: Store, seq: int, entry_hash: str) -> None:
    """Append one signed checkpoint line (one write, O_APPEND: processes do not interleave)."""
    path = checkpoint_path(store)
    if path is None:
        return
    line = orjson.dumps(
        {"seq": seq, "hash": entry_hash, "mac": checkpoint_mac(key_for(store), seq, entry_hash)}
    )
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError:
        return  # a read-only place: the chain itself still holds
    try:
        os.write(fd, line + b"\n")
    finally:
        os.close(fd)


def read_checkpoints(store: Store) -> tuple[dict[int, str], int]:
    """Checkpoints whose MAC is good, seq -> hash, and how many lines had a bad MAC."""
    path = checkpoint_path(store)
    if path is None or not path.exists():
        return {}, 0
    key = key_for(store)
    good: dict[int, str] = {}
    bad = 0
    for line in path.read_bytes().splitlines():
        try:
            point = orjson.loads(line)
            seq, entry_hash, mac = int(point["seq"]), str(point["hash"]), str(point["mac"])
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            bad += 1
            continue
        if hmac.compare_digest(mac, checkpoint_mac(key, seq, entry_hash)):
            good[seq] = entry_hash
        else:
            bad += 1
    return good, bad
