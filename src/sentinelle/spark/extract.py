"""Valid records to numbered posts, then extraction with the embedded step function."""

from __future__ import annotations

import time
from collections.abc import Iterator

import orjson

from sentinelle.extract import extract_posts
from sentinelle.ingest.pipeline import BATCH_SIZE as INGEST_BATCH
from sentinelle.pipeline.analyze import analysis_rows
from sentinelle.records import Post
from sentinelle.store.load import POST_COLUMNS

ANALYSIS_SCHEMA = (
    "pk long, phones string, handles string, stated_ages string, prices string, "
    "mentions string, a_city string, department string, obfuscated_phones int"
)


def numbered_posts(records, batch_size: int = INGEST_BATCH):
    """One row per (source, post_id): the last version read, numbered (`pk`, from 1) as
    `sentinelle ingest` numbers posts, so both runs order ties and scoring batches alike.

    Ingest saves each file in batches of `batch_size` records; inside a batch, keys whose
    content changed are saved first (in the order the changes were read), then the other new
    keys in the order they were first read.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    key = ("source", "post_id")
    valid = records.where("ok").withColumn("batch", F.floor(F.col("seq") / batch_size))
    in_batch = Window.partitionBy(*key, "file_index", "batch").orderBy("seq")
    previous = F.lag("content_hash").over(in_batch)
    valid = valid.withColumn(
        "change", F.when(previous.isNotNull() & (previous != F.col("content_hash")), F.col("seq"))
    )
    per_batch = valid.groupBy(*key, "file_index", "batch").agg(
        F.struct(
            "file_index",
            "batch",
            F.min("change").isNull().alias("unchanged"),
            F.coalesce(F.min("change"), F.min("seq")).alias("at"),
        ).alias("order")
    )
    first = per_batch.groupBy(*key).agg(F.min("order").alias("order"))
    fields = [c for c in POST_COLUMNS if c not in ("pk", "source", "post_id")]
    latest = valid.groupBy(*key).agg(
        F.max_by(F.struct(*fields), F.struct("file_index", "seq")).alias("post")
    )
    ordered = latest.join(first, list(key)).orderBy("order").select(*key, "post.*")
    spark = records.sparkSession
    numbered = ordered.rdd.zipWithIndex().map(lambda pair: (pair[1] + 1, *pair[0]))
    schema = "pk long, " + ", ".join(
        f"{f.name} {f.dataType.simpleString()}" for f in ordered.schema.fields
    )
    return spark.createDataFrame(numbered, schema).select(*POST_COLUMNS)


def post_of(row: dict) -> Post:
    """The `Post` record of a post row."""
    return Post(
        row["source"],
        row["post_id"],
        row["kind"],
        row["text"],
        row["posted_at"],
        row["url"],
        row["city"],
        row["title"],
        row["author"],
        orjson.loads(row["image_phashes"]),
        orjson.loads(row["extra"]),
    )


def extract_partition(batches: Iterator) -> Iterator:
    """mapInArrow body: `extract_posts` then the store rows `analyze` writes."""
    import pyarrow as pa

    for batch in batches:
        rows = batch.to_pylist()
        pairs = [(row["pk"], post_of(row)) for row in rows]
        found = extract_posts([post for _, post in pairs])
        analysed, _ = analysis_rows(pairs, found, time.time())
        yield pa.RecordBatch.from_pylist(
            [
                {
                    "pk": a["post_pk"],
                    "phones": a["phones"],
                    "handles": a["handles"],
                    "stated_ages": a["stated_ages"],
                    "prices": a["prices"],
                    "mentions": a["mentions"],
                    "a_city": a["city"],
                    "department": a["department"],
                    "obfuscated_phones": a["obfuscated_phones"],
                }
                for a in analysed
            ],
            schema=_arrow_schema(),
        )


def _arrow_schema():
    import pyarrow as pa

    return pa.schema(
        [
            ("pk", pa.int64()),
            ("phones", pa.string()),
            ("handles", pa.string()),
            ("stated_ages", pa.string()),
            ("prices", pa.string()),
            ("mentions", pa.string()),
            ("a_city", pa.string()),
            ("department", pa.string()),
            ("obfuscated_phones", pa.int32()),
        ]
    )


def extract(posts):
    """Extraction columns of every post (`pk` plus the analysis columns)."""
    return posts.mapInArrow(extract_partition, ANALYSIS_SCHEMA)
