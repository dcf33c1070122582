"""`sentinelle demo-data` run as a real command."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC, "SENTINELLE_DB": str(tmp_path / "db.sqlite")}
    return subprocess.run(
        [sys.executable, "-m", "sentinelle", "demo-data", *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_writes_posts_and_truth(tmp_path: Path) -> None:
    posts, truth = tmp_path / "posts.jsonl", tmp_path / "truth.jsonl"
    result = _run(
        tmp_path, "--posts", "300", "--seed", "2", "--output", str(posts), "--truth", str(truth)
    )
    assert result.returncode == 0, result.stderr
    post_lines = [json.loads(line) for line in posts.read_text(encoding="utf-8").splitlines()]
    truth_lines = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
    assert len(post_lines) == len(truth_lines) == 300
    assert [(p["source"], p["id"]) for p in post_lines] == [
        (t["source"], t["id"]) for t in truth_lines
    ]
    assert "wrote 300 posts" in result.stderr


def test_same_seed_same_bytes_and_gzip_by_name(tmp_path: Path) -> None:
    plain, zipped = tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"
    assert _run(tmp_path, "--posts", "200", "--output", str(plain)).returncode == 0
    assert _run(tmp_path, "--posts", "200", "--output", str(zipped)).returncode == 0
    assert gzip.decompress(zipped.read_bytes()) == plain.read_bytes()


def test_csv_format_has_the_contract_columns(tmp_path: Path) -> None:
    target = tmp_path / "posts.csv"
    result = _run(tmp_path, "--posts", "50", "--output", str(target), "--format", "csv")
    assert result.returncode == 0, result.stderr
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header == "id,source,kind,text,posted_at,url,city,title,author,image_phashes"


def test_no_hard_obfuscation_means_plain_phones_only(tmp_path: Path) -> None:
    truth = tmp_path / "truth.jsonl"
    output = str(tmp_path / "p.jsonl")
    result = _run(
        tmp_path,
        "--posts",
        "200",
        "--hard-obfuscation",
        "0",
        "--output",
        output,
        "--truth",
        str(truth),
    )
    assert result.returncode == 0, result.stderr
    tricks = [
        json.loads(line)["phone_tricks"] for line in truth.read_text(encoding="utf-8").splitlines()
    ]
    assert all(not t for per_post in tricks for t in per_post)


@pytest.mark.parametrize(
    "args", [["--posts", "-5"], ["--hard-obfuscation", "2"], ["--format", "xml"]]
)
def test_wrong_usage_exits_2(tmp_path: Path, args: list[str]) -> None:
    assert _run(tmp_path, *args).returncode == 2
