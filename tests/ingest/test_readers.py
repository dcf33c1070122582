from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from factories import jsonl, post_dict
from sentinelle.errors import InputError
from sentinelle.ingest.readers import CsvReader, JsonlReader, WarcReader, reader_for


def test_jsonl_lines_are_numbered_from_one_and_blank_lines_skipped(tmp_path: Path):
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(post_dict(1)) + b"\n" + jsonl(post_dict(2)))
    records = list(JsonlReader(str(path)))
    assert [r.line for r in records] == [1, 3]
    assert records[1].fields["id"] == "p00002"


def test_invalid_utf8_and_broken_json_are_errors_with_raw_bytes(tmp_path: Path):
    path = tmp_path / "posts.jsonl"
    bad_utf8 = b'{"id": "x\xff\xfe", "source": "s"}'
    path.write_bytes(jsonl(post_dict(1)) + bad_utf8 + b"\n" + b'{"id": "a", \n' + b"[1, 2]\n")
    records = list(JsonlReader(str(path)))
    assert records[1].error.startswith("invalid UTF-8 at byte")
    assert records[1].raw == bad_utf8
    assert records[2].error.startswith("not valid JSON")
    assert records[3].error == "not a JSON object"


def test_truncated_gzip_keeps_what_was_read_and_reports_the_rest(tmp_path: Path):
    path = tmp_path / "posts.jsonl.gz"
    whole = gzip.compress(jsonl(*[post_dict(i, text="x" * 3000 + str(i)) for i in range(200)]))
    path.write_bytes(whole[: len(whole) // 2])
    records = list(JsonlReader(str(path)))
    good = [r for r in records if r.error is None]
    assert 0 < len(good) < 200
    assert "unreadable from here on" in records[-1].error
    assert records[-1].line == len(good) + 1


def test_csv_splits_phashes_and_maps_empty_cells_to_null(tmp_path: Path):
    path = tmp_path / "posts.csv"
    path.write_text(
        "id,source,kind,text,posted_at,city,image_phashes\n"
        'a,s,ad,"dispo, Lyon",2024-03-13T01:00:00+01:00,,8f3a5c7e9b1d2f40 0000000000000001\n'
        "b,s,ad,too,few\n",
        encoding="utf-8",
    )
    records = list(CsvReader(str(path)))
    assert records[0].fields["city"] is None
    assert records[0].fields["image_phashes"] == ["8f3a5c7e9b1d2f40", "0000000000000001"]
    assert records[0].fields["text"] == "dispo, Lyon"
    assert records[1].error == "5 values for 7 header columns"
    assert records[1].line == 3


def test_warc_response_records_become_ads(tmp_path: Path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    html = (
        "<html><head><title>Nouvelle à Nantes</title><style>p{}</style></head><body>"
        "<p>Dispo ce soir</p><script>var x=1;</script><div>Appeler 06 12 34 56 78</div>"
        "</body></html>"
    ).encode()
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            "https://annonces.example/a/42",
            "response",
            payload=BytesIO(html),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-13T00:00:00Z"},
        )
        writer.write_record(record)
    [record] = list(WarcReader(str(path)))
    assert record.fields["source"] == "annonces.example"
    assert record.fields["id"] == "https://annonces.example/a/42"
    assert record.fields["title"] == "Nouvelle à Nantes"
    assert record.fields["text"] == "Dispo ce soir\nAppeler 06 12 34 56 78"
    assert record.fields["posted_at"] == "2024-03-13T00:00:00Z"


def test_unknown_extension_and_missing_file_are_input_errors(tmp_path: Path):
    with pytest.raises(InputError, match="unknown format"):
        reader_for(str(tmp_path / "posts.xml"))
    with pytest.raises(InputError, match="cannot open"):
        list(reader_for(str(tmp_path / "absent.jsonl")))
