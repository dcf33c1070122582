"""Writing a generated corpus: posts as JSONL (gzip when the name ends in .gz) or CSV, truth
as JSONL. Blocks are rendered to bytes where they are generated (in worker processes when
there are several) and streamed to the files in order, so memory stays bounded.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import orjson

from sentinelle.demo.corpus import blocks
from sentinelle.demo.publishing import Draft
from sentinelle.records import POST_FIELDS

CSV_COLUMNS = POST_FIELDS


@contextmanager
def open_binary(path: Path | None) -> Iterator[IO[bytes] | None]:
    """A binary sink: None for no path, stdout for "-", gzip for *.gz, a plain file otherwise."""
    if path is None:
        yield None
    elif str(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    elif path.suffix == ".gz":
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "wb", compresslevel=3) as sink:
            yield sink
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as sink:
            yield sink


def render_jsonl(drafts: list[Draft]) -> tuple[bytes, bytes, int]:
    """A block as JSONL bytes: (posts, truth, number of posts)."""
    posts = b"".join(orjson.dumps(d.post) + b"\n" for d in drafts)
    truth = b"".join(orjson.dumps(d.truth) + b"\n" for d in drafts)
    return posts, truth, len(drafts)


def render_csv(drafts: list[Draft]) -> tuple[bytes, bytes, int]:
    """A block as CSV rows without header (image hashes space-separated), truth as JSONL."""
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    for draft in drafts:
        row = {key: draft.post.get(key) for key in CSV_COLUMNS}
        row["image_phashes"] = " ".join(draft.post.get("image_phashes") or ())
        writer.writerow(row)
    truth = b"".join(orjson.dumps(d.truth) + b"\n" for d in drafts)
    return text.getvalue().encode("utf-8"), truth, len(drafts)


def csv_header() -> bytes:
    text = io.StringIO(newline="")
    csv.writer(text).writerow(CSV_COLUMNS)
    return text.getvalue().encode("utf-8")


def write_corpus(
    n_posts: int,
    seed: int,
    hard_obfuscation: float,
    posts_path: Path | None,
    truth_path: Path | None,
    fmt: str = "jsonl",
    workers: int = 1,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Generate and write the corpus (posts to stdout when `posts_path` is "-")."""
    render = render_csv if fmt == "csv" else render_jsonl
    written = 0
    with open_binary(posts_path) as posts_sink, open_binary(truth_path) as truth_sink:
        if fmt == "csv" and posts_sink is not None:
            posts_sink.write(csv_header())
        for posts, truth, count in blocks(n_posts, seed, hard_obfuscation, render, workers=workers):
            if posts_sink is not None:
                posts_sink.write(posts)
            if truth_sink is not None:
                truth_sink.write(truth)
            written += count
            if on_progress is not None:
                on_progress(written)
    return written
