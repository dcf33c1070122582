from __future__ import annotations

from pathlib import Path

import pytest

from factories import jsonl, post_dict


def test_ingest_reports_counts_and_quarantine(cli, tmp_path: Path):
    db = str(tmp_path / "s.db")
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(post_dict(1), post_dict(2)) + b"{oops\n")
    result = cli("ingest", str(path), db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == (
        "read 3 records from 1 file(s): 2 stored, 0 updated, 0 duplicates, 1 quarantined"
    )
    assert f"{path}:3: not valid JSON" in result.stderr.decode()
    listed = cli("quarantine", "list", db=db)
    assert listed.stdout.decode().startswith(f"{path}:3 not valid JSON")


def test_ingest_from_stdin(cli, tmp_path: Path):
    db = str(tmp_path / "s.db")
    result = cli("ingest", "-", db=db, stdin=jsonl(post_dict(1), post_dict(1)))
    assert result.returncode == 0
    assert "1 stored, 0 updated, 1 duplicates" in result.stdout.decode()


def test_missing_file_exits_1_with_its_name(cli, tmp_path: Path):
    result = cli("ingest", str(tmp_path / "absent.jsonl"), db=str(tmp_path / "s.db"))
    assert result.returncode == 1
    assert f"{tmp_path / 'absent.jsonl'}: cannot open" in result.stderr.decode()


def test_bad_database_url_exits_1(cli, tmp_path: Path):
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(post_dict(1)))
    result = cli("ingest", str(path), db="nosuchdb://nowhere")
    assert result.returncode == 1
    assert "bad database URL" in result.stderr.decode()


def test_wrong_usage_exits_2(cli, tmp_path: Path):
    assert cli("ingest", db=str(tmp_path / "s.db")).returncode == 2
    assert cli("export", "posts", "--format", "xml").returncode == 2


def test_help_lists_the_commands(cli):
    result = cli("--help")
    assert result.returncode == 0
    for command in ("ingest", "analyze", "export", "quarantine"):
        assert command in result.stdout.decode()


def test_a_file_that_is_not_warc_exits_1_and_says_so(cli, tmp_path: Path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"<html>a saved page, not an archive</html>\n")
    result = cli("ingest", str(path), db=str(tmp_path / "s.db"))
    assert result.returncode == 1
    assert "not a WARC file" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


@pytest.mark.postgres
def test_a_nul_character_quarantines_one_record_on_postgresql(cli, tmp_path: Path, postgres_url):
    """Defect 4 of issue 15: one \\u0000 used to abort the whole ingest on PostgreSQL."""
    path = tmp_path / "posts.jsonl"
    posts = [post_dict(i) for i in range(5)]
    posts[2]["text"] = "Dispo ce soir\u0000 a Lyon"
    path.write_bytes(jsonl(*posts))
    result = cli("ingest", str(path), db=postgres_url)
    assert result.returncode == 0, result.stderr
    assert "4 stored, 0 updated, 0 duplicates, 1 quarantined" in result.stdout.decode()
    assert "field 'text': 'text' contains a NUL character" in result.stderr.decode()
