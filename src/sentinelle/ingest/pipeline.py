"""Ingest files: read, validate, save in batches, quarantine what breaks the contract."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sentinelle.errors import InputError
from sentinelle.ingest.readers import InputRecord, reader_for
from sentinelle.ingest.validate import RecordError, validate_post
from sentinelle.pipeline.workers import batch_collector
from sentinelle.records import Post, content_hash
from sentinelle.store import Store
from sentinelle.store.posts import PostWriter, SaveCounts
from sentinelle.store.quarantine import QuarantineEntry, add_entries

BATCH_SIZE = 5000

# Called with (file name, bytes read so far, total bytes or None) after each batch.
ProgressCallback = Callable[[str, int, int | None], None]


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did; `read == stored + duplicates + updated + quarantined`."""

    files: int = 0
    read: int = 0
    counts: SaveCounts = field(default_factory=SaveCounts)
    quarantined: int = 0
    problems: list[str] = field(default_factory=list)  # first few quarantine reasons, for the CLI
    unreadable: list[str] = field(default_factory=list)  # files that could not be opened at all

    def as_dict(self) -> dict:
        return {
            "files": self.files,
            "read": self.read,
            "stored": self.counts.stored,
            "duplicates": self.counts.duplicates,
            "updated": self.counts.updated,
            "quarantined": self.quarantined,
        }


def file_digest(path: str) -> str | None:
    """A digest of a file's bytes (None for stdin): what keys its quarantined records, so a
    rerun over the same file, under any name, quarantines nothing twice."""
    if path == "-":
        return None
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def quarantine_key(
    digest: str | None, line: int | None, field: str | None, reason: str, raw: bytes | None
) -> str:
    """The identity of a quarantined record: the file's digest, line, field and reason (the
    raw bytes too when the file has no digest, i.e. stdin)."""
    hasher = hashlib.blake2b(digest_size=32)
    hasher.update(f"{digest or '-'}\x1f{line}\x1f{field}\x1f{reason}".encode("utf-8", "replace"))
    if digest is None:
        hasher.update(raw or b"")
    return hasher.hexdigest()


def check_record(
    record: InputRecord, digest: str | None = None
) -> tuple[Post, float, str] | QuarantineEntry:
    """A valid record as (post, epoch, hash), or the quarantine entry saying where and why."""
    if record.fields is None:
        field, reason = record.field, record.error or ""
    else:
        try:
            post, posted_ts = validate_post(record.fields)
        except RecordError as error:
            where = f"field {error.field!r}: " if error.field else ""
            field, reason = error.field, where + error.reason
        else:
            return post, posted_ts, content_hash(post)
    key = quarantine_key(digest, record.line, field, reason, record.raw)
    return QuarantineEntry(record.file, record.line, field, reason, record.raw, key=key)


def ingest_records(
    store: Store,
    records: Iterable[InputRecord],
    summary: IngestSummary,
    on_batch: Callable[[], None] | None = None,
    digest: str | None = None,
) -> None:
    """Validate and save a stream of records in batches, updating `summary` as it goes.
    `digest` (of the file read) keys quarantined records so a rerun does not repeat them."""
    writer = PostWriter(store)
    valid: list[tuple[Post, float, str]] = []
    bad: list[QuarantineEntry] = []

    def flush() -> None:
        if valid:
            summary.counts.add(writer.save(valid))
            valid.clear()
        if bad:
            summary.quarantined += add_entries(store, bad)
            summary.problems.extend(
                f"{e.file}:{e.line}: {e.reason}" for e in bad[: max(0, 20 - len(summary.problems))]
            )
            bad.clear()
        if on_batch:
            on_batch()

    for record in records:
        summary.read += 1
        checked = check_record(record, digest)
        if isinstance(checked, QuarantineEntry):
            bad.append(checked)
        else:
            valid.append(checked)
        if len(valid) + len(bad) >= BATCH_SIZE:
            flush()
    flush()


def ingest_files(
    store: Store, paths: Iterable[str], progress: ProgressCallback | None = None
) -> IngestSummary:
    """Ingest every file in turn; a file that cannot be opened is listed in `unreadable`."""
    summary = IngestSummary()
    with batch_collector():
        for path in paths:
            _ingest_file(store, path, summary, progress)
    return summary


def _ingest_file(
    store: Store, path: str, summary: IngestSummary, progress: ProgressCallback | None
) -> None:
    """One file into the store, its counts added to `summary`."""
    try:
        reader = reader_for(path)
        size = reader.size
        digest = file_digest(path)
    except (InputError, OSError) as error:
        summary.unreadable.append(
            str(error)
            if isinstance(error, InputError)
            else f"{path}: cannot open: {error.strerror}"
        )
        return

    def report(reader=reader, size=size) -> None:
        if progress:
            progress(reader.name, reader.position, size)

    try:
        ingest_records(store, reader, summary, report, digest)
    except InputError as error:
        summary.unreadable.append(str(error))
        return
    summary.files += 1
