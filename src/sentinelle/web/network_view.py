"""A network as the workspace and API show it: linking's profile (the networks export
object) and the identifier evidence of its posts."""

from __future__ import annotations

import orjson

from sentinelle.link.profile import network_profile
from sentinelle.store.browse import network_aliases_of
from sentinelle.store.networks import network_post
from sentinelle.store.networks import network_posts as linked_network_posts


def identifier_links(posts: list[dict]) -> list[dict]:
    """One row per (post, identifier) with the evidence: how the post wrote it."""
    links = []
    for post in posts:
        for phone in orjson.loads(post.get("phones") or "[]"):
            links.append(
                {
                    "post_pk": post["pk"],
                    "kind": "phone",
                    "value": phone["e164"],
                    "evidence": phone.get("raw", ""),
                }
            )
        for handle in orjson.loads(post.get("handles") or "[]"):
            links.append(
                {"post_pk": post["pk"], "kind": "handle", "value": handle, "evidence": handle}
            )
    return links


class _Fields(dict):
    """A row read by attribute, as linking reads its own query's rows."""

    __getattr__ = dict.__getitem__


def network_object(store, network_id: str, rows: list[dict] | None = None) -> dict | None:
    """The network as the networks export writes it (linking's own profile), or None.
    `rows`: the network's posts as `browse.network_posts` read them, when the caller has them
    (the network page), instead of reading them again."""
    if rows is None:
        members = linked_network_posts(store, network_id).get(network_id)
    else:
        members = [network_post(_Fields(row)) for row in rows]
    if not members:
        return None
    return network_profile(network_id, members, network_aliases_of(store, network_id))
