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

    gunzip = True  # a .gz file is read through gzip

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
        if self.gunzip and self.path.endswith(".gz"):
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


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def text_encoding(head: bytes, name: str) -> str:
    """The encoding of a text file from its first bytes: UTF-8 (a BOM is dropped) or UTF-16
    with a byte order mark; UTF-16 without one (NUL every other byte) is refused, since its
    byte order would be a guess."""
    if head.startswith(_UTF8_BOM):
        return "utf-8-sig"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    sample = head[:64]
    zeros = max(sample[1::2].count(0), sample[0::2].count(0))
    if len(sample) >= 4 and zeros > len(sample) // 4:
        raise InputError(
            f"{name}: looks like UTF-16 without a byte order mark; convert it to UTF-8 "
            "(e.g. `iconv -f UTF-16LE -t UTF-8`) and ingest it again"
        )
    return "utf-8"


def _peek(stream: BinaryIO, size: int = 64) -> bytes:
    peek = getattr(stream, "peek", None)
    return peek(size)[:size] if peek else b""


def _utf8_lines(stream: BinaryIO, encoding: str) -> Iterator[bytes]:
    """The file's lines as UTF-8 bytes whatever it was written in (BOM dropped)."""
    if encoding == "utf-8":
        return iter(stream)
    if encoding == "utf-8-sig":
        stream.read(len(_UTF8_BOM))
        return iter(stream)
    text = io.TextIOWrapper(stream, encoding=encoding, errors="surrogateescape", newline="")
    return (line.encode("utf-8", "surrogateescape") for line in text)


class JsonlReader(Reader):
    """One JSON object per line, UTF-8 (or UTF-16 with a BOM); gzip by extension; '-' is stdin."""

    def _records(self, stream: BinaryIO) -> Iterator[InputRecord]:
        number = 0
        try:
            lines = _utf8_lines(stream, text_encoding(_peek(stream), self.name))
            for number, line in enumerate(lines, start=1):
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
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError, UnicodeError) as error:
            yield InputRecord(
                self.name,
                number + 1,
                None,
                b"",
                f"unreadable from here on ({error}); records before line {number + 1} were read",
            )


_CSV_LISTS = {"image_phashes"}


# Fields up to the post size limit (in UTF-8 bytes, with room) are read; a longer one is read
# too, so its record is quarantined by validation and every row after it is still read.
FIELD_LIMIT = 64 * 1024 * 1024


class CsvReader(Reader):
    """A header row then one post per row, UTF-8 (or UTF-16 with a BOM); `image_phashes`
    space-separated."""

    def _records(self, stream: BinaryIO) -> Iterator[InputRecord]:
        csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
        encoding = text_encoding(_peek(stream), self.name)
        text = io.TextIOWrapper(stream, encoding=encoding, errors="surrogateescape", newline="")
        reader = csv.reader(text)
        try:
            header = next(reader, None)
            if header is None:
                return
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:  # one bad row; the reader goes on after it
                    yield InputRecord(self.name, reader.line_num, None, b"", f"bad CSV: {error}")
                    continue
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
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError, UnicodeError) as error:
            yield InputRecord(self.name, reader.line_num + 1, None, b"", f"unreadable: {error}")


def _has_surrogates(value: str) -> bool:
    return not value.isascii() and any("\udc80" <= c <= "\udcff" for c in value)


def _csv_raw(values: list[str]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow(values)
    return out.getvalue().rstrip("\r\n").encode("utf-8", "surrogateescape")


class WarcReader(Reader):
    """Each `response` record with an HTML body is an ad; its number in the file is its 'line'.

    warcio reads the file itself, record by record (gzip member by member), so every record
    before a damaged one is kept; the damaged tail is quarantined with its byte offset. A file
    that is not WARC at all is an `InputError`."""

    gunzip = False  # warcio reads gzip members itself: the one way to resume after damage

    def _records(self, stream: BinaryIO) -> Iterator[InputRecord]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        from sentinelle.ingest.html import visible_text

        _check_warc_start(_peek(stream, 4096), self.name)
        number = 0
        records = ArchiveIterator(stream)
        offset = 0
        try:
            for number, record in enumerate(records, start=1):
                if record.rec_type is None:  # a header cut short: the file ends here
                    offset = records.get_record_offset()  # (reads the record to its end)
                    yield self._damaged(number, offset, "record header is incomplete")
                    return
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                body = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0):  # fewer bytes than Content-Length
                    offset = records.get_record_offset()
                    yield self._damaged(number, offset, "record is cut short")
                    return
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
            if number == 0 and isinstance(error, ArchiveLoadFailed):
                raise InputError(f"{self.name}: not a WARC file ({_first_line(error)})") from None
            yield self._damaged(number + 1, _damage_offset(records, offset), _first_line(error))
            return
        size = self.size if self.path != "-" else None
        end = getattr(records, "offset", None)
        if size is not None and isinstance(end, int) and end < size:  # a gzip member cut short
            yield self._damaged(number + 1, end, "compressed data ends early")

    def _damaged(self, number: int, offset: int, why: str) -> InputRecord:
        reason = (
            f"damaged WARC from byte offset {offset:,} on ({why}); "
            f"the {number - 1} records before it were read"
        )
        return InputRecord(self.name, number, None, b"", reason, "offset")


def _check_warc_start(head: bytes, name: str) -> None:
    """`InputError` unless the file starts like a WARC (or ARC) archive, gzipped or not: a
    saved page or a log named .warc would otherwise read as zero records."""
    if not head:
        return  # empty: nothing to read, nothing lost
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head)
        except zlib.error:
            raise InputError(f"{name}: not a WARC file (its gzip data is damaged)") from None
    if not head.lstrip().startswith((b"WARC/", b"filedesc://")):
        first = head.split(b"\n", 1)[0][:60].decode("utf-8", "replace")
        raise InputError(f"{name}: not a WARC file (it starts with {first!r})")


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    line = lines[0][:200] if lines else type(error).__name__
    return "".join(c if c.isprintable() else "?" for c in line)


def _damage_offset(records, last_good: int) -> int:
    """Where the damaged record starts: warcio's offset after the last record it finished."""
    offset = getattr(records, "offset", None)
    return offset if isinstance(offset, int) and offset >= last_good else last_good


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
