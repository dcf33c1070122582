"""`sentinelle spark analyze`: read, validate, extract, link, score; write Parquet.

The output directory holds `posts/` (each post with its extraction, scores, flags, indicators
and network id), `networks/` (one profile per network, the export contract as JSON),
`quarantine/` (file, line, field, reason, raw bytes), `edges/` (the evidence `link_edges`
keeps) and `state/` (hubs and the next network number); `sentinelle load` reads them all.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import orjson

from sentinelle.link.config import LinkConfig
from sentinelle.spark.extract import extract, numbered_posts
from sentinelle.spark.link import link
from sentinelle.spark.networks import profiles
from sentinelle.spark.read import check_inputs, read_records
from sentinelle.spark.score import score
from sentinelle.spark.session import spark_session

LINK_COLUMNS = (
    "pk", "posted_ts", "text", "title", "source", "image_phashes", "phones", "handles",
    "prices", "stated_ages", "mentions", "author",
)  # fmt: skip


@dataclass(slots=True)
class SparkSummary:
    read: int = 0
    posts: int = 0
    quarantined: int = 0
    networks: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    link: dict[str, int] = field(default_factory=dict)
    link_seconds: dict[str, float] = field(default_factory=dict)


def spark_analyze(
    paths: list[str],
    output: str,
    *,
    master: str | None = None,
    shuffle_partitions: int = 8,
    config: LinkConfig | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> SparkSummary:
    """Analyse `paths` on Spark and write the results under `output` (replaced)."""
    check_inputs(paths)
    spark = spark_session(master, shuffle_partitions)
    summary = SparkSummary()
    clock = _Clock(summary.seconds)
    with clock("read"):
        records = read_records(spark, paths).checkpoint()
        summary.read = records.count()
        quarantine = records.where("not ok").select("file", "line", "field", "reason", "raw")
        summary.quarantined = quarantine.count()
        posts = numbered_posts(records).checkpoint()
        summary.posts = posts.count()
    progress(
        f"read {summary.read:,} records: {summary.posts:,} posts, "
        f"{summary.quarantined:,} quarantined"
    )
    with clock("extract"):
        analysed = posts.join(extract(posts), "pk").checkpoint()
        analysed.count()
    progress("extracted")
    with clock("link"):
        linked = link(analysed.select(*LINK_COLUMNS), config, progress)
        networked = analysed.join(linked.networks, "pk", "left").checkpoint()
    summary.link = linked.counts
    summary.link_seconds = linked.seconds
    summary.networks = linked.counts["networks"]
    progress(f"linked: {summary.networks:,} networks")
    with clock("score"):
        scored = networked.join(score(networked), "pk").checkpoint()
        scored.count()
    progress("scored")
    with clock("write"):
        scored.orderBy("pk").write.mode("overwrite").parquet(f"{output}/posts")
        profiles(scored).orderBy("network_id").write.mode("overwrite").parquet(f"{output}/networks")
        quarantine.orderBy("file", "line").write.mode("overwrite").parquet(f"{output}/quarantine")
        linked.edges.write.mode("overwrite").parquet(f"{output}/edges")
        state = {
            "next_number": linked.next_number,
            "hubs": {kind: values for kind, values in linked.hubs.items() if values},
            "linked_at": time.time(),
            "match_model": linked.match_model,
            "templates": linked.templates,
        }
        spark.createDataFrame([(orjson.dumps(state).decode(),)], "state string").coalesce(
            1
        ).write.mode("overwrite").parquet(f"{output}/state")
    return summary


class _Clock:
    """Seconds per stage, into `seconds`."""

    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds

    def __call__(self, name: str):
        clock = self

        class _Stage:
            def __enter__(self):
                self.started = time.perf_counter()

            def __exit__(self, *_):
                clock.seconds[name] = round(time.perf_counter() - self.started, 2)

        return _Stage()
