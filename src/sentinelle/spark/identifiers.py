"""Identifier values on the executors: numbered, then contact groups, hubs and identifier edges.

The embedded run holds every (post, value) of every kind as an `Incidence`, values numbered in
order of first appearance. At hundreds of millions of posts those strings do not fit a driver,
so here a `groupBy` on the normalised value numbers it the same way (by its first post and its
place in that post's list) and everything after works on integers:

- contact groups: connected components (`spark.components`) of the star pairs (post, first post
  of the value) of every value but generic handles, as `batch.contact_links`;
- hubs: a value can only be a hub when seen on `hub_min_posts` and `hub_min_contexts` posts
  (a context is a group of its posts), and `hub_values` decides a value from the values of its
  own posts alone; so the driver receives only the posts carrying such a value (as integers,
  with each value's corpus count) and the tied text pairs between two of them;
- identifier edges, strong pairs and anchored posts: joins of the numbered rows with the hub
  flags, the rules of `batch.identifier_evidence` and `batch.anchored_posts`.

Near-identical images are found on the executors too (`near_images`: the multi-index search of
`images.near_pairs` as window functions). The driver receives the hub values' strings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sentinelle.link.account_names import KINDS as ACCOUNT_KINDS
from sentinelle.link.account_names import name_links
from sentinelle.link.batch import IMAGE_WEIGHT, TextPairs, hub_links_of
from sentinelle.link.config import LinkConfig
from sentinelle.link.graph import HUB_WEIGHT, make_edges
from sentinelle.link.hubs import hub_values, venue_names
from sentinelle.link.identifiers import Incidence
from sentinelle.link.images import BLOCKS as _BLOCKS
from sentinelle.link.images import WINDOW as _WINDOW
from sentinelle.link.images import parse_phashes
from sentinelle.link.personas import generic_handle
from sentinelle.link.prepare import IDENTIFIER_KINDS
from sentinelle.link.textlinks import TextCheck
from sentinelle.spark.components import connected_components

KINDS = IDENTIFIER_KINDS
_HANDLE = KINDS.index("handle")
_IMAGE = KINDS.index("image")
_ANCHORING = (KINDS.index("phone"), _HANDLE)  # the kinds `anchored_posts` looks at
_ACCOUNT_KINDS = tuple(KINDS.index(kind) for kind in ACCOUNT_KINDS)  # compared by name
_EDGE_SCHEMA = (
    "left long, right long, kind string, weight double, value string, hub boolean, "
    "o1 long, o2 long, o3 long"
)
EDGE_ORDER = 1 << 40  # an identifier edge sorts by kind * EDGE_ORDER + value id, then post
# the weight a hub's edge carries in the output, as the embedded float32 weights round to it
_HUB_WEIGHT = float(np.round(np.float32(HUB_WEIGHT), 4))
_IMAGE_WEIGHT = float(np.round(np.float32(IMAGE_WEIGHT), 4))
VALUES_SCHEMA = "kind int, id long, value string, posts long, leader long, generic boolean"


@dataclass(slots=True)
class Numbered:
    """Every (post, value) as integers, and every value with its corpus figures."""

    rows: object  # DataFrame kind, idx, id
    values: object  # DataFrame in VALUES_SCHEMA (leader: the value's first post)


def number_values(prepared) -> Numbered:
    """Values numbered per kind in order of first appearance, as `identifiers.incidence`
    numbers them over posts in link order; checkpointed."""
    from pyspark.sql import functions as F

    exploded = None
    for code, kind in enumerate(KINDS):
        part = prepared.select(
            F.lit(code).alias("kind"), "idx", F.posexplode(kind).alias("pos", "value")
        )
        exploded = part if exploded is None else exploded.unionByName(part)
    firsts = exploded.groupBy("kind", "value").agg(
        F.min(F.struct("idx", "pos")).alias("first"), F.count("*").alias("posts")
    )
    ordered = firsts.select(
        "kind",
        "value",
        "posts",
        F.col("first.idx").alias("leader"),
        F.col("first.pos").alias("pos"),
    ).orderBy("kind", "leader", "pos")
    indexed = (
        ordered.rdd.zipWithIndex()
        .map(lambda pair: (*pair[0], pair[1]))
        .toDF("kind int, value string, posts long, leader long, pos int, seq long")
    )
    starts = indexed.groupBy("kind").agg(F.min("seq").alias("start"))
    values = (
        indexed.join(F.broadcast(starts), "kind")
        .select("kind", (F.col("seq") - F.col("start")).alias("id"), "value", "posts", "leader")
        .mapInPandas(_with_generic, VALUES_SCHEMA)
        .checkpoint()
    )
    rows = (
        exploded.join(values.select("kind", "value", "id"), ["kind", "value"])
        .select("kind", "idx", "id")
        .checkpoint()
    )
    return Numbered(rows, values)


def _with_generic(frames):
    """Generic handles (bare first names), weak like hubs whoever uses them."""
    for frame in frames:
        handle = frame["kind"].to_numpy() == _HANDLE
        generic = np.zeros(len(frame), bool)
        generic[handle] = [generic_handle(v) for v in frame["value"][handle].tolist()]
        yield frame.assign(generic=generic)


def contact_groups(numbered: Numbered):
    """(idx, grp) for each post carrying a value other than a generic handle: the components
    of `batch.contact_links`' star pairs (labels differ from the embedded ones, the groups
    do not)."""
    from pyspark.sql import functions as F

    kept = numbered.values.where(~F.col("generic")).select("kind", "id", "leader")
    carried = numbered.rows.join(kept, ["kind", "id"])
    links = carried.where("idx != leader").select(
        F.col("idx").alias("src"), F.col("leader").alias("dst")
    )
    comps = connected_components(links).select(F.col("node").alias("idx"), "label")
    return (
        carried.select("idx")
        .distinct()
        .join(comps, "idx", "left")
        .select("idx", F.coalesce("label", "idx").alias("grp"))
    )


@dataclass(slots=True)
class IdentifierFrames:
    """What identifiers say once hubs are known, as `batch.IdentifierTies` says it: hub values,
    the evidence edges (identifier stars, then near images), the pairs that join posts
    outright and the anchored posts, the last three as DataFrames."""

    hubs: dict[str, list[str]]
    edges: object  # DataFrame left, right, kind, weight, value, hub, o1, o2, o3
    id_pairs: object  # DataFrame left, right
    anchored: object  # DataFrame left
    image_edges: int  # how many near-image edges


def identifier_frames(
    numbered: Numbered, pairs, config: LinkConfig, total: int, mentioning=None
) -> IdentifierFrames:
    """Near images, hubs, then identifier edges, from the numbered values of `total` posts and
    the text pairs (`spark.clusters.text_rounds`: the tied ones count for hubs)."""
    from pyspark.sql import functions as F

    images = near_images(numbered, config)
    hub_ids = _hub_ids(numbered, pairs, images, config, total)
    flagged = numbered.values.join(F.broadcast(hub_ids), ["kind", "id"], "left").withColumn(
        "hub", F.coalesce("hub", F.lit(False)) | F.col("generic")
    )
    # a venue found by its bare tags is a hub under every platform (`link.hubs.venue_names`)
    tags = numbered.values.join(F.broadcast(hub_ids.where("hub")), ["kind", "id"])
    tags = tags.where(F.col("kind") == KINDS.index("author")).select("value")
    venues = venue_names(row.value for row in tags.collect())
    if venues:
        name = F.expr("substring(value, instr(value, ':') + 1)")
        alike = (F.col("kind") == _HANDLE) & name.isin(*sorted(venues))  # not its own account
        flagged = flagged.withColumn("hub", F.col("hub") | alike)
    hubs = {kind: [] for kind in KINDS}
    for row in flagged.where("hub").select("kind", "id", "value").orderBy("kind", "id").collect():
        hubs[KINDS[row.kind]].append(row.value)
    rows = numbered.rows.join(
        flagged.select("kind", "id", "leader", "hub", "value"), ["kind", "id"]
    )
    names = F.array(*[F.lit(kind) for kind in KINDS])
    stars = rows.where("idx != leader").select(
        F.col("idx").alias("left"), F.col("leader").alias("right"),
        F.element_at(names, F.col("kind") + 1).alias("kind"),
        F.when(F.col("hub"), F.lit(_HUB_WEIGHT)).otherwise(F.lit(1.0)).alias("weight"),
        "value", "hub", F.lit(0).cast("long").alias("o1"),
        (F.col("kind").cast("long") * EDGE_ORDER + F.col("id")).alias("o2"),
        F.col("idx").alias("o3"),
    )  # fmt: skip
    named = _named_accounts(numbered, flagged, pairs, images, config, total, mentioning)
    edges = stars.unionByName(images).unionByName(named).checkpoint()
    strong = edges.where(~F.col("hub") & (F.col("weight") >= config.min_edge_weight))
    anchored = (
        rows.where(F.col("kind").isin(*_ANCHORING) & ~F.col("hub"))
        .select(F.col("idx").alias("left"))
        .distinct()
    )
    return IdentifierFrames(hubs, edges, strong.select("left", "right"), anchored, images.count())


def _named_accounts(numbered: Numbered, flagged, pairs, images, config, total: int, mentioning):
    """`account_names.name_links` on the driver: only the names carried by two or more
    handle or account values are collected, with every value of the posts carrying them and
    the tied text pairs and image edges between two such posts; edges in the embedded order
    (after the image edges, in the order `name_links` gives them)."""
    from pyspark.sql import functions as F

    accounts = flagged.where(F.col("kind").isin(*_ACCOUNT_KINDS)).withColumn(
        "name", F.expr("substring(value, instr(value, ':') + 1)")
    )
    shared = (
        accounts.groupBy("name")
        .agg(F.countDistinct("value").alias("values"))
        .where("values >= 2")
        .select("name")
    )
    carriers = (
        numbered.rows.join(accounts.join(shared, "name").select("kind", "id"), ["kind", "id"])
        .select("idx")
        .distinct()
    )
    rows = (
        numbered.rows.join(carriers, "idx")
        .join(flagged.select("kind", "id", "value", "hub"), ["kind", "id"])
        .toPandas()
    )

    def between(links):
        return (
            links.join(carriers.select(F.col("idx").alias("left")), "left")
            .join(carriers.select(F.col("idx").alias("right")), "right")
            .distinct()
            .toArrow()
        )

    links = _tie_links(pairs, images, between, config)
    found, hub = {}, {}
    for code, kind in enumerate(KINDS):
        part = rows[rows["kind"] == code].sort_values(["id", "idx"], kind="stable")
        _, first, local = np.unique(
            part["id"].to_numpy(np.int64), return_index=True, return_inverse=True
        )
        found[kind] = Incidence(part["idx"].to_numpy(np.int64), local.astype(np.int64),
                                part["value"].to_numpy()[first].tolist())  # fmt: skip
        hub[kind] = part["hub"].to_numpy(bool)[first]
    mention_author = None
    if mentioning is not None:  # posts whose author entry is a bare mention, among the carriers
        mentions = mentioning.join(carriers, "idx").toPandas()["idx"].to_numpy(np.int64)
        mention_author = np.zeros(total, bool)
        mention_author[mentions] = True
    named = name_links(found, hub, links, total, mention_author)
    evidence = [named.evidence[v] for v in named.value.tolist()]
    frame = pd.DataFrame({
        "left": named.left, "right": named.right, "kind": "mention",
        "weight": 1.0, "value": evidence, "hub": False,
        "o1": 0, "o2": (len(KINDS) + 1) * EDGE_ORDER + np.arange(len(named), dtype=np.int64),
        "o3": 0,
    })  # fmt: skip
    return numbered.rows.sparkSession.createDataFrame(frame, _EDGE_SCHEMA)


def near_images(numbered: Numbered, config: LinkConfig):
    """`batch.near_image_edges` on DataFrames: `images.near_pairs`' multi-index search (per
    16-bit block, each hash against its next `_WINDOW` neighbours in (block, hash, number)
    order; a window partitioned by the block and its value is that order), pairs of distinct
    hashes joined through their first posts, in the embedded order; checkpointed.

    One window query for every block and step: each hash is repeated once per block, and the
    `_WINDOW` lags share one sort (a query per block and step sorted the hashes 32 times)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    hashes = (
        numbered.values.where(F.col("kind") == _IMAGE)
        .select("id", "value", "leader")
        .mapInPandas(_parsed, "id long, value string, leader long, hash long")
    )
    unsigned = F.col("hash").bitwiseXOR(F.lit(-(1 << 63)))  # sorts as the uint64 hashes do
    keyed = hashes.select(
        "id", "hash", F.explode(F.sequence(F.lit(0), F.lit(_BLOCKS - 1))).alias("block")
    ).withColumn("key", F.expr("shiftright(hash, 16 * block) & 65535"))
    order = Window.partitionBy("block", "key").orderBy(unsigned, F.col("id"))
    lags = F.array(*[
        F.struct(F.lag("id", step).over(order).alias("other"),
                 F.lag("hash", step).over(order).alias("other_hash"))
        for step in range(1, _WINDOW + 1)
    ])  # fmt: skip
    near = (
        keyed.select("id", "hash", lags.alias("lags"))
        .select("id", "hash", F.inline("lags"))
        .where(F.bit_count(F.col("hash").bitwiseXOR(F.col("other_hash")))
               <= config.image_max_distance)
    )  # fmt: skip
    found = near.select(F.least("id", "other").alias("a"), F.greatest("id", "other").alias("b"))
    side = hashes.select("id", "value", "leader")
    pairs = (
        found.distinct()
        .join(side.select(F.col("id").alias("a"), F.col("value").alias("va"),
                          F.col("leader").alias("left")), "a")
        .join(side.select(F.col("id").alias("b"), F.col("value").alias("vb"),
                          F.col("leader").alias("right")), "b")
    )  # fmt: skip
    return pairs.select(
        "left", "right", F.lit("image").alias("kind"), F.lit(_IMAGE_WEIGHT).alias("weight"),
        F.concat("va", F.lit("~"), "vb").alias("value"), F.lit(False).alias("hub"),
        F.lit(0).cast("long").alias("o1"),
        (F.lit(len(KINDS) * EDGE_ORDER) + F.col("a")).alias("o2"), F.col("b").alias("o3"),
    ).checkpoint()  # fmt: skip


def _parsed(frames):
    for frame in frames:
        hashes = parse_phashes(frame["value"].tolist())
        yield frame.assign(hash=hashes.view(np.int64))


def _hub_ids(numbered: Numbered, pairs, images, config: LinkConfig, total: int):
    """(kind, id, hub) of the hubs `hub_values` finds among the posts of values seen on
    enough posts to be one, given the tied text pairs and the image edges between two such
    posts."""
    from pyspark.sql import functions as F

    spark = numbered.rows.sparkSession
    least = max(config.hub_min_posts, config.hub_min_contexts)  # contexts never outnumber posts
    frequent = numbered.values.where(F.col("posts") >= least).select("kind", "id")
    carried = numbered.rows.join(frequent, ["kind", "id"])
    posts = carried.select("idx").distinct()
    incidence = (
        numbered.rows.join(posts, "idx")
        .join(numbered.values.select("kind", "id", "posts"), ["kind", "id"])
        .toPandas()
    )
    value = carried.select(
        "idx", (F.col("kind").cast("long") * EDGE_ORDER + F.col("id")).alias("v")
    )

    def between_carriers(links):
        """The links whose two posts carry one such value (no other link ties two rows)."""
        return (
            links.join(value.select(F.col("idx").alias("left"), "v"), "left")
            .join(value.select(F.col("idx").alias("right"), "v"), ["right", "v"])
            .drop("v")
            .distinct()
            .toArrow()
        )

    links = _tie_links(pairs, images, between_carriers, config)
    found, totals, ids = {}, {}, {}
    for code, kind in enumerate(KINDS):
        part = incidence[incidence["kind"] == code]
        ids[kind], local = np.unique(part["id"].to_numpy(np.int64), return_inverse=True)
        found[kind] = Incidence(part["idx"].to_numpy(np.int64), local.astype(np.int64),
                                [str(i) for i in ids[kind].tolist()])  # fmt: skip
        totals[kind] = np.zeros(len(ids[kind]), np.int64)
        totals[kind][local] = part["posts"].to_numpy(np.int64)
    # `total`, not the posts here: links (images) may reach any post, and keys are value * posts
    hub = hub_values(
        found, links, total, config.hub_min_posts, config.hub_min_contexts, totals,
        (config.hub_loose_posts, config.hub_loose_share),
    )  # fmt: skip
    kinds = np.concatenate([np.full(int(hub[k].sum()), c, np.int32) for c, k in enumerate(KINDS)])
    chosen = np.concatenate([ids[k][hub[k]] for k in KINDS])
    return spark.createDataFrame(
        pd.DataFrame({"kind": kinds, "id": chosen.astype(np.int64), "hub": True}),
        "kind int, id long, hub boolean",
    )


def _tie_links(pairs, images, between, config):
    """The text and image links that tie posts, as hubs read them, kept to those `between`
    selects (on the driver, as Arrow)."""
    tied = between(pairs.where("tied").select("left", "right", "score", "shared"))
    near = between(images.select("left", "right"))
    image_links = make_edges(near.column("left").to_numpy(), near.column("right").to_numpy(),
                             "image", IMAGE_WEIGHT)  # fmt: skip
    return hub_links_of(_text_pairs(tied), image_links, config)


def _text_pairs(table) -> TextPairs:
    count = table.num_rows
    return TextPairs(
        np.asarray(table.column("left").to_numpy(), np.int64),
        np.asarray(table.column("right").to_numpy(), np.int64),
        TextCheck(
            np.asarray(table.column("score").to_numpy(), np.float32),
            np.asarray(table.column("shared").to_numpy(), np.int32),
            np.zeros(count, np.float32),
        ),
    )
