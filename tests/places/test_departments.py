"""Department codes as posts write them, and postcodes."""

from __future__ import annotations

import pytest

from sentinelle.places.departments import department_of_postcode, normalize_code


@pytest.mark.parametrize(
    ("written", "code"),
    [("6", "06"), ("06", "06"), ("2a", "2A"), (" 974 ", "974"), ("20", None), ("99", None)],
)
def test_normalize_code(written: str, code: str | None) -> None:
    assert normalize_code(written) == code


@pytest.mark.parametrize(
    ("postcode", "code"),
    [
        ("75015", "75"),
        ("20000", "2A"),
        ("20200", "2B"),
        ("97400", "974"),
        ("97600", "976"),
        ("1234", None),
        ("abcde", None),
    ],
)
def test_department_of_postcode(postcode: str, code: str | None) -> None:
    assert department_of_postcode(postcode) == code
