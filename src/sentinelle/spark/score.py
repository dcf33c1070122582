"""Scoring on Spark: the embedded `score_batch` over the same batches of whole networks."""

from __future__ import annotations

from sentinelle.pipeline.analyze import BATCH_SIZE
from sentinelle.pipeline.score import score_batch

# The columns `store.scoring.iter_scoring_rows` reads, in its order (`score_batch` takes them).
SCORING_COLUMNS = (
    "pk",
    "source",
    "post_id",
    "kind",
    "text",
    "posted_at",
    "url",
    "city",
    "title",
    "author",
    "image_phashes",
    "extra",
    "phones",
    "handles",
    "stated_ages",
    "prices",
    "mentions",
    "a_city",
    "department",
    "network_id",
)
SCORE_SCHEMA = (
    "pk long, score_minor double, score_control double, score_recruitment double, "
    "flags int, indicators string"
)


def network_batches(sizes: list[int], singletons: int, batch_size: int = BATCH_SIZE) -> list[int]:
    """The batch of each network (in id order) when posts are read as `iter_scoring_rows` reads
    them: posts without a network first (by pk, batches of `batch_size`), then networks in id
    order, a batch closing at the first network boundary once it holds `batch_size` posts."""
    batch, filled = divmod(singletons, batch_size)
    out = []
    for size in sizes:
        if filled >= batch_size:
            batch, filled = batch + 1, 0
        out.append(batch)
        filled += size
    return out


def assign_batches(analysed, batch_size: int = BATCH_SIZE):
    """(pk, batch) for every post, so a batch scores together what the embedded run does."""
    from pyspark.sql import functions as F

    spark = analysed.sparkSession
    alone = analysed.where("network_id is null").select("pk").orderBy("pk")
    alone_batches = spark.createDataFrame(
        alone.rdd.zipWithIndex().map(lambda pair: (pair[0][0], pair[1] // batch_size)),
        "pk long, batch long",
    )
    singletons = alone_batches.count()
    sizes = analysed.where("network_id is not null").groupBy("network_id").count()
    sizes = sizes.orderBy("network_id").toArrow()
    numbers = network_batches(sizes.column("count").to_pylist(), singletons, batch_size)
    table = spark.createDataFrame(
        list(zip(sizes.column("network_id").to_pylist(), numbers, strict=True)),
        "network_id string, batch long",
    )
    networked = analysed.join(F.broadcast(table), "network_id").select("pk", "batch")
    return alone_batches.unionByName(networked)


def score_group(table):
    """applyInArrow body: one batch's rows in the embedded order, through `score_batch`."""
    import pyarrow as pa

    rows = table.select(list(SCORING_COLUMNS)).to_pylist()
    rows.sort(key=lambda r: (r["network_id"] is not None, r["network_id"] or "", r["pk"]))
    scored = score_batch([tuple(r[c] for c in SCORING_COLUMNS) for r in rows])
    return pa.Table.from_pylist(
        [{"pk": s["post_pk"], **{k: v for k, v in s.items() if k != "post_pk"}} for s in scored],
        schema=pa.schema(
            [
                ("pk", pa.int64()),
                ("score_minor", pa.float64()),
                ("score_control", pa.float64()),
                ("score_recruitment", pa.float64()),
                ("flags", pa.int32()),
                ("indicators", pa.string()),
            ]
        ),
    )


def score(analysed):
    """Scores, flags and indicators of every post of `analysed` (posts, extraction, network)."""
    batches = assign_batches(analysed)
    grouped = analysed.join(batches, "pk").select("batch", *SCORING_COLUMNS)
    return grouped.groupBy("batch").applyInArrow(score_group, SCORE_SCHEMA)
