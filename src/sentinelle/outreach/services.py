"""The local services directory: a CSV the association maintains, one service a line.

Columns: departement, type (crip, sante, hebergement, juridique — or their English names),
nom, telephone, adresse, horaires, email. Only departement, type and nom are required.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from sentinelle.errors import InputError

KINDS = {
    "crip": "crip",
    "sante": "health",
    "santé": "health",
    "health": "health",
    "hebergement": "shelter",
    "hébergement": "shelter",
    "shelter": "shelter",
    "juridique": "legal",
    "legal": "legal",
}
KIND_LABELS = {
    "crip": "child protection (CRIP)",
    "health": "health",
    "shelter": "shelter",
    "legal": "legal aid",
}
REQUIRED = ("departement", "type", "nom")
_COLUMNS = {
    "departement": "department",
    "nom": "name",
    "telephone": "phone",
    "adresse": "address",
    "horaires": "hours",
    "email": "email",
}
_DEPARTMENT = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$")


def read_services(path: Path) -> list[dict]:
    """The CSV's services; the first bad line stops the import with its line and field."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the services file ({error})") from None
    return parse_services(text, str(path))


def parse_services(text: str, name: str = "services.csv") -> list[dict]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise InputError(f"{name}: line 1: missing column {missing[0]!r} (need {REQUIRED})")
    services = []
    for line, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        services.append(_service(row, name, line))
    return services


def _service(row: dict, name: str, line: int) -> dict:
    department = row["departement"].upper().zfill(2)
    if not _DEPARTMENT.match(department):
        raise InputError(f"{name}: line {line}: field 'departement': not a département code")
    kind = KINDS.get(row["type"].lower())
    if kind is None:
        raise InputError(
            f"{name}: line {line}: field 'type': {row['type']!r} is not one of "
            "crip, sante, hebergement, juridique"
        )
    if not row["nom"]:
        raise InputError(f"{name}: line {line}: field 'nom': empty")
    service = {target: row.get(source) or None for source, target in _COLUMNS.items()}
    return {**service, "department": department, "kind": kind}


def service_line(service: dict) -> str:
    """How a message names a service: its name and phone."""
    return f"{service['name']} ({service['phone']})" if service.get("phone") else service["name"]
