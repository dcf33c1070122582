"""`sentinelle spark analyze` and `sentinelle load` as commands."""

from __future__ import annotations

import pytest

from sentinelle.export.posts import iter_export
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
