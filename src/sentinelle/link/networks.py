"""Stable network ids across incremental runs.

A component keeps the id its posts already had; when components that had different ids
merge, the oldest id (the lowest number, ids being issued in order) survives and the others
become its aliases; when a network splits, the part holding most of its posts keeps the id.
A post linked to no other post has no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

_ID = re.compile(r"n-(\d+)")


def format_id(number: int) -> str:
    return f"n-{number:06d}"


def parse_id(network_id: str) -> int:
    match = _ID.fullmatch(network_id)
    if match is None:
        raise ValueError(f"not a network id: {network_id!r} (expected like 'n-000123')")
    return int(match.group(1))


@dataclass(slots=True)
class NetworkIds:
    """Network id of every post (None when alone), aliases (old id -> survivor), next number."""

    ids: list[str | None]
    aliases: dict[str, str] = field(default_factory=dict)
    next_number: int = 1


def assign_network_ids(
    labels: np.ndarray,
    previous: list[str | None],
    aliases: dict[str, str] | None = None,
    next_number: int = 1,
) -> NetworkIds:
    """Give each component of two or more posts an id, reusing `previous` ids where it can."""
    aliases = dict(aliases or {})
    old = _previous_numbers(previous, aliases)
    sizes = np.bincount(labels, minlength=int(labels.max(initial=-1)) + 1)
    owned = _owned_numbers(labels, old)
    number_of_label: dict[int, int] = {}
    for label, numbers in sorted(owned.items()):
        if sizes[label] < 2:
            continue
        survivor = min(numbers)
        number_of_label[label] = survivor
        for other in numbers:
            if other != survivor:
                aliases[format_id(other)] = format_id(survivor)
    for label in _labels_in_first_seen_order(labels):
        if sizes[label] >= 2 and label not in number_of_label:
            number_of_label[label] = next_number
            next_number += 1
    ids = [format_id(number_of_label[label]) if label in number_of_label else None
           for label in labels.tolist()]  # fmt: skip
    return NetworkIds(ids, flatten_aliases(aliases), next_number)


def _previous_numbers(previous: list[str | None], aliases: dict[str, str]) -> np.ndarray:
    """Each post's previous network number after following aliases; -1 for none."""
    resolved = [_resolve(p, aliases) if p else None for p in previous]
    return np.array([parse_id(p) if p else -1 for p in resolved], dtype=np.int64)


def _resolve(network_id: str, aliases: dict[str, str]) -> str:
    seen = set()
    while network_id in aliases and network_id not in seen:
        seen.add(network_id)
        network_id = aliases[network_id]
    return network_id


def _owned_numbers(labels: np.ndarray, old: np.ndarray) -> dict[int, list[int]]:
    """Old numbers per label; a number split over labels goes to the label holding most posts."""
    has_old = old >= 0
    if not has_old.any():
        return {}
    pairs, counts = np.unique(np.stack([old[has_old], labels[has_old]], axis=1), axis=0,
                              return_counts=True)  # fmt: skip
    order = np.lexsort((pairs[:, 1], -counts, pairs[:, 0]))
    owned: dict[int, list[int]] = {}
    taken: set[int] = set()
    for number, label in pairs[order].tolist():
        if number not in taken:
            taken.add(number)
            owned.setdefault(label, []).append(number)
    return owned


def _labels_in_first_seen_order(labels: np.ndarray) -> list[int]:
    _, first = np.unique(labels, return_index=True)
    return labels[np.sort(first)].tolist()


def flatten_aliases(aliases: dict[str, str]) -> dict[str, str]:
    """Point every alias straight at its final survivor."""
    return {alias: _resolve(alias, aliases) for alias in aliases}
