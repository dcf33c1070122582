"""`sentinelle export networks`: one object per network, as the contract in posts.md defines."""

from __future__ import annotations

from collections.abc import Iterator

from sentinelle.export.posts import write_jsonl
from sentinelle.link.profile import network_profile
from sentinelle.store import Store
from sentinelle.store.networks import aliases_by_network, network_posts

__all__ = ["iter_networks", "write_jsonl"]


def iter_networks(store: Store) -> Iterator[dict]:
    """Every network of two or more posts, in id order."""
    aliases = aliases_by_network(store)
    for network_id, members in sorted(network_posts(store).items()):
        yield network_profile(network_id, members, aliases.get(network_id, []))
