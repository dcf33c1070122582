"""`sentinelle cases import`, `sentinelle report note` and the demo case command, run for real."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from cases.sample import EXPECTED_2024, SAMPLE_CASES
from conftest import SRC
from factories import post_dict
from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.pipeline.analyze import analysis_rows
from sentinelle.records import Extraction, PhoneHit
from sentinelle.store import open_store
from sentinelle.store.posts import iter_pending, save_analyses, save_posts


def _case_file(tmp_path: Path, *extra_lines: bytes) -> Path:
    path = tmp_path / "cases.jsonl"
    lines = [orjson.dumps(record) for record in SAMPLE_CASES] + list(extra_lines)
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _contract_part(figures: dict) -> dict:
    return {key: figures[key] for key in EXPECTED_2024}


def test_import_quarantines_bad_cases_and_goes_on(cli, tmp_path):
    db = str(tmp_path / "s.db")
    bad = orjson.dumps({**SAMPLE_CASES[0], "case_id": "Z", "area": "moon"})
    path = _case_file(tmp_path, bad, b"{oops")
    result = cli("cases", "import", str(path), db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == (
        "read 6 records: 4 cases stored (0 replaced), 2 quarantined"
    )
    assert f"{path}:5: area: 'moon' is not one of urban" in result.stderr.decode()
    listed = cli("quarantine", "list", "--kind", "case", db=db).stdout.decode()
    assert f"{path}:5 [area] 'moon' is not one of urban, periurban, rural" in listed
    assert f"{path}:6 not JSON" in listed
    again = cli("cases", "import", str(path), db=db)
    assert "4 cases stored (4 replaced)" in again.stdout.decode()


def test_note_json_from_a_file_holds_the_contract(cli, tmp_path):
    out = tmp_path / "note.json"
    result = cli(
        "report",
        "note",
        "--cases",
        str(_case_file(tmp_path)),
        "--format",
        "json",
        "--output",
        str(out),
        db=str(tmp_path / "absent.db"),
    )
    assert result.returncode == 0, result.stderr
    figures = orjson.loads(out.read_bytes())
    assert _contract_part(figures) == EXPECTED_2024
    assert "case_links" not in figures  # no database: no cross-link, and none created
    assert not (tmp_path / "absent.db").exists()


def test_note_year_option(cli, tmp_path):
    result = cli("report", "note", "--cases", str(_case_file(tmp_path)), "--year", "2023")
    figures = orjson.loads(result.stdout)
    assert figures["year"] == 2023 and figures["victims"] == {"minor": 1, "adult": 0}


def test_note_from_the_store_links_cases_to_networks(cli, tmp_path):
    db = str(tmp_path / "s.db")
    _store_linked_posts(db)
    assert cli("cases", "import", str(_case_file(tmp_path)), db=db).returncode == 0
    result = cli("report", "note", "--from-store", db=db)
    assert result.returncode == 0, result.stderr
    figures = orjson.loads(result.stdout)
    assert _contract_part(figures) == EXPECTED_2024
    assert figures["case_links"] == [
        {
            "case_id": "A",
            "opened_on": "2023-03-01",
            "identifiers": ["+33612345678"],
            "networks": ["n-000001"],
            "posts": 2,
            "cities": ["Lyon", "Marseille"],
            "first_seen": "2024-03-13T01:00:00+01:00",
            "last_seen": "2024-04-02T09:00:00+02:00",
        }
    ]
    assert figures["networks_known_to_cases"] == {"n-000001": ["A"]}
    html = cli("report", "note", "--from-store", "--format", "html", db=db).stdout.decode()
    assert "<td>n-000001</td><td>A</td>" in html


def _store_linked_posts(db: str) -> None:
    """Two posts of one network carrying case A's phone, saved as `analyze` saves them."""
    store = open_store(db)
    records = [post_dict(1), post_dict(2, city="Marseille", posted_at="2024-04-02T09:00:00+02:00")]
    triples = []
    for record in records:
        post, posted_ts = validate_post(record)
        triples.append((post, posted_ts, content_hash(post)))
    save_posts(store, triples)
    batch = next(iter_pending(store, 10))
    found = Extraction(phones=[PhoneHit("+33612345678", "06 12 34 56 78")])
    rows, identifiers = analysis_rows(batch, [found, found], time.time())
    for row in rows:
        row["network_id"] = "n-000001"
    save_analyses(store, rows, identifiers)
    store.close()


@pytest.mark.parametrize(
    "args",
    [
        ("report", "note"),
        ("report", "note", "--cases", "x.jsonl", "--from-store"),
        ("report", "note", "--cases", "x.jsonl", "--format", "pdf"),
        ("report", "note", "--cases", "x.jsonl", "--format", "docx"),
    ],
)
def test_wrong_usage_exits_2(cli, tmp_path, args):
    assert cli(*args, db=str(tmp_path / "s.db")).returncode == 2


def test_missing_case_file_exits_1(cli, tmp_path):
    for args in (("cases", "import"), ("report", "note", "--cases")):
        result = cli(*args, str(tmp_path / "absent.jsonl"), db=str(tmp_path / "s.db"))
        assert result.returncode == 1
        assert "cannot read case file" in result.stderr.decode()


def test_demo_cases_command_reproduces_the_published_figures(cli, tmp_path):
    out = tmp_path / "demo_cases.jsonl"
    command = "from sentinelle.cli.cases import demo_cases; demo_cases()"
    made = subprocess.run(
        [sys.executable, "-c", command, "--output", str(out), "--seed", "5"],
        env={**os.environ, "PYTHONPATH": SRC, "SENTINELLE_DB": str(tmp_path / "s.db")},
        capture_output=True,
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.decode().startswith("wrote 1,036 demo cases")
    figures = orjson.loads(cli("report", "note", "--cases", str(out)).stdout)
    assert figures["victims"] == {"minor": 272, "adult": 189}
    assert figures["cases_per_year"]["2015"] == 21
    assert figures["cases_per_year"]["2024"] == 226
    assert round(figures["minor_victims"]["french_share"], 2) == 0.87
    assert figures["minor_victims"]["min_age"] == 12


def test_demo_cases_carry_identifiers_of_the_demo_posts(tmp_path):
    from sentinelle.demo import generate

    out = tmp_path / "demo_cases.jsonl"
    command = "from sentinelle.cli.cases import demo_cases; demo_cases()"
    made = subprocess.run(
        [sys.executable, "-c", command, "-o", str(out), "--posts", "4000", "--posts-seed", "3"],
        env={**os.environ, "PYTHONPATH": SRC, "SENTINELLE_DB": str(tmp_path / "s.db")},
        capture_output=True,
    )
    assert made.returncode == 0, made.stderr
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    online = set()
    for _post, truth in generate(4000, 3):
        online.update(truth["phones"], truth["handles"])
    carriers = [r for r in records if online & set(r["identifiers"])]
    assert len(carriers) >= 3
    assert f"({len(carriers)} carry an identifier seen online)" in made.stdout.decode()


def test_a_note_from_a_file_survives_an_unreachable_database(cli, tmp_path):
    unreachable = "postgresql://nobody@127.0.0.1:1/none"
    result = cli("report", "note", "--cases", str(_case_file(tmp_path)), db=unreachable)
    assert result.returncode == 0
    assert _contract_part(orjson.loads(result.stdout)) == EXPECTED_2024
    assert "no cross-link" in result.stderr.decode()
    assert cli("report", "note", "--from-store", db=unreachable).returncode == 1


def test_demo_cases_planted_from_the_networks_in_the_store(tmp_path):
    db = str(tmp_path / "s.db")
    _store_linked_posts(db)
    out = tmp_path / "demo_cases.jsonl"
    command = "from sentinelle.cli.cases import demo_cases; demo_cases()"
    made = subprocess.run(
        [sys.executable, "-c", command, "-o", str(out), "--plant-from-store"],
        env={**os.environ, "PYTHONPATH": SRC, "SENTINELLE_DB": db},
        capture_output=True,
    )
    assert made.returncode == 0, made.stderr
    assert "(1 carry an identifier seen online)" in made.stdout.decode()
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert sum("+33612345678" in r["identifiers"] for r in records) == 1
