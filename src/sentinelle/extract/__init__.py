"""Identifier extraction: phones, handles, ages, prices, places (placeholder until it lands)."""

from __future__ import annotations

from sentinelle.records import Extraction, Post


def extract_post(post: Post) -> Extraction:
    """Extract every identifier the post carries."""
    return Extraction()


def extract_posts(posts: list[Post]) -> list[Extraction]:
    """Batch form of `extract_post`: the unit a worker or a Spark partition runs."""
    return [extract_post(post) for post in posts]
