from __future__ import annotations

import gzip
from pathlib import Path

from factories import jsonl, post_dict
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.store.posts import count_posts
from sentinelle.store.quarantine import list_entries


def test_every_record_ends_stored_or_quarantined(sqlite_store, tmp_path: Path):
    """The malformed inputs of the contract, mixed with good posts: nothing is lost."""
    huge = post_dict(900, text="dispo " * 2_000_000)  # about 12 MB of text
    missing = post_dict(901)
    del missing["posted_at"]
    lines = [
        jsonl(post_dict(1)),
        b'{"id": "broken", "source": \n',  # broken JSON
        jsonl(post_dict(2, text=["not", "a", "string"])),  # wrong type
        jsonl(missing),  # missing field
        jsonl(post_dict(3, posted_at="yesterday")),  # invalid date
        b'{"id": "\xc3\x28", "source": "s"}\n',  # invalid UTF-8
        jsonl(huge),  # a 10 MB text field
        jsonl(post_dict(4)),
        jsonl(post_dict(1)),  # duplicate of the first
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"".join(lines))
    summary = ingest_files(sqlite_store, [str(path), str(tmp_path / "absent.jsonl")])
    counts = summary.as_dict()
    assert counts == {
        "files": 1,
        "read": 9,
        "stored": 2,
        "duplicates": 1,
        "updated": 0,
        "quarantined": 6,
    }
    assert counts["read"] == counts["stored"] + counts["duplicates"] + counts["quarantined"]
    assert summary.unreadable == [
        f"{tmp_path / 'absent.jsonl'}: cannot open: No such file or directory"
    ]
    entries = {e["line"]: e for e in list_entries(sqlite_store)}
    assert entries[2]["reason"].startswith("not valid JSON")
    assert entries[3]["field"] == "text"
    assert entries[4]["reason"] == "field 'posted_at': required field 'posted_at' is missing"
    assert entries[5]["field"] == "posted_at"
    assert entries[6]["reason"] == "invalid UTF-8 at byte 8"
    assert entries[6]["raw"] == b'{"id": "\xc3\x28", "source": "s"}'
    assert "over the 100,000 limit" in entries[7]["reason"]
    assert len(entries[7]["raw"]) > 10_000_000
    assert all(e["file"] == str(path) for e in entries.values())


def test_truncated_gzip_stores_what_it_can(sqlite_store, tmp_path: Path):
    path = tmp_path / "posts.jsonl.gz"
    data = gzip.compress(jsonl(*[post_dict(i, text=f"{i} " + "x" * 4000) for i in range(300)]))
    path.write_bytes(data[: int(len(data) * 0.6)])
    summary = ingest_files(sqlite_store, [str(path)])
    assert 0 < summary.counts.stored < 300
    assert summary.quarantined == 1
    assert count_posts(sqlite_store) == summary.counts.stored
    [entry] = list(list_entries(sqlite_store))
    assert "unreadable from here on" in entry["reason"]
