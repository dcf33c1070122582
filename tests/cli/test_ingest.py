from __future__ import annotations

from pathlib import Path

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
