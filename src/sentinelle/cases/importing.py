"""Import a case file into the store: valid cases saved in batches, bad ones quarantined."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sentinelle.cases.records import Case, Rejection, read_cases, require_case_file
from sentinelle.store.cases import save_cases
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


def import_case_file(
    store: Store, path: str | Path, batch_size: int = BATCH_SIZE
) -> CaseImportSummary:
    """Store the cases of a JSONL file; re-importing a case replaces it."""
    path = require_case_file(path)
    summary = CaseImportSummary()
    batch: list[Case] = []
    rejected: list[Rejection] = []
    for item in read_cases(path):
        summary.read += 1
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            _flush(store, batch, str(path), summary)
    _flush(store, batch, str(path), summary)
    add_entries(store, [_entry(rejection) for rejection in rejected])
    summary.problems = [str(rejection) for rejection in rejected]
    return summary


def _flush(store: Store, batch: list[Case], file: str, summary: CaseImportSummary) -> None:
    if batch:
        summary.replaced += save_cases(store, batch, file)
        summary.stored += len(batch)
        batch.clear()


def _entry(rejection: Rejection) -> QuarantineEntry:
    return QuarantineEntry(
        file=rejection.file,
        line=rejection.line,
        field=rejection.field,
        reason=rejection.reason,
        raw=rejection.raw,
        kind="case",
    )
