"""Reading a ground-truth file (the demo generator's, or reviewers' labels in the same shape)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson

from sentinelle.errors import InputError


def read_truth(path: str | Path) -> Iterator[dict]:
    """One truth object per JSONL line; each names its post by `source` and `id`."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise InputError(f"{path}: cannot open: {error.strerror}") from error
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                truth = orjson.loads(line)
            except orjson.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not valid JSON: {error}") from error
            if not isinstance(truth, dict) or "source" not in truth or "id" not in truth:
                raise InputError(f"{path}:{number}: a truth line needs 'source' and 'id'")
            yield truth


def latest_truths(truths: list[dict]) -> list[dict]:
    """One truth per post: a re-published post's last line describes what the store holds."""
    latest: dict[tuple[str, str], dict] = {}
    for truth in truths:
        latest[(truth["source"], truth["id"])] = truth
    return list(latest.values())
