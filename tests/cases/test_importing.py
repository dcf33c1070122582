from __future__ import annotations

import orjson
import pytest

from sentinelle.cases.importing import import_case_file
from sentinelle.errors import InputError
from sentinelle.store.cases import count_cases, load_cases
from sentinelle.store.quarantine import list_entries

from .sample import SAMPLE_CASES


@pytest.mark.parametrize("workers", [1, 2])
def test_import_in_batches_with_a_worker_or_not(sqlite_store, tmp_path, workers):
    path = tmp_path / "cases.jsonl"
    again = {**SAMPLE_CASES[0], "area": "rural"}  # same case id, later line: it wins
    lines = [orjson.dumps(r) for r in SAMPLE_CASES] + [b'{"case_id": 1}', orjson.dumps(again)]
    path.write_bytes(b"\n".join(lines) + b"\n")
    summary = import_case_file(sqlite_store, path, batch_size=2, workers=workers)
    assert (summary.read, summary.stored, summary.replaced, summary.quarantined) == (6, 5, 1, 1)
    assert count_cases(sqlite_store) == 4
    assert {c.case_id: c.area for c in load_cases(sqlite_store)}["A"] == "rural"
    entry = next(list_entries(sqlite_store, kind="case"))
    assert (entry["line"], entry["field"]) == (5, "case_id")
    assert entry["raw"] == b'{"case_id": 1}'


def test_a_missing_file_is_an_input_error(sqlite_store, tmp_path):
    with pytest.raises(InputError, match=r"absent\.jsonl"):
        import_case_file(sqlite_store, tmp_path / "absent.jsonl")
