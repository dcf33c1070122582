"""Scoring on Spark: the embedded `score_batch` over batches of whole groups (posts sharing a
network, a contact or a photo), so contact-level facts see what the embedded run sees."""

from __future__ import annotations

from sentinelle.pipeline.analyze import BATCH_SIZE
from sentinelle.pipeline.score import score_batch
from sentinelle.spark.components import connected_components
from sentinelle.store.scoring import SCORING_COLUMN_NAMES

# The columns `store.scoring.iter_scoring_rows` reads, in its order (`score_batch` takes them).
SCORING_COLUMNS = SCORING_COLUMN_NAMES
SCORE_SCHEMA = (
    "pk long, score_minor double, score_control double, score_recruitment double, "
    "flags int, indicators string"
)


def scoring_groups(analysed):
    """(pk, group) for every post: the connected components of posts joined by a network, a
    contact (a phone's E.164 number or a handle, as `post_identifiers.value` holds them) or a
    photo hash, as `store.scoring.iter_scoring_rows` groups them; group = its smallest pk."""
    from pyspark.sql import functions as F

    def keyed(prefix: str, values):
        # the embedded keys: "n" + network, "c" + identifier, "cphoto:" + hash
        return analysed.select("pk", F.explode(values).alias("value")).select(
            "pk", F.concat(F.lit(prefix), "value").alias("key")
        )

    phones = F.from_json("phones", "array<struct<e164:string>>")
    shared = (
        keyed("n", F.array("network_id"))
        .where("key is not null")
        .unionByName(keyed("c", F.transform(phones, lambda hit: hit["e164"])))
        .unionByName(keyed("c", F.from_json("handles", "array<string>")))
        .unionByName(keyed("cphoto:", F.from_json("image_phashes", "array<string>")))
    )
    # each post to the first post sharing the same thing: a star per key, same components
    first = shared.groupBy("key").agg(F.min("pk").alias("dst"))
    edges = shared.join(first, "key").select(F.col("pk").alias("src"), "dst")
    components = connected_components(edges).select(
        F.col("node").alias("pk"), F.col("label").alias("group")
    )
    return (
        analysed.select("pk")
        .join(components, "pk", "left")
        .select("pk", F.coalesce("group", "pk").alias("group"))
    )


def assign_batches(analysed, batch_size: int = BATCH_SIZE):
    """(pk, batch) for every post: whole groups hashed into buckets of about `batch_size` posts.
    A batch holds every post of each contact it sees, so any packing of whole groups gives
    the scores of the embedded run (which packs them otherwise)."""
    from pyspark.sql import functions as F

    groups = scoring_groups(analysed).checkpoint()
    buckets = max(1, -(-groups.count() // batch_size))
    return groups.select("pk", F.pmod(F.xxhash64("group"), F.lit(buckets)).alias("batch"))


def score_group(table):
    """applyInArrow body: one batch's rows in the embedded order, through `score_batch`."""
    import pyarrow as pa

    rows = table.select(list(SCORING_COLUMNS)).to_pylist()
    rows.sort(key=lambda r: r["pk"])  # pk order within each group, as the embedded run reads
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


def score(analysed, batch_size: int = BATCH_SIZE):
    """Scores, flags and indicators of every post of `analysed` (posts, extraction, network)."""
    batches = assign_batches(analysed, batch_size)
    grouped = analysed.join(batches, "pk").select("batch", *SCORING_COLUMNS)
    return grouped.groupBy("batch").applyInArrow(score_group, SCORE_SCHEMA)
