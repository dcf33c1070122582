from __future__ import annotations

import datetime as dt

import orjson
import pytest

from sentinelle.cases.records import (
    Case,
    CaseFieldError,
    Rejection,
    case_to_dict,
    parse_case,
    read_cases,
)

from .sample import SAMPLE_CASES


def test_a_contract_case_parses():
    case = parse_case(SAMPLE_CASES[1])
    assert case.opened_on == dt.date(2024, 1, 10)
    assert case.victims[0].situation == ("runaway", "care_home")
    assert case.suspects[0].former_victim is True
    assert case.suspects[1].prior_drug_offence is False  # a missing flag counts as false
    assert case.suspects[2].procedural_status == "accused"


def test_round_trip_keeps_unknown_fields():
    record = {**SAMPLE_CASES[0], "court": "Bobigny"}
    again = parse_case(case_to_dict(parse_case(record)))
    assert again.extra == {"court": "Bobigny"}
    assert case_to_dict(again) == case_to_dict(parse_case(record))


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"case_id": ""}, "case_id", "required"),
        ({"opened_on": "17/05/2024"}, "opened_on", "not a date"),
        ({"area": "suburb"}, "area", "urban, periurban, rural"),
        ({"victims": [{"age": "15"}]}, "victims[0].age", "age"),
        ({"victims": [{"age": 15, "situation": ["lost"]}]}, "victims[0].situation[0]", "runaway"),
        ({"suspects": [{"role": "boss"}]}, "suspects[0].role", "pimp"),
        (
            {"suspects": [{"role": "pimp", "former_victim": "yes"}]},
            "suspects[0].former_victim",
            "true",
        ),
        ({"identifiers": [33612345678]}, "identifiers[0]", "string"),
    ],
)
def test_errors_name_the_field(change, field, words):
    with pytest.raises(CaseFieldError) as raised:
        parse_case({**SAMPLE_CASES[0], **change})
    assert raised.value.field == field
    assert words in str(raised.value)


def test_reader_rejects_bad_lines_and_goes_on(tmp_path):
    path = tmp_path / "cases.jsonl"
    lines = [
        orjson.dumps(SAMPLE_CASES[0]),
        b"{not json",
        b"",
        orjson.dumps({**SAMPLE_CASES[1], "area": "moon"}),
        orjson.dumps(SAMPLE_CASES[2]),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    read = list(read_cases(path))
    assert [type(item) for item in read] == [Case, Rejection, Rejection, Case]
    assert read[1].line == 2 and read[1].reason.startswith("not JSON")
    assert read[2].line == 4 and str(read[2]) == (
        f"{path}:4: area: 'moon' is not one of urban, periurban, rural"
    )
    assert read[2].field == "area" and read[2].file == str(path)
    assert orjson.loads(read[2].raw)["area"] == "moon"
    assert str(read[1]).startswith(f"{path}:2: not JSON")
