"""The services CSV: the shipped example loads; a bad line is named with its field."""

from __future__ import annotations

from pathlib import Path

import pytest

from sentinelle.errors import InputError
from sentinelle.outreach.services import parse_services, read_services, service_line

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "outreach_services.csv"
HEADER = "departement,type,nom,telephone\n"


def test_the_example_directory_loads():
    services = read_services(EXAMPLE)
    assert len(services) == 12
    assert {s["kind"] for s in services} == {"crip", "health", "shelter", "legal"}
    assert all("fictif" in s["name"] for s in services)


def test_french_types_and_short_departements_are_normalised():
    (service,) = parse_services(HEADER + "6,Hébergement,Foyer,04 00\n")
    assert service["department"] == "06"
    assert service["kind"] == "shelter"
    assert service_line(service) == "Foyer (04 00)"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("99,crip,X,1\n", "line 3: field 'departement'"),
        ("69,police,X,1\n", "line 3: field 'type'"),
        ("69,crip,,1\n", "line 3: field 'nom'"),
    ],
)
def test_a_bad_line_is_named(line, message):
    with pytest.raises(InputError, match=message):
        parse_services(HEADER + "69,crip,ok,1\n" + line, "dir.csv")


def test_a_missing_column_is_named():
    with pytest.raises(InputError, match="missing column 'type'"):
        parse_services("departement,nom\n69,X\n")
