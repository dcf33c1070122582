"""Extraction against the demo generator's truth (the corpus every later step is judged on)."""

from __future__ import annotations

import pytest

from sentinelle.demo.corpus import generate
from sentinelle.extract import extract_post
from sentinelle.records import Post

_FIELDS = set(Post.__dataclass_fields__)


def _f1(found: int, expected: int, correct: int) -> float:
    precision = correct / found if found else 1.0
    recall = correct / expected if expected else 1.0
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("hard_obfuscation", [0.3, 1.0])
def test_demo_corpus(hard_obfuscation: float) -> None:
    totals = {name: [0, 0, 0] for name in ("phones", "handles", "stated_ages", "tricks")}
    for raw, truth in generate(600, seed=2, hard_obfuscation=hard_obfuscation):
        extraction = extract_post(Post(**{k: v for k, v in raw.items() if k in _FIELDS}))
        found = {
            "phones": set(extraction.phone_numbers),
            "handles": set(extraction.handles),
            "stated_ages": {age.age for age in extraction.stated_ages},
            "tricks": {(hit.e164, frozenset(hit.tricks)) for hit in extraction.phones},
        }
        tricks = zip(truth["phones"], truth["phone_tricks"], strict=True)
        expected = {
            "phones": set(truth["phones"]),
            "handles": set(truth["handles"]),
            "stated_ages": set(truth["stated_ages"]),
            "tricks": {(e164, frozenset(used)) for e164, used in tricks},
        }
        for name, counts in totals.items():
            counts[0] += len(found[name])
            counts[1] += len(expected[name])
            counts[2] += len(found[name] & expected[name])
    for name, (found_count, expected_count, correct) in totals.items():
        assert _f1(found_count, expected_count, correct) >= 0.99, name
