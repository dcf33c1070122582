"""Linking on DataFrames, with every decision taken by `sentinelle.link`'s functions.

Distributed (the work that grows with the posts): preparing posts (`store.networks.prepare_rows`:
shingles and identifiers), MinHash signatures and LSH band keys per partition; identifier values
numbered, contact groups, hubs and identifier edges (`spark.identifiers`); the
shingle-rarity sketch (posts per slot, and distinct (contact group, slot) pairs counted per
slot); LSH candidates by grouping on (band, key), each bucket a star to its first post as in
`lsh.candidate_pairs`, with the rounds (band groups) each pair is a candidate in; the signature
filter and the exact check (`batch.checked_pairs`, rarity broadcast).

Then, on the executors over whole connected components (`spark.clusters`): the text rounds
(bands in rounds, a pair already tied at level 2+ by earlier rounds skipped, as
`batch.text_pairs`), the level patterns the match-weight EM needs, the clustering
(`batch.decide` with the estimated model), the evidence edges and network numbers.

On the driver, over small tables: `hub_values` over the posts of values frequent enough to be
hubs (integers), `name_links` over the posts carrying a name written under two or more handles or
accounts, the near-image search over distinct image hashes, the posts without contacts
(`contactless_groups`), the EM over at most 45 level patterns, and the "same template"
relations (`pipeline.link.template_state`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from sentinelle.link.batch import checked_pairs
from sentinelle.link.config import LinkConfig
from sentinelle.link.contactless import contactless_groups, photos_of
from sentinelle.link.facets import facets_of
from sentinelle.link.identifiers import incidence
from sentinelle.link.lsh import band_keys, has_text
from sentinelle.link.minhash import MinHasher, Signatures
from sentinelle.link.prepare import IDENTIFIER_KINDS
from sentinelle.link.rarity import ShingleRarity
from sentinelle.link.shingles import Shingles
from sentinelle.link.textlinks import weight_tables
from sentinelle.link.timing import StageTimer
from sentinelle.pipeline.link import template_state
from sentinelle.spark.clusters import (
    CLUSTERED_SCHEMA,
    cluster_component,
    component_rows,
    estimate_model,
    evidence_edges,
    network_numbers,
    template_examples,
    text_rounds,
)
from sentinelle.spark.identifiers import contact_groups, identifier_frames, number_values
from sentinelle.store.networks import prepare_rows

KINDS = IDENTIFIER_KINDS
PREPARED_SCHEMA = (
    "idx long, pk long, shingles array<long>, signature binary, usable boolean, "
    "bands array<long>, "
    "phone array<string>, handle array<string>, author array<string>, image array<string>, "
    "facets array<string>, mention_author boolean"
)


@dataclass(slots=True)
class LinkOutput:
    """Network id per post pk, evidence edges (store rows), hubs, next network number, the
    match model and the "same template" relations (as `link_state` keeps them)."""

    networks: object  # DataFrame pk, network_id
    edges: object  # DataFrame in link_edges columns
    hubs: dict[str, list[str]]
    next_number: int
    counts: dict[str, int]
    seconds: dict[str, float]  # wall time per stage (which run where: see the names)
    match_model: dict | None = None
    templates: list[list] | None = None


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
                    r["prices"],
                    r["stated_ages"],
                    r["mentions"],
                    r["author"],
                )
                for r in rows
            ]
            prepared, _ = prepare_rows((config.shingle_width, chunk))
            shingles = prepared.shingles
            signatures = hasher.signatures(shingles)
            keys = band_keys(signatures, config.bands).view(np.int64)
            lists = {kind: _per_post(prepared.found[kind], len(rows)) for kind in KINDS}
            lists["facets"] = _per_post(prepared.facets, len(rows))  # posts without contacts
            lists["mention_author"] = prepared.mention_author.tolist()
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
            ("facets", strings),
            ("mention_author", pa.bool_()),
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


def group_slots(batches: Iterator, bits: int) -> Iterator:
    """mapInArrow body: the distinct (contact group, slot) pairs of this partition's posts
    (posts without identifiers have no group and say nothing about who else uses a text)."""
    import pyarrow as pa

    mask = np.uint64((1 << bits) - 1)
    for batch in batches:
        lists = batch.column("shingles")
        offsets = np.asarray(lists.offsets.to_numpy(), np.int64)
        flat = np.asarray(lists.flatten().to_numpy(zero_copy_only=False), np.uint64)
        post_group = np.repeat(batch.column("grp").to_numpy().astype(np.uint64), np.diff(offsets))
        key = np.unique((post_group << np.uint64(32)) | (flat & mask))
        yield pa.RecordBatch.from_pydict(
            {
                "grp": (key >> np.uint64(32)).astype(np.int64),
                "slot": (key & np.uint64(0xFFFFFFFF)).astype(np.int64),
            }
        )


CHECKED_SCHEMA = "left long, right long, rounds array<int>, score float, shared int, shape float"


def check_partition(config: LinkConfig, rarity_broadcast):
    """mapInArrow body: signature agreement, then the exact check (`checked_pairs`), of
    candidate pairs; the pairs it keeps with their scores."""

    def run(batches: Iterator) -> Iterator:
        import pyarrow as pa

        rarity = rarity_broadcast.value
        tables = weight_tables(rarity)
        schema = pa.schema(
            [
                ("left", pa.int64()),
                ("right", pa.int64()),
                ("rounds", pa.list_(pa.int32())),
                ("score", pa.float32()),
                ("shared", pa.int32()),
                ("shape", pa.float32()),
            ]
        )
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
            kept = checked_pairs(left_side, likely, right_side, likely, rarity, config, tables)
            chosen = kept.left
            rounds = batch.column("rounds").to_pylist()
            yield pa.RecordBatch.from_pydict(
                {
                    "left": batch.column("left").to_numpy()[chosen],
                    "right": batch.column("right").to_numpy()[chosen],
                    "rounds": [rounds[i] for i in chosen.tolist()],
                    "score": kept.check.score.astype(np.float32),
                    "shared": kept.check.shared_rare.astype(np.int32),
                    "shape": kept.check.shape.astype(np.float32),
                },
                schema=schema,
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
    image_phashes, phones, handles, prices, stated_ages, mentions: the analysis JSON, author)."""
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
    with timer.stage("values numbered, contact groups (executors)"):
        numbered = number_values(prepared)
        groups = contact_groups(numbered)
    with timer.stage("rarity (executors, summed by slot)"):
        rarity = _rarity(prepared, config, total, groups)
    with timer.stage("text candidates and checks (executors)"):
        checked = _checked_pairs(prepared, config, rarity)
    with timer.stage("text rounds (executors, per component of the checked pairs)"):
        pairs = text_rounds(checked, config)
        text_pairs = pairs.count()
    progress(f"text pairs: {text_pairs:,}")
    with timer.stage("images, hubs, identifier edges (executors; driver: frequent values)"):
        mentioning = prepared.where("mention_author").select("idx")
        ties = identifier_frames(numbered, pairs, config, total, mentioning)
    with timer.stage("posts without contacts (driver)"):
        joins = _contactless(prepared, rarity, config)
    with timer.stage("match weights and clusters (executors, per component)"):
        rows = component_rows(pairs, ties, joins)
        largest = rows.groupBy("comp").count().agg({"count": "max"}).first()[0] or 0
        model, padding = estimate_model(rows, config)
        clustered = (
            rows.groupBy("bucket")
            .applyInPandas(cluster_component(config, model, padding), CLUSTERED_SCHEMA)
            .checkpoint()
        )
    with timer.stage("network ids and evidence"):
        numbers = network_numbers(clustered)
        networks = (
            prepared.select("idx", "pk")
            .join(numbers.posts, "idx", "left")
            .select("pk", "network_id")
            .checkpoint()
        )
        evidence = evidence_edges(prepared, numbers, clustered, ties).checkpoint()
        templates = template_state([], *template_examples(prepared, numbers, clustered))
    next_number = numbers.count + 1
    counts = {
        "posts": total,
        "text_pairs": text_pairs,
        "image_edges": ties.image_edges,
        "hubs": sum(len(v) for v in ties.hubs.values()),
        "networks": next_number - 1,
        "largest_component_rows": largest,  # one task holds them (pairs, identifier pairs)
    }
    seconds = {name: round(value, 2) for name, value in timer.seconds.items()}
    return LinkOutput(networks, evidence, ties.hubs, next_number, counts, seconds,
                      model.as_dict(), templates)  # fmt: skip


def _rarity(prepared, config: LinkConfig, total: int, groups) -> ShingleRarity:
    """The corpus's shingle rarity sketch, counted on the executors and summed by slot: posts
    per slot, and contact groups per slot (capped as `ShingleRarity.add_groups` caps them);
    `groups`: each post's contact group (DataFrame idx, grp)."""
    from pyspark.sql import functions as F

    bits = config.rarity_bits
    counts = (
        prepared.select("shingles")
        .mapInArrow(lambda batches: rarity_counts(batches, bits), "slot long, posts long")
        .groupBy("slot")
        .agg(F.sum("posts").alias("posts"))
        .toArrow()
    )
    group_counts = (
        prepared.select("idx", "shingles")
        .join(groups, "idx")
        .mapInArrow(lambda batches: group_slots(batches, bits), "grp long, slot long")
        .distinct()
        .groupBy("slot")
        .agg(F.count("*").alias("groups"))
        .toArrow()
    )
    rarity = ShingleRarity(bits, config.boilerplate_floor, config.boilerplate_share,
                           config.template_groups, config.template_share)  # fmt: skip
    rarity.counts[counts.column("slot").to_numpy()] = counts.column("posts").to_numpy()
    rarity.posts = total
    rarity.groups[group_counts.column("slot").to_numpy()] = np.minimum(
        group_counts.column("groups").to_numpy(), 65535
    )
    return rarity


def _rounds(config: LinkConfig) -> list[int]:
    """The round in which each band is checked, as `batch.text_pairs` splits them."""
    groups = np.array_split(np.arange(config.bands), min(4, config.bands))
    return [r for r, group in enumerate(groups) for _ in group]


def _checked_pairs(prepared, config: LinkConfig, rarity: ShingleRarity):
    """Candidate pairs kept by the exact check, with the rounds they are candidates in."""
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
        .agg(F.collect_set("round").alias("rounds"))
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
    checked = candidates.mapInArrow(check_partition(config, broadcast), CHECKED_SCHEMA)
    checked = checked.checkpoint()
    broadcast.destroy()
    return checked


def _contactless(prepared, rarity: ShingleRarity, config: LinkConfig):
    """`contactless_groups` over the posts giving no phone, handle or author account (as
    `without_contacts`), their shingles and signatures collected to the driver (they are a
    fraction of the posts)."""
    from pyspark.sql import functions as F

    table = (
        prepared.where((F.size("phone") == 0) & (F.size("handle") == 0) & (F.size("author") == 0))
        .select("idx", "shingles", "signature", "image", "facets")
        .orderBy("idx")
        .toArrow()
    )
    posts = np.asarray(table.column("idx").to_numpy(), np.int64)
    if len(posts) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    shingles = _shingles(table.column("shingles").combine_chunks())
    signatures = _signatures(table.column("signature"), config)
    rows = np.arange(len(posts))
    photos = photos_of(incidence(table.column("image").to_pylist()), rows)
    facets = facets_of(incidence(table.column("facets").to_pylist()), rows)
    return contactless_groups(posts, shingles, signatures, rarity, config, photos, facets)
