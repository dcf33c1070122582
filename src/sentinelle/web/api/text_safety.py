"""Strings the store can always keep: PostgreSQL refuses NUL characters, and no database
takes lone surrogates. Found in API input, they are a 422, never a 500."""

from __future__ import annotations

from fastapi import HTTPException


def check_storable(value, where: str = "body") -> None:
    if isinstance(value, str):
        if "\x00" in value:
            raise HTTPException(422, f"{where}: NUL characters are not allowed")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise HTTPException(422, f"{where}: not valid Unicode text") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            check_storable(key, where)
            check_storable(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_storable(item, f"{where}[{i}]")
