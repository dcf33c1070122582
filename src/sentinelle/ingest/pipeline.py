"""Ingest files: read, validate, save in batches, quarantine what breaks the contract."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import orjson

from sentinelle.errors import InputError
from sentinelle.ingest.readers import InputRecord, reader_for
from sentinelle.ingest.validate import RecordError, validate_post
from sentinelle.records import Post
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


def content_hash(post: Post) -> str:
    """A digest of everything the post says, so a re-ingested post is recognised as unchanged."""
    payload = orjson.dumps(
        [
            post.kind,
            post.text,
            post.posted_at,
            post.url,
            post.city,
            post.title,
            post.author,
            post.image_phashes,
            post.extra,
        ],
        option=orjson.OPT_SORT_KEYS,
    )
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def check_record(record: InputRecord) -> tuple[Post, float, str] | QuarantineEntry:
    """A valid record as (post, epoch, hash), or the quarantine entry saying where and why."""
    if record.fields is None:
        return QuarantineEntry(
            record.file, record.line, record.field, record.error or "", record.raw
        )
    try:
        post, posted_ts = validate_post(record.fields)
    except RecordError as error:
        where = f"field {error.field!r}: " if error.field else ""
        return QuarantineEntry(
            record.file, record.line, error.field, where + error.reason, record.raw
        )
    return post, posted_ts, content_hash(post)


def ingest_records(
    store: Store,
    records: Iterable[InputRecord],
    summary: IngestSummary,
    on_batch: Callable[[], None] | None = None,
) -> None:
    """Validate and save a stream of records in batches, updating `summary` as it goes."""
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
        checked = check_record(record)
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
    for path in paths:
        try:
            reader = reader_for(path)
            size = reader.size
        except (InputError, OSError) as error:
            summary.unreadable.append(
                str(error)
                if isinstance(error, InputError)
                else f"{path}: cannot open: {error.strerror}"
            )
            continue

        def report(reader=reader, size=size) -> None:
            if progress:
                progress(reader.name, reader.position, size)

        try:
            ingest_records(store, reader, summary, report)
        except InputError as error:
            summary.unreadable.append(str(error))
            continue
        summary.files += 1
    return summary
