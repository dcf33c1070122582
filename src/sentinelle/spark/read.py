"""Input files to a DataFrame of checked records: valid posts and quarantine entries.

Each file is read in one task by the project's own readers (`ingest.readers`), from bytes that
Spark fetched through its Hadoop file system (local paths, hdfs://, s3a://...), and each record
goes through `ingest.pipeline.check_record`, the validation `sentinelle ingest` runs. So file
names, line numbers, fields and reasons are the ones an embedded ingest would quarantine with.
Many medium files read in parallel; one huge file is one task (split it). JSONL, CSV, WARC
and Parquet (rows with the contract's fields) are read.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from pathlib import Path

import orjson

from sentinelle.errors import InputError
from sentinelle.ingest.pipeline import check_record
from sentinelle.ingest.readers import InputRecord, reader_for
from sentinelle.store.quarantine import QuarantineEntry

RECORD_SCHEMA = (
    "file_index int, seq long, ok boolean, file string, line int, field string, reason string, "
    "raw binary, source string, post_id string, kind string, text string, title string, "
    "url string, city string, author string, posted_at string, posted_ts double, "
    "image_phashes string, extra string, content_hash string"
)
_PARQUET = (".parquet", ".parq")


def read_records(spark, paths: list[str]):
    """Every record of `paths` (files or directories), checked, as one DataFrame."""
    context = spark.sparkContext
    parts = []
    for index, path in enumerate(paths):
        single = Path(path).is_file() if "://" not in path else Path(path).suffix != ""
        files = context.binaryFiles(path)
        parts.append(
            files.flatMap(
                lambda item, i=index, p=path, s=single: _file_rows(i, p if s else item[0], item[1])
            )
        )
    rdd = context.union(parts) if parts else context.emptyRDD()
    return spark.createDataFrame(rdd, RECORD_SCHEMA)


def check_inputs(paths: list[str]) -> None:
    """Fail before Spark starts on what the driver can see is wrong: a missing local path, a
    file of an unknown format."""
    if not paths:
        raise InputError("no input: give --input PATH (a file or a directory)")
    for path in paths:
        if "://" not in path and not Path(path).exists():
            raise InputError(f"{path}: no such file or directory")
        if Path(path).suffix and not Path(path).is_dir() and not _known(path):
            reader_for(path)  # raises the reader's message: which formats are understood


def _known(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(_PARQUET) or lower.endswith(
        (
            ".jsonl",
            ".jsonl.gz",
            ".ndjson",
            ".ndjson.gz",
            ".json.gz",
            ".csv",
            ".csv.gz",
            ".warc",
            ".warc.gz",
        )
    )


def _file_rows(file_index: int, name: str, content: bytes) -> Iterator[tuple]:
    if not _known(name):
        return  # a directory's other files (_SUCCESS, checksums): not posts
    for seq, record in enumerate(file_records(name, content)):
        checked = check_record(record)
        if isinstance(checked, QuarantineEntry):
            yield (
                file_index,
                seq,
                False,
                checked.file,
                checked.line,
                checked.field,
                checked.reason,
                checked.raw,
                *([None] * 13),
            )
            continue
        post, posted_ts, digest = checked
        yield (
            file_index,
            seq,
            True,
            record.file,
            record.line,
            None,
            None,
            None,
            post.source,
            post.id,
            post.kind,
            post.text,
            post.title,
            post.url,
            post.city,
            post.author,
            post.posted_at,
            posted_ts,
            orjson.dumps(post.image_phashes).decode(),
            orjson.dumps(post.extra).decode(),
            digest,
        )


def file_records(name: str, content: bytes) -> Iterator[InputRecord]:
    """The records of one file's bytes, as `sentinelle ingest` reads them."""
    if name.lower().endswith(_PARQUET):
        yield from _parquet_records(name, content)
        return
    reader = reader_for(name)
    stream: io.BufferedIOBase = io.BytesIO(content)
    if name.lower().endswith(".gz"):
        stream = gzip.GzipFile(fileobj=stream)
    yield from reader._records(stream)


def _parquet_records(name: str, content: bytes) -> Iterator[InputRecord]:
    """Rows of a Parquet file as records; the row number (from 1) stands for the line."""
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(content))
    for number, fields in enumerate(table.to_pylist(), start=1):
        fields = {k: v for k, v in fields.items() if v is not None}
        yield InputRecord(name, number, fields, orjson.dumps(fields, default=str))
