"""`sentinelle spark analyze` and `sentinelle load` as commands."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import SRC
from sentinelle.demo.files import write_corpus
from sentinelle.export.networks import iter_networks
from sentinelle.export.posts import iter_export
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.pipeline.analyze import analyze
from sentinelle.store import open_store

pytestmark = pytest.mark.spark


def test_spark_analyze_names_a_missing_input_before_starting_spark(cli, tmp_path):
    result = cli(
        "spark",
        "analyze",
        "--input",
        str(tmp_path / "nope.jsonl"),
        "--output",
        str(tmp_path / "out"),
    )
    assert result.returncode == 1
    assert b"nope.jsonl: no such file or directory" in result.stderr


def test_spark_analyze_refuses_an_unknown_format(cli, tmp_path):
    odd = tmp_path / "posts.xml"
    odd.write_text("<posts/>")
    result = cli("spark", "analyze", "--input", str(odd), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert b"unknown format" in result.stderr


def test_load_command_fills_a_store_from_spark_results(cli, runs, tmp_path):
    database = str(tmp_path / "loaded.db")
    result = cli("load", runs.output, db=database)
    assert result.returncode == 0, result.stderr
    posts = sum(1 for _ in iter_export(runs.store))
    assert f"loaded {posts:,} posts".encode() in result.stdout
    store = open_store(database)
    assert sum(1 for _ in iter_export(store)) == posts
    store.close()


def test_load_names_a_directory_that_is_not_spark_output(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("load", str(tmp_path / "empty"), db=str(tmp_path / "x.db"))
    assert result.returncode == 1
    assert result.stderr.strip()


@pytest.mark.postgres
def test_spark_analyze_then_load_into_postgresql_gives_the_embedded_exports(postgres_url, tmp_path):
    """The two commands end to end, PostgreSQL taking the rows through COPY: the store exports
    what the embedded `ingest` + `analyze` store exports."""
    posts = tmp_path / "posts.jsonl"
    write_corpus(400, 61, 0.3, posts, None)
    out = str(tmp_path / "out")
    analyzed = _slow_cli("spark", "analyze", "--input", str(posts), "--output", out,
                         "--master", "local[2]")  # fmt: skip
    assert analyzed.returncode == 0, analyzed.stderr
    loaded = _slow_cli("load", out, db=postgres_url)
    assert loaded.returncode == 0, loaded.stderr
    embedded = open_store(str(tmp_path / "embedded.db"))
    ingest_files(embedded, [str(posts)])
    analyze(embedded, workers=1)
    store = open_store(postgres_url)
    try:
        assert store.engine.dialect.name == "postgresql"
        assert list(iter_export(store)) == list(iter_export(embedded))
        networks = list(iter_networks(store))
        assert networks == list(iter_networks(embedded))
        assert len(networks) >= 5
    finally:
        store.close()
        embedded.close()


def _slow_cli(*args: str, db: str | None = None) -> subprocess.CompletedProcess:
    """The CLI as `run_cli` runs it, with room for a JVM start on a loaded machine."""
    env = {**os.environ, "PYTHONPATH": SRC, **({"SENTINELLE_DB": db} if db else {})}
    return subprocess.run([sys.executable, "-m", "sentinelle", *args], capture_output=True,
                          env=env, timeout=1200)  # fmt: skip
