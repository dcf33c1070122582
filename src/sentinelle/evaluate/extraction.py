"""Extraction quality: phones, handles and stated ages found versus the truth."""

from __future__ import annotations

from collections.abc import Iterable

from sentinelle.evaluate.metrics import Counts
from sentinelle.export.posts import iter_export
from sentinelle.store import Store

FIELDS = ("phones", "handles", "stated_ages")


def compare_extraction(exported: dict[tuple[str, str], dict], truths: Iterable[dict]) -> dict:
    """Per field precision/recall/F1 over the posts the truth names; pure."""
    counts = {name: Counts() for name in FIELDS}
    missing = 0
    errors: dict[str, list[dict]] = {name: [] for name in FIELDS}
    for truth in truths:
        found = exported.get((truth["source"], truth["id"]))
        if found is None:
            missing += 1
            continue
        for name in FIELDS:
            got, want = set(found[name]), set(truth.get(name) or [])
            counts[name].add(got, want)
            if got != want and len(errors[name]) < 5:
                errors[name].append(
                    {
                        "post": [truth["source"], truth["id"]],
                        "found": sorted(got, key=str),
                        "expected": sorted(want, key=str),
                    }
                )
    report = {name: counts[name].as_dict() for name in FIELDS}
    report["posts_missing_from_store"] = missing
    report["examples_of_errors"] = errors
    return report


def evaluate_extraction(store: Store, truths: list[dict]) -> dict:
    exported = {(obj["source"], obj["id"]): obj for obj in iter_export(store)}
    return compare_extraction(exported, truths)
