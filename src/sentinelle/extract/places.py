"""Places: resolve a post to a French commune with its department.

The gazetteer lives in `sentinelle.places`; this module is the interface the pipeline calls.
"""

from __future__ import annotations

from sentinelle.places.cityfield import resolve_city
from sentinelle.places.departments import department_name
from sentinelle.places.gazetteer import coordinates
from sentinelle.places.mentions import find_places
from sentinelle.records import Place

__all__ = ["coordinates", "department_name", "find_places", "locate", "resolve_city"]


def locate(city_field: str | None, text: str, mentioned: list[Place] | None = None) -> Place | None:
    """The post's place: the site's `city` metadata first, else the first commune the text names.

    Pass `mentioned` (the text's `find_places`) when already computed: the text is read once.
    """
    place = resolve_city(city_field)
    if place is not None:
        return place
    if mentioned is None:
        mentioned = find_places(text)
    return mentioned[0] if mentioned else None
