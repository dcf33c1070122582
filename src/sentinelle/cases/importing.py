"""Import a case file into the store: valid cases saved in batches, bad ones quarantined.

Parsing and validation run in a worker process while the main process writes the previous
batch: on two cores the two halves of the work overlap.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from sentinelle.cases.records import Case, Rejection, parse_line, require_case_file
from sentinelle.pipeline.workers import WorkerPool
from sentinelle.store.cases import CaseRows, case_rows, save_rows
from sentinelle.store.db import Store
from sentinelle.store.quarantine import QuarantineEntry, add_entries

BATCH_SIZE = 5000


@dataclass(slots=True)
class CaseImportSummary:
    """What an import did; `problems` lists the quarantined records as `file:line: reason`."""

    read: int = 0
    stored: int = 0
    replaced: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def quarantined(self) -> int:
        return len(self.problems)


@dataclass(slots=True)
class _Prepared:
    rows: CaseRows
    rejections: list[Rejection]
    read: int


def import_case_file(
    store: Store, path: str | Path, batch_size: int = BATCH_SIZE, workers: int | None = None
) -> CaseImportSummary:
    """Store the cases of a JSONL file; re-importing a case replaces it."""
    path = require_case_file(path)
    summary = CaseImportSummary()
    rejected: list[Rejection] = []
    for prepared in _prepare_all(path, batch_size, workers):
        summary.read += prepared.read
        summary.stored += len(prepared.rows.cases)
        summary.replaced += save_rows(store, prepared.rows)
        rejected.extend(prepared.rejections)
    add_entries(store, [_entry(rejection) for rejection in rejected])
    summary.problems = [str(rejection) for rejection in rejected]
    return summary


def prepare_batch(batch: tuple[str, list[tuple[int, bytes]]]) -> _Prepared:
    """Parse, validate and turn into store rows one batch of (line number, line) of a file."""
    file, lines = batch
    cases: list[Case] = []
    rejections: list[Rejection] = []
    for number, line in lines:
        item = parse_line(line, file, number)
        (rejections if isinstance(item, Rejection) else cases).append(item)
    return _Prepared(case_rows(cases, file), rejections, len(lines))


def _batches(path: Path, batch_size: int) -> Iterator[tuple[str, list[tuple[int, bytes]]]]:
    with path.open("rb") as lines:
        numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
        while batch := list(islice(numbered, batch_size)):
            yield str(path), batch


def _prepare_all(path: Path, batch_size: int, workers: int | None) -> Iterator[_Prepared]:
    batches = _batches(path, batch_size)
    if (workers if workers is not None else min(2, os.cpu_count() or 1)) <= 1:
        yield from map(prepare_batch, batches)
        return
    with WorkerPool(1) as pool:  # one process parses while this one writes
        yield from pool.map(prepare_batch, batches)


def _entry(rejection: Rejection) -> QuarantineEntry:
    return QuarantineEntry(
        file=rejection.file,
        line=rejection.line,
        field=rejection.field,
        reason=rejection.reason,
        raw=rejection.raw,
        kind="case",
    )
