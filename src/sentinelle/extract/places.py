"""Places: resolve a city to a French commune with its department (placeholder until the gazetteer lands)."""

from __future__ import annotations

from sentinelle.records import Place


def locate(city_field: str | None, text: str) -> Place | None:
    """The post's place: the site's `city` metadata first, else a commune named in the text."""
    return None


def find_places(text: str) -> list[Place]:
    """Every commune named in the text, in order of appearance."""
    return []
