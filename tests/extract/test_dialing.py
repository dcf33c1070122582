"""Validation and E.164 agree with phonenumbers."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.extract.dialing import read_international, read_national

_KINDS = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("0612345678", ("+33612345678", "mobile")),
        ("0142685300", ("+33142685300", "fixed")),
        ("0712345678", None),  # 071 is not allocated
        ("0899123456", None),  # premium rate
        ("0470123456", ("+33470123456", "fixed")),  # France first
    ],
)
def test_read_national(digits: str, expected: tuple[str, str] | None) -> None:
    assert read_national(digits) == expected


@pytest.mark.parametrize(
    ("digits", "e164"),
    [
        ("33612345678", "+33612345678"),
        ("330612345678", "+33612345678"),  # "+33 (0)6..."
        ("32470123456", "+32470123456"),
        ("41791234567", "+41791234567"),
        ("34612345678", "+34612345678"),
        ("393123456789", "+393123456789"),
        ("4915123456789", "+4915123456789"),
        ("352621123456", "+352621123456"),
    ],
)
def test_read_international(digits: str, e164: str) -> None:
    found = read_international(digits)
    assert found is not None and found[0] == e164


@settings(max_examples=300, deadline=None)
@given(st.integers(10**8, 10**9 - 1))
def test_national_agrees_with_phonenumbers(significant: int) -> None:
    digits = f"0{significant}"
    number = phonenumbers.parse(digits, "FR")
    valid = phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in _KINDS
    found = read_national(digits)
    assert (found is not None) == valid
    if found:
        assert found[0] == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
