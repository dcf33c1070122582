"""`sentinelle export networks`: one object per network, as the contract in posts.md defines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

import orjson

from sentinelle.link.profile import network_profile
from sentinelle.store import Store
from sentinelle.store.networks import aliases_by_network, network_posts


def iter_networks(store: Store) -> Iterator[dict]:
    """Every network of two or more posts, in id order."""
    aliases = aliases_by_network(store)
    for network_id, members in sorted(network_posts(store).items()):
        yield network_profile(network_id, members, aliases.get(network_id, []))


def write_jsonl(objects: Iterator[dict], out: IO[bytes]) -> int:
    count = 0
    for obj in objects:
        out.write(orjson.dumps(obj) + b"\n")
        count += 1
    return count
