from __future__ import annotations

import pytest

from factories import post_dict
from sentinelle.ingest.validate import MAX_TEXT_CHARS, RecordError, validate_post


def test_a_valid_post_keeps_unknown_fields_in_extra():
    post, posted_ts = validate_post(post_dict(views=12, badge="gold"))
    assert post.extra == {"views": 12, "badge": "gold"}
    assert post.image_phashes == ["8f3a5c7e9b1d2f40"]
    assert posted_ts == 1710288000.0  # 2024-03-13T00:00:00Z


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"id": None}, "id", "missing"),
        ({"text": 12}, "text", "must be a string, got int"),
        ({"source": ["a"]}, "source", "got array"),
        ({"kind": "video"}, "kind", "not one of"),
        ({"posted_at": "13/03/2024"}, "posted_at", "not an ISO 8601 date"),
        ({"posted_at": "2024-03-13T01:00:00"}, "posted_at", "no UTC offset"),
        ({"posted_at": "2024-02-30T01:00:00+01:00"}, "posted_at", "not an ISO 8601 date"),
        ({"city": 75}, "city", "string or null"),
        ({"image_phashes": "8f3a5c7e9b1d2f40"}, "image_phashes", "must be an array"),
        ({"image_phashes": ["xyz"]}, "image_phashes", "16 hex digits"),
        ({"text": "a" * (MAX_TEXT_CHARS + 1)}, "text", "over the 100,000 limit"),
    ],
)
def test_contract_breaks_name_the_field(change, field, words):
    record = post_dict(**change)
    if change.get("id", "") is None:
        del record["id"]
    with pytest.raises(RecordError) as caught:
        validate_post(record)
    assert caught.value.field == field
    assert words in caught.value.reason


def test_null_optional_fields_are_fine():
    post, _ = validate_post(post_dict(url=None, city=None, title=None, author=None))
    assert post.city is None and post.author is None


# Defect 4 of issue 15: characters a store refuses are a record error on every path.


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("text", "dispo\x00ce soir", "NUL"),
        ("city", "Ly\x00on", "NUL"),
        ("id", "p\x001", "NUL"),
        ("title", "caf\udce9", "lone surrogate"),
        ("source", "s" * 201, "over 200"),
    ],
)
def test_unstorable_strings_are_record_errors(field: str, value: str, reason: str):
    with pytest.raises(RecordError, match=reason) as caught:
        validate_post(post_dict(1, **{field: value}))
    assert caught.value.field == field


def test_unstorable_reason_is_none_for_ordinary_text():
    from sentinelle.ingest.validate import unstorable_reason

    assert unstorable_reason("Nouvelle à Lyon, dispo ☎ 06 12 34 56 78") is None
    assert "NUL" in unstorable_reason("a\x00b")
