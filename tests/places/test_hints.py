"""Department hints: codes, postcodes and department names next to a town."""

from __future__ import annotations

import pytest

from sentinelle.places.gazetteer import gazetteer
from sentinelle.places.hints import department_hint, department_hints, named_department, pick


@pytest.mark.parametrize(
    ("word", "code"),
    [("13", "13"), ("6", "06"), ("2a", "2A"), ("974", "974"), ("75015", "75"), ("15e", None)],
)
def test_department_hint(word: str, code: str | None) -> None:
    assert department_hint(word) == code


def test_named_department_reads_the_longest_name_at_the_start() -> None:
    assert named_department(["seine", "saint", "denis", "ce", "soir"]) == "93"
    assert named_department(["la", "reunion"]) == "974"
    assert named_department(["reunion"]) == "974"
    assert named_department(["ce", "soir"]) is None


def test_department_hints_collect_every_way_of_naming_one() -> None:
    assert department_hints(["nice", "alpes", "maritimes", "06000"]) == {"06"}
    assert department_hints(["saint", "denis", "93"]) == {"93"}


def test_pick_prefers_a_hinted_department_else_the_best() -> None:
    candidates = gazetteer().by_key["saint denis"]
    assert pick(candidates, {"974"}) == (candidates[1], True)
    assert pick(candidates, {"01"}) == (candidates[0], False)
    assert pick(candidates, set()) == (candidates[0], False)
