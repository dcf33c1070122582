"""Which posts a reviewer should label next: by expected information, or down one score.

Expected information: a label teaches the model most where the model is least sure *at its own
operating point*, i.e. where a score sits near that label's threshold (not near 0.5: the minor
threshold is high, the control one low). Each post's uncertainty is the binary entropy of its
score re-centred on the threshold, taken at the label where it is largest. Picks are spread
over networks (TrafficVis-style labelling): each further post of a network already picked counts
half as much, so one large network cannot fill the queue.

By score: highest score of one label first, so recall becomes a choice of how far down the list
to read, whatever the threshold.
"""

from __future__ import annotations

import math

from sentinelle.indicators.indicator import LABELS

SPREAD = 0.5  # weight of each further post of an already picked network


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def uncertainty(score: float, threshold: float) -> float:
    """Entropy (bits) of the score re-centred so that the threshold reads as 0.5."""
    p = 1 / (1 + math.exp(-(_logit(score) - _logit(threshold))))
    if p <= 0 or p >= 1:
        return 0.0
    return -(p * math.log2(p) + (1 - p) * math.log2(1 - p))


def information(row: dict, thresholds: dict[str, float]) -> float:
    """A post's expected information: its largest uncertainty over the labels."""
    values = [
        uncertainty(row[f"score_{label}"], thresholds[label])
        for label in LABELS
        if row.get(f"score_{label}") is not None
    ]
    return max(values, default=0.0)


def by_information(rows: list[dict], thresholds: dict[str, float], limit: int) -> list[dict]:
    """`limit` rows, most informative first, spread over networks (greedy)."""
    base = {row["pk"]: information(row, thresholds) for row in rows}
    picked: list[dict] = []
    per_network: dict[str, int] = {}
    remaining = sorted(rows, key=lambda row: -base[row["pk"]])
    while remaining and len(picked) < limit:
        best_index, best_value = 0, -1.0
        for index, row in enumerate(remaining):
            if base[row["pk"]] <= best_value:
                break  # sorted: no later row can beat the best discounted one
            network = row.get("network_id")
            seen = per_network.get(network, 0) if network else 0
            value = base[row["pk"]] * SPREAD**seen
            if value > best_value:
                best_index, best_value = index, value
        row = remaining.pop(best_index)
        row["information"] = round(base[row["pk"]], 3)
        if row.get("network_id"):
            per_network[row["network_id"]] = per_network.get(row["network_id"], 0) + 1
        picked.append(row)
    return picked


def by_score(rows: list[dict], label: str, limit: int) -> list[dict]:
    """`limit` rows, highest `label` score first."""
    scored = [row for row in rows if row.get(f"score_{label}") is not None]
    return sorted(scored, key=lambda row: -row[f"score_{label}"])[:limit]
