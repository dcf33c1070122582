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


# Defect 3 of issue 15: input that used to be lost.


def _write_warc(path: Path, count: int) -> bytes:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        for index in range(count):
            html = f"<html><body><p>Dispo ce soir a Lyon, annonce {index}</p></body></html>"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://annonces.example/a/{index}",
                "response",
                payload=BytesIO(html.encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-13T00:00:00Z"},
            )
            writer.write_record(record)
    return path.read_bytes()


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
@pytest.mark.parametrize("cut", [0.1, 0.5])
def test_a_cut_warc_keeps_every_record_before_the_damage(tmp_path: Path, name: str, cut: float):
    whole = _write_warc(tmp_path / name, 50)
    path = tmp_path / f"cut-{name}"
    path.write_bytes(whole[: int(len(whole) * cut)])
    records = list(reader_for(str(path)))
    good = [r for r in records if r.fields is not None]
    bad = [r for r in records if r.fields is None]
    assert len(good) >= int(50 * cut) - 1
    assert [r.fields["id"] for r in good] == [
        f"https://annonces.example/a/{i}" for i in range(len(good))
    ]
    [tail] = bad
    assert tail.line == len(good) + 1
    assert "damaged WARC from byte offset" in tail.error
    assert tail.field == "offset"


def test_a_warc_damaged_in_the_middle_keeps_the_first_half(tmp_path: Path):
    data = bytearray(_write_warc(tmp_path / "crawl.warc.gz", 40))
    middle = len(data) // 2
    data[middle : middle + 40] = b"\x00garbage" * 5
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(data))
    records = list(reader_for(str(path)))
    assert sum(r.fields is not None for r in records) >= 19
    assert records[-1].fields is None and "byte offset" in records[-1].error


def test_a_file_that_is_not_warc_says_so(tmp_path: Path):
    path = tmp_path / "page.warc"
    path.write_bytes(b"<html>not an archive</html>\n")
    with pytest.raises(InputError, match="not a WARC file"):
        list(reader_for(str(path)))


def test_csv_field_of_a_megabyte_does_not_lose_the_rows_after_it(tmp_path: Path):
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    columns = list(post_dict(0))
    writer.writerow(columns)
    for index in range(102):
        post = post_dict(index, image_phashes=" ".join(post_dict(index)["image_phashes"]))
        if index == 1:
            post["text"] = "dispo " * 200_000  # 1.2 MB quoted field
        writer.writerow([post[c] for c in columns])
    path = tmp_path / "posts.csv"
    path.write_text(out.getvalue())
    records = list(reader_for(str(path)))
    assert len(records) == 102
    assert all(r.fields is not None for r in records)
    assert records[-1].fields["id"] == "p00101"


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks_are_read(tmp_path: Path, suffix: str, encoding: str):
    posts = [post_dict(i) for i in range(3)]
    if suffix == ".jsonl":
        text = jsonl(*posts).decode()
    else:
        columns = list(posts[0])
        rows = [",".join(columns)] + [
            ",".join(" ".join(p[c]) if isinstance(p[c], list) else f'"{p[c]}"' for c in columns)
            for p in posts
        ]
        text = "\n".join(rows) + "\n"
    path = tmp_path / f"posts{suffix}"
    path.write_bytes(text.encode(encoding))
    records = list(reader_for(str(path)))
    assert [r.fields["id"] for r in records] == ["p00000", "p00001", "p00002"]
    assert records[0].fields["text"] == posts[0]["text"]


def test_utf16_without_a_byte_order_mark_is_refused_with_the_reason(tmp_path: Path):
    path = tmp_path / "posts.jsonl"
    path.write_bytes(jsonl(post_dict(1)).decode().encode("utf-16-le"))
    with pytest.raises(InputError, match="UTF-16 without a byte order mark"):
        list(reader_for(str(path)))
