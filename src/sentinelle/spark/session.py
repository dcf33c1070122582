"""A SparkSession with the settings the pipeline relies on."""

from __future__ import annotations

import os
import sys
import tempfile

from sentinelle.spark import require_pyspark


def spark_session(
    master: str | None = None,
    shuffle_partitions: int = 8,
    checkpoint_dir: str | None = None,
    settings: dict[str, str] | None = None,
):
    """Get or create the session; `master` None keeps what spark-submit configured.

    Local masters run the Python workers with this interpreter, so executors import the same
    `sentinelle` (on a cluster, ship the wheel: see docs/spark.md).
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    launched = "PYSPARK_GATEWAY_PORT" in os.environ  # by spark-submit, which set the Python
    if not launched and (master is None or master.startswith("local")):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("sentinelle")
    if master:
        builder = builder.master(master)
    builder = (
        builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.ui.showConsoleProgress", "false")
    )
    for key, value in (settings or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    if session.sparkContext.getCheckpointDir() is None:
        session.sparkContext.setCheckpointDir(
            checkpoint_dir or tempfile.mkdtemp(prefix="sentinelle-checkpoints-")
        )
    return session
