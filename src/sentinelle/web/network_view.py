"""A network as the workspace and API show it, built from the posts that share its id.

The object follows the networks export contract, so the page and `GET /api/networks/{id}`
keep working unchanged when the linking step stores networks of its own.
"""

from __future__ import annotations

import orjson

from sentinelle.store.browse import SCORE_LABELS
from sentinelle.web.itinerary import itinerary


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


def aliases_of(store, network_id: str) -> list[str]:
    """Ids merged into this network by later linking runs."""
    from sentinelle.store.networks import aliases_by_network

    return sorted(aliases_by_network(store).get(network_id, []))


def network_object(network_id: str, posts: list[dict], aliases: list[str] | None = None) -> dict:
    """The networks-export object for posts in time order."""
    links = identifier_links(posts)
    authors = sorted({p["author"] for p in posts if p.get("author")})
    scores = {}
    for label in SCORE_LABELS:
        values = [p[f"score_{label}"] for p in posts if p.get(f"score_{label}") is not None]
        scores[label] = round(max(values), 4) if values else 0.0
    return {
        "network_id": network_id,
        "aliases": aliases or [],
        "post_ids": [[p["source"], p["post_id"]] for p in posts],
        "personas": [],
        "phones": sorted({link["value"] for link in links if link["kind"] == "phone"}),
        "handles": sorted({link["value"] for link in links if link["kind"] == "handle"}),
        "sources": sorted({p["source"] for p in posts}),
        "first_seen": posts[0]["posted_at"] if posts else None,
        "last_seen": posts[-1]["posted_at"] if posts else None,
        "itinerary": itinerary(posts),
        "people_estimate": max(len(authors), 1),
        "scores": scores,
    }
