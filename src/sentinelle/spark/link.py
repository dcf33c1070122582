"""Linking on DataFrames, with every decision taken by `sentinelle.link`'s functions.

Distributed: preparing posts (`store.networks.prepare_rows`: shingles and identifiers),
MinHash signatures and LSH band keys per partition; the shingle-rarity counts (summed by
slot); LSH candidates by grouping on (band, key), each bucket a star to its first post as in
`lsh.candidate_pairs`; the signature filter and the exact check (`checked_text_edges`, rarity
broadcast); identifier edges by grouping on (kind, value), each a star as in `star_pairs`; and
connected components of the strong edges (`components.py`).

On the driver, over arrays of post numbers (no text): the order in which text candidates are
checked (bands in rounds, a pair already joined is skipped, as `text_pair_edges` does), near
image hashes (`near_image_edges`), hub detection (`hub_values`, `generic_handles`) and network
numbering (`assign_network_ids` semantics for a fresh store).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from sentinelle.link.batch import checked_text_edges, generic_handles, near_image_edges
from sentinelle.link.config import LinkConfig
from sentinelle.link.graph import HUB_WEIGHT, components
from sentinelle.link.hubs import hub_values
from sentinelle.link.identifiers import incidence
from sentinelle.link.lsh import band_keys, has_text
from sentinelle.link.minhash import MinHasher, Signatures
from sentinelle.link.networks import format_id
from sentinelle.link.rarity import ShingleRarity
from sentinelle.link.shingles import Shingles
from sentinelle.link.timing import StageTimer
from sentinelle.store.networks import prepare_rows

KINDS = ("phone", "handle", "author", "image")
PREPARED_SCHEMA = (
    "idx long, pk long, shingles array<long>, signature binary, usable boolean, "
    "bands array<long>, "
    "phone array<string>, handle array<string>, author array<string>, image array<string>"
)


@dataclass(slots=True)
class LinkOutput:
    """Network id per post pk, evidence edges (store rows), hubs, next network number."""

    networks: object  # DataFrame pk, network_id
    edges: object  # DataFrame in link_edges columns
    hubs: dict[str, list[str]]
    next_number: int
    counts: dict[str, int]
    seconds: dict[str, float]  # wall time per stage (which run where: see the names)


def prepare_partition(config: LinkConfig):
    """mapInArrow body: shingles, signature, band keys and identifiers of each post."""
    hasher = MinHasher(config.num_perm, config.seed)

    def run(batches: Iterator) -> Iterator:
        import pyarrow as pa

        for batch in batches:
            rows = batch.to_pylist()
            if not rows:
                continue
            chunk = [
                (
                    r["pk"],
                    r["text"],
                    r["title"],
                    r["source"],
                    r["image_phashes"],
                    r["phones"],
                    r["handles"],
                    None,
                )
                for r in rows
            ]
            prepared, _ = prepare_rows((config.shingle_width, chunk))
            shingles = prepared.shingles
            signatures = hasher.signatures(shingles)
            keys = band_keys(signatures, config.bands).view(np.int64)
            lists = {kind: _per_post(prepared.found[kind], len(rows)) for kind in KINDS}
            out = {
                "idx": [r["idx"] for r in rows],
                "pk": [r["pk"] for r in rows],
                "shingles": [
                    shingles.hashes[a:b].astype(np.int64)
                    for a, b in zip(shingles.indptr[:-1], shingles.indptr[1:], strict=True)
                ],
                "signature": [row.tobytes() for row in signatures.values],
                "usable": has_text(signatures),
                "bands": list(keys),
                **lists,
            }
            yield pa.RecordBatch.from_pydict(out, schema=_prepared_arrow())

    return run


def _prepared_arrow():
    import pyarrow as pa

    strings = pa.list_(pa.string())
    return pa.schema(
        [
            ("idx", pa.int64()),
            ("pk", pa.int64()),
            ("shingles", pa.list_(pa.int64())),
            ("signature", pa.binary()),
            ("usable", pa.bool_()),
            ("bands", pa.list_(pa.int64())),
            ("phone", strings),
            ("handle", strings),
            ("author", strings),
            ("image", strings),
        ]
    )


def _per_post(found, count: int) -> list[list[str]]:
    lists: list[list[str]] = [[] for _ in range(count)]
    for post, value in zip(found.post.tolist(), found.value.tolist(), strict=True):
        lists[post].append(found.values[value])
    return lists


def rarity_counts(batches: Iterator, bits: int) -> Iterator:
    """mapInArrow body: per sketch slot, the posts of this partition holding it."""
    import pyarrow as pa

    mask = np.uint64((1 << bits) - 1)
    for batch in batches:
        lists = batch.column("shingles")
        flat = np.asarray(lists.flatten().to_numpy(zero_copy_only=False), np.uint64)
        counts = np.bincount((flat & mask).astype(np.int64), minlength=1 << bits)
        slots = np.flatnonzero(counts)
        yield pa.RecordBatch.from_pydict({"slot": slots, "posts": counts[slots]})


def check_partition(config: LinkConfig, rarity_broadcast):
    """mapInArrow body: signature agreement, then the exact check, of candidate pairs."""

    def run(batches: Iterator) -> Iterator:
        import pyarrow as pa

        rarity = rarity_broadcast.value
        for batch in batches:
            count = batch.num_rows
            if count == 0:
                continue
            left_sig = _signatures(batch.column("lsig"), config)
            right_sig = _signatures(batch.column("rsig"), config)
            stacked = Signatures(np.vstack([left_sig, right_sig]), config.seed, config.num_perm)
            pairs = np.arange(count)
            likely = np.flatnonzero(stacked.agreement(pairs, pairs + count) >= config.signature_min)
            left_side = _shingles(batch.column("lsh"))
            right_side = _shingles(batch.column("rsh"))
            edges = checked_text_edges(left_side, likely, right_side, likely, rarity, config)
            chosen = edges.left
            yield pa.RecordBatch.from_pydict(
                {
                    "left": batch.column("left").to_numpy()[chosen],
                    "right": batch.column("right").to_numpy()[chosen],
                    "round": batch.column("round").to_numpy()[chosen],
                    "score": edges.weight.astype(np.float64),
                }
            )

    return run


def _signatures(column, config: LinkConfig) -> np.ndarray:
    raw = b"".join(column.to_pylist())
    return np.frombuffer(raw, np.uint32).reshape(-1, config.num_perm)


def _shingles(column) -> Shingles:
    offsets = np.asarray(column.offsets.to_numpy(), np.int64)
    offsets = offsets - offsets[0]
    hashes = np.asarray(column.flatten().to_numpy(zero_copy_only=False), np.uint32)
    return Shingles(offsets, hashes)


def link(posts, config: LinkConfig | None = None, progress=print) -> LinkOutput:
    """Networks and evidence for `posts` (columns pk, posted_ts, text, title, source,
    image_phashes, phones, handles: the analysis JSON)."""
    from pyspark.sql import functions as F

    config = config or LinkConfig()
    spark = posts.sparkSession
    timer = StageTimer()
    with timer.stage("prepare (executors)"):
        ordered = posts.orderBy("posted_ts", "pk")
        indexed = spark.createDataFrame(
            ordered.rdd.zipWithIndex().map(lambda pair: (pair[1], *pair[0])),
            "idx long, "
            + ", ".join(f"{f.name} {f.dataType.simpleString()}" for f in ordered.schema.fields),
        )
        prepared = indexed.mapInArrow(prepare_partition(config), PREPARED_SCHEMA).checkpoint()
        total = prepared.count()
    progress(f"linking {total:,} posts: prepared")
    with timer.stage("rarity (executors, summed by slot)"):
        rarity = _rarity(prepared, config, total)
    with timer.stage("text candidates and checks (executors)"):
        checked = _checked_pairs(prepared, config, rarity)
    with timer.stage("text rounds (driver)"):
        text = _in_rounds(total, *checked, max(_rounds(config), default=0) + 1)
    progress(f"text edges: {len(text[0]):,}")
    with timer.stage("incidences to the driver"):
        found = _incidences(prepared)
    with timer.stage("images and hubs (driver)"):
        image = near_image_edges(found["image"], config)
        links = (np.concatenate([text[0], image.left]), np.concatenate([text[1], image.right]))
        hub = hub_values(found, links, total, config.hub_min_posts, config.hub_min_contexts)
        hub["handle"] |= generic_handles(found["handle"])
        hubs = {kind: [found[kind].values[i] for i in np.flatnonzero(hub[kind])] for kind in found}
        del found, links
    with timer.stage("identifier edges and components (executors)"):
        identifier = _identifier_edges(prepared, hubs, spark)
        edges = identifier.unionByName(_driver_edges(spark, text, image)).checkpoint()
        strong = edges.where((F.col("weight") >= config.min_edge_weight) & ~F.col("hub"))
        labels = _labels(strong)
    with timer.stage("network ids"):
        networks, next_number = _network_ids(labels, spark)
        by_idx = prepared.select("idx", "pk").join(networks, "idx", "left")
    counts = {
        "posts": total,
        "text_edges": len(text[0]),
        "image_edges": len(image),
        "hubs": sum(len(v) for v in hubs.values()),
        "networks": next_number - 1,
    }
    evidence = _evidence_rows(edges, by_idx)
    seconds = {name: round(value, 2) for name, value in timer.seconds.items()}
    return LinkOutput(
        by_idx.select("pk", "network_id"), evidence, hubs, next_number, counts, seconds
    )


def _rarity(prepared, config: LinkConfig, total: int) -> ShingleRarity:
    """The corpus's shingle rarity sketch: counts summed over partitions, on the driver."""
    from pyspark.sql import functions as F

    bits = config.rarity_bits
    counts = (
        prepared.select("shingles")
        .mapInArrow(lambda batches: rarity_counts(batches, bits), "slot long, posts long")
        .groupBy("slot")
        .agg(F.sum("posts").alias("posts"))
        .toArrow()
    )
    rarity = ShingleRarity(bits, config.boilerplate_floor, config.boilerplate_share)
    rarity.counts[counts.column("slot").to_numpy()] = counts.column("posts").to_numpy()
    rarity.posts = total
    return rarity


def _rounds(config: LinkConfig) -> list[int]:
    """The round in which each band is checked, as `text_pair_edges` splits them."""
    groups = np.array_split(np.arange(config.bands), min(4, config.bands))
    return [r for r, group in enumerate(groups) for _ in group]


def _checked_pairs(prepared, config: LinkConfig, rarity: ShingleRarity):
    """Candidate pairs that pass the exact check: left, right, first round, score arrays."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    spark = prepared.sparkSession
    usable = prepared.where("usable")
    round_of = F.element_at(F.array(*[F.lit(r) for r in _rounds(config)]), F.col("band") + 1)
    keyed = usable.select("idx", F.posexplode("bands").alias("band", "key"))
    bucket = Window.partitionBy("band", "key")
    stars = keyed.withColumn("leader", F.min("idx").over(bucket)).where("idx != leader")
    pairs = (
        stars.select(
            F.col("leader").alias("left"), F.col("idx").alias("right"), round_of.alias("round")
        )
        .groupBy("left", "right")
        .agg(F.min("round").alias("round"))
    )
    sides = prepared.select("idx", "signature", "shingles")
    left = sides.select(
        F.col("idx").alias("left"), F.col("signature").alias("lsig"), F.col("shingles").alias("lsh")
    )
    right = sides.select(
        F.col("idx").alias("right"),
        F.col("signature").alias("rsig"),
        F.col("shingles").alias("rsh"),
    )
    candidates = pairs.join(left, "left").join(right, "right")
    broadcast = spark.sparkContext.broadcast(rarity)
    checked = candidates.mapInArrow(
        check_partition(config, broadcast), "left long, right long, round int, score double"
    ).toArrow()
    broadcast.destroy()
    return (
        checked.column("left").to_numpy(),
        checked.column("right").to_numpy(),
        checked.column("round").to_numpy(),
        checked.column("score").to_numpy().astype(np.float32),
    )


def _in_rounds(total, left, right, round_, score, rounds: int):
    """Keep a checked pair only if earlier rounds had not joined its posts already."""
    order = np.lexsort((right, left, round_))
    left, right, round_, score = left[order], right[order], round_[order], score[order]
    labels = np.arange(total)
    kept = np.zeros(len(left), bool)
    for number in range(rounds):
        now = np.flatnonzero(round_ == number)
        kept[now] = labels[left[now]] != labels[right[now]]
        labels = components(total, left[kept], right[kept])
    return left[kept], right[kept], score[kept]


def _incidences(prepared):
    """Identifier incidences of every post, in link order, as `prepare` encodes them."""
    table = prepared.select("idx", *KINDS).orderBy("idx").toArrow()
    return {kind: incidence(table.column(kind).to_pylist()) for kind in KINDS}


def _identifier_edges(prepared, hubs: dict[str, list[str]], spark):
    """Star edges per shared value (member -> first post), hub values marked."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    rows = [(kind, value) for kind, values in hubs.items() for value in values]
    hub_table = spark.createDataFrame(rows, "kind string, value string").withColumn(
        "hub", F.lit(True)
    )
    exploded = [
        prepared.select("idx", F.lit(kind).alias("kind"), F.explode(kind).alias("value"))
        for kind in KINDS
    ]
    values = exploded[0]
    for part in exploded[1:]:
        values = values.unionByName(part)
    values = values.distinct()
    stars = values.withColumn("leader", F.min("idx").over(Window.partitionBy("kind", "value")))
    return (
        stars.where("idx != leader")
        .join(F.broadcast(hub_table), ["kind", "value"], "left")
        .select(
            F.col("idx").alias("left"),
            F.col("leader").alias("right"),
            "kind",
            F.when(F.col("hub"), F.lit(HUB_WEIGHT)).otherwise(F.lit(1.0)).alias("weight"),
            "value",
            F.coalesce("hub", F.lit(False)).alias("hub"),
        )
    )


def _driver_edges(spark, text, image):
    """Text and near-image edges (computed on the driver) as a DataFrame."""
    rows = [
        (int(a), int(b), "text", float(w), None, False)
        for a, b, w in zip(text[0].tolist(), text[1].tolist(), text[2].tolist(), strict=True)
    ]
    rows += [
        (int(a), int(b), "image", float(w), image.evidence[v], bool(h))
        for a, b, w, v, h in zip(
            image.left.tolist(),
            image.right.tolist(),
            image.weight.tolist(),
            image.value.tolist(),
            image.hub.tolist(),
            strict=True,
        )
    ]
    schema = "left long, right long, kind string, weight double, value string, hub boolean"
    return spark.createDataFrame(rows, schema)


def _labels(strong):
    from pyspark.sql import functions as F

    from sentinelle.spark.components import connected_components

    return connected_components(
        strong.select(F.col("left").alias("src"), F.col("right").alias("dst"))
    )


def _network_ids(labels, spark):
    """(idx, network_id): components numbered in the order of their first post, as
    `assign_network_ids` numbers a fresh store's components."""
    roots = labels.select("label").distinct().orderBy("label")
    numbered = spark.createDataFrame(
        roots.rdd.zipWithIndex().map(lambda pair: (pair[0][0], format_id(pair[1] + 1))),
        "label long, network_id string",
    )
    count = numbered.count()
    networks = labels.join(numbered, "label").select(labels["node"].alias("idx"), "network_id")
    return networks, count + 1


def _evidence_rows(edges, by_idx):
    """Edges in `link_edges` columns: store pks, weight rounded as the store keeps it, the
    network of the left post."""
    from pyspark.sql import functions as F

    left = by_idx.select(F.col("idx").alias("left"), F.col("pk").alias("left_pk"), "network_id")
    right = by_idx.select(F.col("idx").alias("right"), F.col("pk").alias("right_pk"))
    return (
        edges.join(left, "left")
        .join(right, "right")
        .select(
            "left_pk",
            "right_pk",
            "kind",
            F.round(F.col("weight").cast("float"), 4).alias("weight"),
            "value",
            "hub",
            "network_id",
        )
    )
