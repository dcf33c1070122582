from __future__ import annotations

import csv
from pathlib import Path

import orjson

from factories import jsonl, post_dict

CONTRACT_KEYS = [
    "id",
    "source",
    "scores",
    "flags",
    "indicators",
    "phones",
    "handles",
    "stated_ages",
    "city",
    "department",
    "network_id",
]


def test_ingest_analyze_export_round_trip(cli, tmp_path: Path):
    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*[post_dict(i) for i in range(5)]))
    assert cli("ingest", str(path), db=db).returncode == 0
    first = cli("analyze", db=db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.decode().startswith("analysed 5 posts")
    second = cli("analyze", db=db)
    assert second.stdout.decode().strip() == "nothing to analyse: every post is up to date"

    out = tmp_path / "posts.export.jsonl"
    result = cli("export", "posts", "--format", "jsonl", "--output", str(out), db=db)
    assert result.returncode == 0
    objects = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert len(objects) == 5
    assert list(objects[0]) == CONTRACT_KEYS
    assert objects[0]["id"] == "p00000" and objects[0]["source"] == "annonces-test"
    assert set(objects[0]["scores"]) == {"minor", "control", "recruitment"}

    out_csv = tmp_path / "posts.csv"
    assert cli("export", "posts", "--format", "csv", "-o", str(out_csv), db=db).returncode == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert list(rows[0]) == CONTRACT_KEYS and len(rows) == 5


def test_changed_post_is_analysed_again(cli, tmp_path: Path):
    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(post_dict(1), post_dict(2)))
    cli("ingest", str(path), db=db)
    cli("analyze", db=db)
    path.write_bytes(jsonl(post_dict(1, text="changed: 07 11 22 33 44"), post_dict(2)))
    ingest = cli("ingest", str(path), db=db)
    assert "0 stored, 1 updated, 1 duplicates" in ingest.stdout.decode()
    assert cli("analyze", db=db).stdout.decode().startswith("analysed 1 posts")


def test_relink_links_and_scores_everything_again(cli, tmp_path: Path):
    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(*[post_dict(i) for i in range(6)]))
    cli("ingest", str(path), db=db)
    cli("analyze", db=db)
    again = cli("analyze", "--relink", db=db)
    assert again.returncode == 0, again.stderr
    assert again.stdout.decode().startswith("scored 6 posts in ")


def test_pseudonymised_export_hides_identifiers_but_keeps_them_linkable(cli, tmp_path: Path):
    import os

    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(post_dict(1), post_dict(101)))  # both carry 06 12 34 01 78
    cli("ingest", str(path), db=db)
    cli("analyze", db=db)
    out = tmp_path / "pseudo.jsonl"
    refused = cli("export", "posts", "--pseudonymise", "-o", str(out), db=db)
    assert refused.returncode == 1 and "SENTINELLE_SECRET_KEY" in refused.stderr.decode()
    os.environ["SENTINELLE_SECRET_KEY"] = "k" * 40
    try:
        done = cli("export", "posts", "--pseudonymise", "-o", str(out), db=db)
    finally:
        del os.environ["SENTINELLE_SECRET_KEY"]
    assert done.returncode == 0, done.stderr
    objects = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert b"+336" not in out.read_bytes()
    assert objects[0]["phones"] == objects[1]["phones"] and objects[0]["phones"][0].startswith(
        "pid:"
    )
