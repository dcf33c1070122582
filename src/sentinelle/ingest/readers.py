"""Readers turn any input file into one stream of records (fields, or an error), in file order.

Every reader yields `InputRecord`s; later steps see one shape whatever the format. A record the
reader cannot decode comes out with `error` set and its raw bytes, so it can be quarantined.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

import orjson

from sentinelle.errors import InputError

FORMATS = (".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz", ".warc", ".warc.gz")


@dataclass(slots=True)
class InputRecord:
    """One record as read: its fields, or why it could not be read (`error`, `field`)."""

    file: str
    line: int
    fields: dict | None
    raw: bytes
    error: str | None = None
    field: str | None = None


class Reader:
    """Base reader: knows its file and how far it has read (bytes), for progress bars."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.name = "<stdin>" if path == "-" else path
        self._raw: BinaryIO | None = None

    @property
    def size(self) -> int | None:
        return None if self.path == "-" else Path(self.path).stat().st_size

    @property
    def position(self) -> int:
        try:
            return self._raw.tell() if self._raw else 0
        except (OSError, ValueError):
            return 0

    def _open(self) -> BinaryIO:
        if self.path == "-":
            return sys.stdin.buffer
        try:
            self._raw = open(self.path, "rb")  # noqa: SIM115 - closed in __iter__
        except OSError as error:
            raise InputError(f"{self.path}: cannot open: {error.strerror}") from error
        if self.path.endswith(".gz"):
            return gzip.GzipFile(fileobj=self._raw)
        return self._raw

    def __iter__(self) -> Iterator[InputRecord]:
        stream = self._open()
        try:
            yield from self._records(stream)
        finally:
            if self._raw is not None:
                self._raw.close()

    def _records(self, stream: BinaryIO) -> Iterator[InputRecord]:
        raise NotImplementedError


def _utf8_error(raw: bytes) -> str | None:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"invalid UTF-8 at byte {error.start}"
    return None


class JsonlReader(Reader):
    """One JSON object per line; gzip by extension; '-' is stdin."""

    def _records(self, stream: BinaryIO) -> Iterator[InputRecord]:
        number = 0
        try:
            for number, line in enumerate(stream, start=1):
                raw = line.rstrip(b"\r\n")
                if not raw.strip():
                    continue
                try:
                    fields = orjson.loads(raw)
                except orjson.JSONDecodeError as error:
                    reason = _utf8_error(raw) or f"not valid JSON: {error}"
                    yield InputRecord(self.name, number, None, raw, reason)
                    continue
                if not isinstance(fields, dict):
                    yield InputRecord(self.name, number, None, raw, "not a JSON object")
                    continue
                yield InputRecord(self.name, number, fields, raw)
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as error:
            yield InputRecord(
                self.name,
                number + 1,
                None,
                b"",
                f"unreadable from here on ({error}); records before line {number + 1} were read",
            )


_CSV_LISTS = {"image_phashes"}


class CsvReader(Reader):
    """A header row then one post per row, UTF-8; `image_phashes` space-separated."""

    def _records(self, stream: BinaryIO) -> Iterator[InputRecord]:
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.reader(text)
        try:
            header = next(reader, None)
            if header is None:
                return
            for values in reader:
                line = reader.line_num
                raw = _csv_raw(values)
                if len(values) != len(header):
                    reason = f"{len(values)} values for {len(header)} header columns"
                    yield InputRecord(self.name, line, None, raw, reason)
                    continue
                if any(_has_surrogates(v) for v in values):
                    yield InputRecord(self.name, line, None, raw, _utf8_error(raw) or "bad UTF-8")
                    continue
                fields: dict = {}
                for name, value in zip(header, values, strict=True):
                    if name in _CSV_LISTS:
                        fields[name] = value.split()
                    else:
                        fields[name] = value if value != "" else None
                yield InputRecord(self.name, line, fields, raw)
        except (csv.Error, EOFError, gzip.BadGzipFile, zlib.error, OSError) as error:
            yield InputRecord(self.name, reader.line_num + 1, None, b"", f"unreadable: {error}")


def _has_surrogates(value: str) -> bool:
    return not value.isascii() and any("\udc80" <= c <= "\udcff" for c in value)


def _csv_raw(values: list[str]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow(values)
    return out.getvalue().rstrip("\r\n").encode("utf-8", "surrogateescape")


class WarcReader(Reader):
    """Each `response` record with an HTML body is an ad; its number in the file is its 'line'."""

    def _records(self, stream: BinaryIO) -> Iterator[InputRecord]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        from sentinelle.ingest.html import visible_text

        number = 0
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                body = record.content_stream().read()
                title, text = visible_text(body, _charset(content_type))
                fields = {
                    "id": uri,
                    "source": urlsplit(uri).hostname or "",
                    "kind": "ad",
                    "text": text,
                    "title": title,
                    "url": uri,
                    "posted_at": record.rec_headers.get_header("WARC-Date"),
                }
                yield InputRecord(self.name, number, fields, body)
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as error:
            yield InputRecord(self.name, number + 1, None, b"", f"unreadable WARC record: {error}")


def _charset(content_type: str) -> str:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return "utf-8"


def reader_for(path: str) -> Reader:
    """The reader for a path by its extension; '-' reads JSONL from stdin."""
    if path == "-":
        return JsonlReader(path)
    lower = path.lower()
    if lower.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")):
        return JsonlReader(path)
    if lower.endswith((".csv", ".csv.gz")):
        return CsvReader(path)
    if lower.endswith((".warc", ".warc.gz")):
        return WarcReader(path)
    raise InputError(f"{path}: unknown format (expected one of {', '.join(FORMATS)})")
