"""The pipeline on Apache Spark: the same step functions, run over DataFrame partitions.

Nothing here re-implements a rule: validation, extraction, scoring, hub detection and every
pairwise linking decision call the functions the embedded `analyze` calls. Spark adds what one
machine lacks: reading many files at once, grouping (band keys, identifier values, scoring
batches) across partitions, and connected components of the strong edges.
"""

from __future__ import annotations

from sentinelle.errors import SentinelleError


def require_pyspark() -> None:
    """Fail with an install hint when the optional engine is missing."""
    try:
        import pyspark  # noqa: F401
    except ImportError as error:
        raise SentinelleError(
            "Spark is not installed: pip install 'sentinelle[spark]' (needs Java 17)"
        ) from error
