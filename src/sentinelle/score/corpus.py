"""Labelled corpora for training and evaluation: posts joined to their truth rows.

A truth row is one JSON line per post: `source`, `id`, `labels` ({minor, control,
recruitment}), and when known `actor` and `actor_kind` (group, independent, recruiter,
benign), as the demo generator writes them and as reviewers' labels will be exported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sentinelle.records import Post


@dataclass(slots=True)
class LabelledCorpus:
    """Posts with their labels, actors (for splits) and actor kinds (for false-positive rates)."""

    posts: list[Post]
    labels: list[dict[str, bool]]
    actors: list[str]
    actor_kinds: list[str | None]


def read_truth(path: str | Path) -> dict[tuple[str, str], dict]:
    """Truth rows by (source, id)."""
    from sentinelle.evaluate.truth import read_truth as truth_rows

    return {(row["source"], row["id"]): row for row in truth_rows(path)}


def read_posts(path: str | Path) -> list[Post]:
    """Every valid post of a JSONL, CSV or WARC file (invalid records are skipped)."""
    from sentinelle.ingest.readers import reader_for
    from sentinelle.ingest.validate import RecordError, validate_post

    found = []
    for record in reader_for(str(path)):
        if record.fields is None:
            continue
        try:
            found.append(validate_post(record.fields)[0])
        except RecordError:
            continue
    return found


def join_truth(posts: list[Post], truth: dict[tuple[str, str], dict]) -> LabelledCorpus:
    """The posts that have a truth row, with their labels; posts without one are left out."""
    corpus = LabelledCorpus([], [], [], [])
    for post in posts:
        row = truth.get((post.source, post.id))
        if row is None:
            continue
        corpus.posts.append(post)
        corpus.labels.append({name: bool(value) for name, value in row["labels"].items()})
        corpus.actors.append(str(row.get("actor") or f"{post.source}/{post.id}"))
        corpus.actor_kinds.append(row.get("actor_kind"))
    return corpus
