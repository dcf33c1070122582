"""Strings the store can always keep: PostgreSQL refuses NUL characters, and no database
takes lone surrogates. Found in API input, they are a 422, never a 500."""

from __future__ import annotations

from fastapi import HTTPException

from sentinelle.ingest.validate import unstorable_reason


def check_storable(value, where: str = "body") -> None:
    if isinstance(value, str):
        if reason := unstorable_reason(value):
            raise HTTPException(422, f"{where}: {reason}")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_storable(key, where)
            check_storable(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_storable(item, f"{where}[{i}]")
