"""Compare a Spark run's output with an embedded store: extractions, flags, scores, networks."""

from __future__ import annotations

from dataclasses import dataclass, field

from sklearn.metrics import adjusted_rand_score

from sentinelle.store import Store
from sentinelle.store.load import (
    ANALYSIS_COLUMNS,
    EXTRACTION_COLUMNS,
    analysis_by_post,
    parquet_batches,
)

SCORES = ("score_minor", "score_control", "score_recruitment")


@dataclass(slots=True)
class Parity:
    """How far the two runs agree; `differences` names the first few posts that differ."""

    posts: int = 0
    missing: int = 0
    extraction_differs: int = 0
    flags_differ: int = 0
    indicators_differ: int = 0
    max_score_difference: float = 0.0
    ari: float = 1.0
    networks_spark: int = 0
    networks_embedded: int = 0
    differences: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return (
            not (self.missing or self.extraction_differs or self.flags_differ)
            and self.max_score_difference <= 1e-6
            and self.ari == 1.0
        )


def compare(store: Store, output: str) -> Parity:
    """Parity of the Spark results under `output` with the analysed posts of `store`."""
    spark_rows = {
        (row["source"], row["post_id"]): row
        for batch in parquet_batches(f"{output}/posts", ["source", "post_id", *ANALYSIS_COLUMNS])
        for row in batch.to_pylist()
    }
    parity = Parity()
    embedded_labels, spark_labels = [], []
    for row in analysis_by_post(store):
        key = (row["source"], row["post_id"])
        parity.posts += 1
        other = spark_rows.get(key)
        if other is None:
            parity.missing += 1
            _note(parity, f"{key}: not in the Spark output")
            continue
        if any(row[c] != other[c] for c in EXTRACTION_COLUMNS):
            parity.extraction_differs += 1
            _note(parity, f"{key}: extraction differs")
        if row["flags"] != other["flags"]:
            parity.flags_differ += 1
            _note(parity, f"{key}: flags {row['flags']} != {other['flags']}")
        if row["indicators"] != other["indicators"]:
            parity.indicators_differ += 1
        for name in SCORES:
            difference = abs((row[name] or 0.0) - (other[name] or 0.0))
            parity.max_score_difference = max(parity.max_score_difference, difference)
        embedded_labels.append(row["network_id"] or f"alone:{key}")
        spark_labels.append(other["network_id"] or f"alone:{key}")
    parity.missing += len(spark_rows) - (parity.posts - parity.missing)
    parity.networks_embedded = len({r for r in embedded_labels if not r.startswith("alone:")})
    parity.networks_spark = len({r for r in spark_labels if not r.startswith("alone:")})
    if embedded_labels:
        parity.ari = float(adjusted_rand_score(embedded_labels, spark_labels))
    return parity


def _note(parity: Parity, text: str) -> None:
    if len(parity.differences) < 20:
        parity.differences.append(text)
