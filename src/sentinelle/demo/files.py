"""Writing a generated corpus: posts as JSONL (gzip when the name ends in .gz) or CSV, truth
as JSONL. Streams line by line so a million posts never sit in memory.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import orjson

CSV_COLUMNS = (
    "id",
    "source",
    "kind",
    "text",
    "posted_at",
    "url",
    "city",
    "title",
    "author",
    "image_phashes",
)


@contextmanager
def open_binary(path: Path | None) -> Iterator[IO[bytes]]:
    """A binary sink: stdout for None or "-", gzip for *.gz, a plain file otherwise."""
    if path is None or str(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        with gzip.open(path, "wb", compresslevel=5) as sink:
            yield sink
    else:
        with open(path, "wb") as sink:
            yield sink


def jsonl_line(record: dict) -> bytes:
    return orjson.dumps(record) + b"\n"


def csv_writer(sink: IO[bytes]) -> tuple[Callable[[dict], None], io.TextIOWrapper]:
    """A function writing one post as a CSV row (header written first), and its text stream."""
    text = io.TextIOWrapper(sink, encoding="utf-8", newline="", write_through=False)
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()

    def write(post: dict) -> None:
        row = {key: post.get(key) for key in CSV_COLUMNS}
        row["image_phashes"] = " ".join(post.get("image_phashes") or ())
        writer.writerow(row)

    return write, text


def write_corpus(
    pairs: Iterable[tuple[dict, dict]],
    posts_path: Path | None,
    truth_path: Path | None,
    fmt: str = "jsonl",
    on_post: Callable[[int], None] | None = None,
) -> int:
    """Write posts (and truth when a path is given); return how many posts were written."""
    count = 0
    with open_binary(posts_path) as posts_sink, _maybe_open(truth_path) as truth_sink:
        if fmt == "csv":
            write_post, text = csv_writer(posts_sink)
        else:
            text = None

            def write_post(post: dict) -> None:
                posts_sink.write(jsonl_line(post))

        for post, truth in pairs:
            write_post(post)
            if truth_sink is not None:
                truth_sink.write(jsonl_line(truth))
            count += 1
            if on_post is not None and count % 10_000 == 0:
                on_post(count)
        if text is not None:
            text.flush()
            text.detach()
    return count


@contextmanager
def _maybe_open(path: Path | None) -> Iterator[IO[bytes] | None]:
    if path is None:
        yield None
        return
    with open_binary(path) as sink:
        yield sink
