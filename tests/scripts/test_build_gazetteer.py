"""The pure parts of the gazetteer build script: geometry reading and the word flag."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
_spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def _ewkb_point(lon: float, lat: float) -> str:
    return (b"\x01" + struct.pack("<II2d", 1 | 0x20000000, 4326, lon, lat)).hex()


def _wkb_polygon(points: list[tuple[float, float]]) -> str:
    flat = [value for point in points for value in point]
    return (b"\x01" + struct.pack(f"<III{len(flat)}d", 3, 1, len(points), *flat)).hex()


def test_a_point_gives_its_latitude_and_longitude() -> None:
    assert build._coordinates(_ewkb_point(3.08, 45.78)) == (45.78, 3.08)


def test_a_polygon_gives_the_centre_of_its_bounds() -> None:
    square = [(2.0, 48.0), (3.0, 48.0), (3.0, 49.0), (2.0, 49.0), (2.0, 48.0)]
    assert build._coordinates(_wkb_polygon(square)) == (48.5, 2.5)


def test_a_missing_geometry_gives_none() -> None:
    assert build._coordinates("\\N") is None
    assert build._coordinates("") is None


def test_a_phrase_is_made_only_of_words() -> None:
    words = frozenset({"sens", "cheval", "blanc", "saint"})
    assert build.is_phrase("Sens", words)
    assert build.is_phrase("Cheval-Blanc", words)
    assert build.is_phrase("Cheval-de-Blanc", words)  # linking words count
    assert not build.is_phrase("Saint-Denis", words)
