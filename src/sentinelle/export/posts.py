"""The post export: one contract object per post, streamed from the store."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO

import orjson

from sentinelle.store import Store
from sentinelle.store.posts import iter_export_rows

LABELS = ("minor", "control", "recruitment")
FLAG_BITS = {"minor": 1, "control": 2, "recruitment": 4}
CSV_COLUMNS = (
    "id",
    "source",
    "scores",
    "flags",
    "indicators",
    "phones",
    "handles",
    "stated_ages",
    "city",
    "department",
    "network_id",
)


def export_object(row) -> dict:
    """The contract object for one joined posts/post_analysis row (neutral if not analysed)."""
    analysed = row["analyzed_at"] is not None
    scores = {label: row[f"score_{label}"] for label in LABELS}
    flags = row["flags"] or 0
    return {
        "id": row["post_id"],
        "source": row["source"],
        "scores": {k: (round(v, 4) if v is not None else 0.0) for k, v in scores.items()},
        "flags": {label: bool(flags & bit) for label, bit in FLAG_BITS.items()},
        "indicators": orjson.loads(row["indicators"]) if analysed else [],
        "phones": [p["e164"] for p in orjson.loads(row["phones"])] if analysed else [],
        "handles": orjson.loads(row["handles"]) if analysed else [],
        "stated_ages": sorted({a["age"] for a in orjson.loads(row["stated_ages"])})
        if analysed
        else [],
        "city": row["a_city"] if analysed else row["city"],
        "department": row["department"],
        "network_id": row["network_id"],
    }


def iter_export(store: Store, batch_size: int = 10_000) -> Iterator[dict]:
    """Every post's export object, in storage order."""
    for row in iter_export_rows(store, batch_size):
        yield export_object(row)


def write_jsonl(objects: Iterator[dict], out: IO[bytes]) -> int:
    count = 0
    for obj in objects:
        out.write(orjson.dumps(obj) + b"\n")
        count += 1
    return count


def write_csv(objects: Iterator[dict], out: IO[str]) -> int:
    """CSV with the contract's columns; lists space-separated, objects as JSON text."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for obj in objects:
        writer.writerow([_csv_cell(obj[column]) for column in CSV_COLUMNS])
        count += 1
    return count


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict) or (
        isinstance(value, list) and value and isinstance(value[0], dict)
    ):
        return orjson.dumps(value).decode()
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)
