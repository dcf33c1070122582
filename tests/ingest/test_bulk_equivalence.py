"""Bulk ingest against the contract's one-record-at-a-time semantics.

A generated corpus with re-publications (inside a batch and across batches and files), exact
duplicates, old versions sent again, unknown fields and records that break the contract is
ingested in batches; `OneByOne` applies the same records one at a time as the contract says,
numbering new keys per batch as the store always has (`numbering`). Stored posts (primary
keys included), history, quarantine, counts and search results must be the same, at every
batch size.
"""

from __future__ import annotations

import gzip
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import pytest
from sqlalchemy import select

import sentinelle.ingest.pipeline as ingest_pipeline
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.records import POST_FIELDS
from sentinelle.store.browse import PostFilter, list_posts
from sentinelle.store.schema import post_versions, posts, quarantine

WORDS = (
    "dispo",
    "lundi",
    "mardi",
    "soir",
    "nuit",
    "appartement",
    "calme",
    "discret",
    "centre",
    "gare",
    "tarif",
    "rdv",
)
SOURCES = ("annonces-test", "petites-test", "vivastreet-test")

# Records that break the contract: (line bytes, field, start of the reason).
BAD = (
    (b"{oops", None, "not valid JSON"),
    (b"[1, 2]", None, "not a JSON object"),
    ({"text": None}, "text", "field 'text': required field 'text' is missing"),
    ({"kind": "poster"}, "kind", "field 'kind': kind 'poster' is not one of"),
    ({"posted_at": "hier soir"}, "posted_at", "field 'posted_at': not an ISO 8601 date"),
    ({"posted_at": "2024-03-13T01:00:00"}, "posted_at", "field 'posted_at': no UTC offset"),
    ({"text": "dispo\x00 soir"}, "text", "field 'text': 'text' contains a NUL character"),
    ({"image_phashes": ["xyz"]}, "image_phashes", "field 'image_phashes': not a 64-bit hash"),
    ({"id": " "}, "id", "field 'id': 'id' is empty"),
    ({"source": 42}, "source", "field 'source': 'source' must be a string, got int"),
)


class Corpus:
    """Seeded records; each version of a post's text carries a marker word of its own."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.markers = 0
        self.sent: dict[tuple[str, str], list[dict]] = {}  # every version sent, per key

    def record(self, source: str, post_id: str) -> dict:
        self.markers += 1
        rng = self.rng
        record = {
            "id": post_id,
            "source": source,
            "kind": rng.choice(("ad", "ad", "profile", "social_post")),
            "text": " ".join([*rng.sample(WORDS, 5), f"repere{self.markers}"]),
            "posted_at": f"2024-03-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00+01:00",
            "url": rng.choice((None, f"https://{source}.example/{post_id}")),
            "city": rng.choice((None, "Lyon", "Clermont-Ferrand", "Saint-Étienne")),
            "title": rng.choice((None, "Nouvelle", "Dispo cette semaine")),
            "author": rng.choice((None, f"compte{rng.randint(1, 50)}")),
            "image_phashes": rng.sample(
                ["8F3A5C7E9B1D2F40", "0123456789abcdef"], rng.randint(0, 2)
            ),
        }
        if rng.random() < 0.1:
            record["site_rank"] = rng.randint(1, 9)  # an unknown field: kept, part of the content
        return record

    def version(self, source: str, post_id: str) -> dict:
        record = self.record(source, post_id)
        self.sent.setdefault((source, post_id), []).append(record)
        return record

    def lines(self, count: int, start: int) -> tuple[list[bytes | dict], set[int]]:
        """`count` records (new posts, changes, repeats, old versions, some that break the
        contract) and the line numbers of the bad ones."""
        out: list[bytes | dict] = []
        bad: set[int] = set()
        for number in range(start, start + count):
            roll = self.rng.random()
            keys = list(self.sent)
            if keys and roll < 0.12:  # a re-publication with other content
                out.append(self.version(*self.rng.choice(keys)))
            elif keys and roll < 0.22:  # the latest version again
                out.append(dict(self.sent[self.rng.choice(keys)][-1]))
            elif keys and roll < 0.27:  # an older version again
                out.append(dict(self.rng.choice(self.sent[self.rng.choice(keys)])))
            elif roll < 0.30:
                line, _, _ = self.rng.choice(BAD)
                if isinstance(line, dict):
                    line = {**self.record(self.rng.choice(SOURCES), f"p{number % 700:04d}"), **line}
                out.append(line)
                bad.add(len(out))
            else:
                out.append(self.version(self.rng.choice(SOURCES), f"p{number % 700:04d}"))
        return out, bad


def write(path: Path, lines: list[bytes | dict]) -> str:
    body = b"".join((x if isinstance(x, bytes) else orjson.dumps(x)) + b"\n" for x in lines)
    if path.suffix == ".gz":
        body = gzip.compress(body)
    path.write_bytes(body)
    return str(path)


def content(record: dict) -> bytes:
    """What makes two versions of a post the same, as the contract reads a record."""
    fields = {**record, "image_phashes": [p.lower() for p in record.get("image_phashes") or []]}
    return orjson.dumps(
        {k: v for k, v in fields.items() if k not in ("id", "source")}, option=orjson.OPT_SORT_KEYS
    )


def contract_dict(record: dict) -> dict:
    lowered = [p.lower() for p in record.get("image_phashes") or []]
    return {**{name: record.get(name) for name in POST_FIELDS}, **record, "image_phashes": lowered}


@dataclass
class Stored:
    record: dict
    version: int = 1
    known: set[bytes] = field(default_factory=set)


def numbering(records: list[dict], stored: dict) -> list[tuple[str, str]]:
    """The keys a batch adds, in the order they are numbered (as before bulk ingest): keys whose
    content changes inside the batch first, as their earlier versions are saved first; then
    the other new keys in order of first appearance. (So the numbering of a file depends on
    where batches are cut; one record at a time would number keys by first appearance.)"""
    latest: dict[tuple[str, str], bytes] = {}
    changed: list[tuple[str, str]] = []
    for record in records:
        key, seen = (record["source"], record["id"]), content(record)
        if key in latest and latest[key] != seen:
            changed.append(key)
        latest[key] = seen
    return [key for key in dict.fromkeys([*changed, *latest]) if key not in stored]


@dataclass
class OneByOne:
    """The contract applied one record at a time, keys numbered per batch: the expected
    store."""

    posts: dict[tuple[str, str], Stored] = field(default_factory=dict)  # in key order
    history: list[tuple[tuple[str, str], int, dict]] = field(default_factory=list)
    quarantined: set[tuple[str, int]] = field(default_factory=set)
    counts: Counter = field(default_factory=Counter)

    def ingest(self, name: str, lines: list, bad_lines: set[int], batch_size: int) -> None:
        """A batch is `batch_size` records read, bad ones included, and the file's rest."""
        for start in range(0, len(lines), batch_size):
            batch = []
            for number in range(start + 1, min(start + batch_size, len(lines)) + 1):
                self.counts["read"] += 1
                if number in bad_lines:
                    self.quarantined.add((name, number))
                    self.counts["quarantined"] += 1
                else:
                    batch.append(lines[number - 1])
            for key in numbering(batch, self.posts):
                self.posts[key] = Stored({})
            for record in batch:
                self.apply(record)

    def apply(self, record: dict) -> None:
        key, seen = (record["source"], record["id"]), content(record)
        stored = self.posts[key]
        if not stored.known:
            stored.record, stored.known = record, {seen}
            self.counts["stored"] += 1
        elif seen in stored.known:
            self.counts["duplicates"] += 1
        else:
            self.history.append((key, stored.version, contract_dict(stored.record)))
            stored.record, stored.version = record, stored.version + 1
            stored.known.add(seen)
            self.counts["updated"] += 1


def stored_posts(store) -> list[tuple]:
    columns = (
        posts.c.pk,
        posts.c.source,
        posts.c.post_id,
        posts.c.version,
        posts.c.kind,
        posts.c.text,
        posts.c.posted_at,
        posts.c.url,
        posts.c.city,
        posts.c.title,
        posts.c.author,
        posts.c.image_phashes,
        posts.c.extra,
        posts.c.pending,
    )
    with store.engine.connect() as connection:
        rows = connection.execute(select(*columns).order_by(posts.c.pk)).all()
    return [(*row[:11], orjson.loads(row[11]), orjson.loads(row[12]), row[13]) for row in rows]


def expected_posts(model: OneByOne) -> list[tuple]:
    rows = []
    for pk, (key, stored) in enumerate(model.posts.items(), start=1):
        r = contract_dict(stored.record)
        extra = {k: v for k, v in r.items() if k not in POST_FIELDS}
        rows.append(
            (
                pk,
                *key,
                stored.version,
                r["kind"],
                r["text"],
                r["posted_at"],
                r["url"],
                r["city"],
                r["title"],
                r["author"],
                r["image_phashes"],
                extra,
                True,
            )
        )
    return rows


def stored_history(store) -> list[tuple]:
    query = select(
        posts.c.source, posts.c.post_id, post_versions.c.version, post_versions.c.content
    )
    query = query.join(posts, posts.c.pk == post_versions.c.post_pk).order_by(post_versions.c.pk)
    with store.engine.connect() as connection:
        return sorted(((s, i), v, orjson.loads(c)) for s, i, v, c in connection.execute(query))


def stored_quarantine(store) -> list[tuple]:
    query = select(quarantine.c.file, quarantine.c.line, quarantine.c.field, quarantine.c.reason)
    with store.engine.connect() as connection:
        return sorted(tuple(row) for row in connection.execute(query))


def search(store, word: str) -> list[tuple[str, str]]:
    found = list_posts(store, PostFilter(query=word), limit=5000)
    return sorted((row["source"], row["post_id"]) for row in found)


def files_of(tmp_path: Path, seed: int) -> list[tuple[str, list, set[int]]]:
    """Three files in the order they are ingested (the first one twice), with bad lines."""
    corpus = Corpus(seed)
    made = []
    for index, (name, count) in enumerate(
        (("a.jsonl", 900), ("b.jsonl.gz", 500), ("c.jsonl", 700))
    ):
        lines, bad = corpus.lines(count, start=index * 1000)
        made.append((write(tmp_path / name, lines), lines, bad))
    return [made[0], made[1], made[0], made[2]]


@pytest.mark.parametrize("batch_size", [7, 61, 5000])
def test_bulk_ingest_stores_what_one_record_at_a_time_would(
    store, tmp_path, monkeypatch, batch_size
):
    monkeypatch.setattr(ingest_pipeline, "BATCH_SIZE", batch_size)
    model, totals = OneByOne(), {}
    for path, lines, bad in files_of(tmp_path, seed=3):
        model.ingest(path, lines, bad, batch_size)
        summary = ingest_files(store, [path]).as_dict()
        for name, value in summary.items():
            totals[name] = totals.get(name, 0) + value
        assert summary["quarantined"] == len(bad)

    assert stored_posts(store) == expected_posts(model)
    expected_history = sorted((key, version, content) for key, version, content in model.history)
    assert stored_history(store) == expected_history
    assert [(f, n) for f, n, _, _ in stored_quarantine(store)] == sorted(model.quarantined)
    for name in ("read", "stored", "duplicates", "updated", "quarantined"):
        assert totals[name] == model.counts[name], name
    assert model.counts["updated"] > 100 and model.counts["duplicates"] > 100  # it tested these

    # Search sees each post's current text only: its marker finds it, replaced ones nothing.
    current = {
        word: key
        for key, s in model.posts.items()
        for word in s.record["text"].split()
        if word.startswith("repere")
    }
    replaced = {
        word
        for _, _, old in model.history
        for word in old["text"].split()
        if word.startswith("repere")
    } - set(current)
    for word in sorted(current)[::25]:
        assert search(store, word) == [current[word]], word
    for word in sorted(replaced)[::10]:
        assert search(store, word) == [], word
    assert len(search(store, "calme")) == len(
        [k for k, s in model.posts.items() if "calme" in s.record["text"].split()]
    )


def test_quarantine_names_file_line_field_and_reason(sqlite_store, tmp_path):
    corpus = Corpus(seed=1)
    lines = [b'{"id": "x"']
    lines += [{**corpus.record("s", "q"), **x} if isinstance(x, dict) else x for x, _, _ in BAD]
    path = write(tmp_path / "bad.jsonl", lines)
    summary = ingest_files(sqlite_store, [path])
    assert summary.as_dict()["quarantined"] == len(lines)
    found = {line: (field, reason) for _, line, field, reason in stored_quarantine(sqlite_store)}
    for number, (_, field_name, reason) in enumerate(BAD, start=2):
        assert found[number][0] == field_name
        assert found[number][1].startswith(reason), (number, found[number])
