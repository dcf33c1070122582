"""After the exact checks: text rounds, match weights and clusters, whole components at a time.

Everything `batch.link_posts` does after checking texts stays inside a connected component of
its pairs, so the executors do it for whole components (`groupBy().applyInPandas` on a bucket
of components, about `BUCKET_ROWS` rows each: one pandas call per component would cost more
than the work; the bucket's posts renumbered in link order so every sort and tie-break falls
as in the embedded run, which runs the same functions over all components at once) and the
driver holds only small aggregates:

- text rounds: a pair of round r is skipped when earlier rounds tied its posts at level 2+,
  and ties never leave a component of the checked pairs;
- hubs (`spark.identifiers`): `hub_values` only looks at tied text pairs whose two posts carry
  one frequent value; only those go to the driver;
- the match model: EM works on the table of level patterns (at most 45 rows); each component
  of (text pairs, identifier pairs) counts its pairs' patterns, contacts judged by its own
  contact groups, and the driver sums them;
- clusters: `batch.decide` with that model, per component. `cluster` runs one round per text
  level present among the corpus's usable pairs, and a round changes nothing in a component
  without pairs at that level, except that the earlier rounds run again; so a component lacking
  a level gets a pair of one post with itself at that level (it joins nothing, the round runs);
- network numbers: clusters of 2+ posts numbered in the order of their first post, as
  `assign_network_ids` numbers them in a fresh store.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sentinelle.link.batch import TextPairs, concat_pairs, contact_levels, decide
from sentinelle.link.config import LinkConfig
from sentinelle.link.graph import components
from sentinelle.link.match_weights import (
    RARE_CUTS,
    UNKNOWN,
    MatchModel,
    estimate,
    rare_level,
    text_level,
)
from sentinelle.link.networks import format_id
from sentinelle.link.textlinks import TextCheck
from sentinelle.spark.components import connected_components

ROUND_SCHEMA = (
    "comp long, left long, right long, round int, score float, shared int, shape float, "
    "tied boolean"
)
PATTERN_SCHEMA = "code long, pairs long, score float, shared int"
CLUSTERED_SCHEMA = (
    "comp long, kind int, left long, right long, round int, shared int, weight double, "
    "refused boolean, a long, b long"
)  # kind: 0 post (a: its cluster), 1 text evidence, 2 template example (a, b: clusters)
_RARE = len(RARE_CUTS) + 1
_CONTACTS = 3
BUCKET_ROWS = 100_000  # rows of whole components per applyInPandas call


def in_buckets(rows):
    """`rows` (with `comp`) plus `bucket`: whole components, about `BUCKET_ROWS` rows each."""
    from pyspark.sql import functions as F

    partitions = int(rows.sparkSession.conf.get("spark.sql.shuffle.partitions"))
    buckets = max(partitions, rows.count() // BUCKET_ROWS + 1)
    return rows.withColumn("bucket", F.pmod(F.col("comp"), F.lit(buckets)))


def text_rounds(checked, config: LinkConfig):
    """The checked pairs `batch.text_pairs` keeps, with their round (a pair may count in two
    rounds) and whether their text ties the posts (level 2+); checkpointed."""
    from pyspark.sql import functions as F

    comps = connected_components(
        checked.select(F.col("left").alias("src"), F.col("right").alias("dst"))
    ).select(F.col("node").alias("left"), F.col("label").alias("comp"))
    rows = checked.select(
        "left", "right", F.explode("rounds").alias("round"), "score", "shared", "shape"
    ).join(comps, "left")
    rounds = in_buckets(rows.checkpoint()).groupBy("bucket").applyInPandas(rounds_of(config),
                                                                          ROUND_SCHEMA)  # fmt: skip
    return rounds.checkpoint()


def rounds_of(config: LinkConfig):
    """applyInPandas body: a bucket of components' pairs through the rounds, as `text_pairs`
    does (ties never cross components, so a bucket is as good as one component)."""

    def run(frame: pd.DataFrame) -> pd.DataFrame:
        left = frame["left"].to_numpy(np.int64)
        right = frame["right"].to_numpy(np.int64)
        round_ = frame["round"].to_numpy(np.int64)
        score = frame["score"].to_numpy(np.float32)
        shared = frame["shared"].to_numpy(np.int32)
        nodes, local = np.unique(np.concatenate([left, right]), return_inverse=True)
        a, b = local[: len(left)], local[len(left) :]
        tied = text_level(score, shared, config.text_min_shared) >= 2
        labels = np.arange(len(nodes))
        kept: list[np.ndarray] = []
        for number in range(min(4, config.bands)):
            now = np.flatnonzero(round_ == number)
            now = now[np.lexsort((b[now], a[now]))]
            kept.append(now[labels[a[now]] != labels[b[now]]])
            joined = np.concatenate(kept)
            joined = joined[tied[joined]]
            labels = components(len(nodes), a[joined], b[joined])
        chosen = np.concatenate(kept)
        out = frame.iloc[chosen][["comp", "left", "right", "round", "score", "shared", "shape"]]
        return out.assign(tied=tied[chosen])

    return run


def component_rows(pairs, ties, joins):
    """Text pairs (kind 0), identifier pairs (1), anchored posts (2) and the joins of posts
    without contacts (3, `contactless_groups`), each with its component of (text pairs,
    identifier pairs, joins); checkpointed."""
    from pyspark.sql import functions as F

    spark = pairs.sparkSession
    frame = pd.DataFrame({"left": np.asarray(joins[0], np.int64), "right": joins[1]})
    joined = spark.createDataFrame(frame.astype("int64"), "left long, right long")
    ids, anchored = ties.id_pairs, ties.anchored
    edges = pairs.select("left", "right").union(ids).union(joined)
    comps = connected_components(
        edges.select(F.col("left").alias("src"), F.col("right").alias("dst"))
    ).select(F.col("node").alias("left"), F.col("label").alias("comp"))
    none = {"round": F.lit(0), "score": F.lit(0.0).cast("float"), "shared": F.lit(0),
            "shape": F.lit(0.0).cast("float")}  # fmt: skip
    rows = (
        pairs.select(F.lit(0).alias("kind"), "left", "right", "round", "score", "shared", "shape")
        .unionByName(ids.select(F.lit(1).alias("kind"), "left", "right", *_as(none)))
        .unionByName(
            anchored.select(
                F.lit(2).alias("kind"), "left", F.col("left").alias("right"), *_as(none)
            )
        )
        .unionByName(joined.select(F.lit(3).alias("kind"), "left", "right", *_as(none)))
    )
    return in_buckets(rows.join(comps, "left").checkpoint())


def _as(columns: dict) -> list:
    return [column.alias(name) for name, column in columns.items()]


@dataclass(slots=True)
class _Component:
    """A bucket of components' rows, posts numbered 0..n-1 in link order; text pairs in the
    order `batch.text_pairs` gives them (round, then left, right)."""

    nodes: np.ndarray
    pairs: TextPairs  # local post numbers
    rounds: np.ndarray
    id_pairs: tuple[np.ndarray, np.ndarray]
    anchored: np.ndarray
    joins: tuple[np.ndarray, np.ndarray]  # posts without contacts grouped by their wording

    @classmethod
    def of(cls, frame: pd.DataFrame) -> _Component:
        kind = frame["kind"].to_numpy()
        text = frame[kind == 0].sort_values(["round", "left", "right"])
        ids = frame[kind == 1]
        joins = frame[kind == 3]
        left, right = frame["left"].to_numpy(np.int64), frame["right"].to_numpy(np.int64)
        nodes = np.unique(np.concatenate([left, right]))

        def local(column) -> np.ndarray:
            return np.searchsorted(nodes, column.to_numpy(np.int64))

        anchored = np.zeros(len(nodes), bool)
        anchored[local(frame["left"][kind == 2])] = True
        check = TextCheck(text["score"].to_numpy(np.float32), text["shared"].to_numpy(np.int32),
                          text["shape"].to_numpy(np.float32))  # fmt: skip
        return cls(nodes, TextPairs(local(text["left"]), local(text["right"]), check),
                   text["round"].to_numpy(np.int32), (local(ids["left"]), local(ids["right"])),
                   anchored, (local(joins["left"]), local(joins["right"])))  # fmt: skip


def patterns_of(config: LinkConfig):
    """applyInPandas body: a bucket's text pairs counted by level pattern (text, rare,
    contacts as `batch.decide` judges them), with one example score per pattern."""

    def run(frame: pd.DataFrame) -> pd.DataFrame:
        c = _Component.of(frame)
        count = len(c.nodes)
        groups = components(count, *c.id_pairs)
        group_anchored = np.bincount(groups, weights=c.anchored, minlength=count) > 0
        contacts = contact_levels(groups, group_anchored, c.pairs.left, c.pairs.right)
        check = c.pairs.check
        text = text_level(check.score, check.shared_rare, config.text_min_shared)
        code = (text * _RARE + rare_level(check.shared_rare)) * _CONTACTS + contacts
        codes, first, pairs = np.unique(code, return_index=True, return_counts=True)
        return pd.DataFrame({"code": codes, "pairs": pairs, "score": check.score[first],
                             "shared": check.shared_rare[first]})  # fmt: skip

    return run


def estimate_model(rows, config: LinkConfig) -> tuple[MatchModel, TextPairs]:
    """The match model EM estimates from every pair's level pattern (summed over components),
    and one self-pair per text level present among usable pairs (the rounds `cluster` runs)."""
    from pyspark.sql import functions as F

    table = (
        rows.groupBy("bucket")
        .applyInPandas(patterns_of(config), PATTERN_SCHEMA)
        .groupBy("code")
        .agg(
            F.sum("pairs").alias("pairs"),
            F.first("score").alias("score"),
            F.first("shared").alias("shared"),
        )
        .orderBy("code")
        .toPandas()
    )
    code = table["code"].to_numpy(np.int64)
    counts = table["pairs"].to_numpy(np.int64)
    text, rare = code // (_RARE * _CONTACTS), (code // _CONTACTS) % _RARE
    model = estimate(*(np.repeat(levels, counts).astype(np.int8)
                       for levels in (text, rare, code % _CONTACTS)))  # fmt: skip
    usable = model.weights(text, rare, np.full(len(code), UNKNOWN)) > 0
    _, first = np.unique(text[usable], return_index=True)
    example = np.flatnonzero(usable)[first]
    count = len(example)
    padding = TextPairs(np.zeros(count, np.int64), np.zeros(count, np.int64),
                        TextCheck(table["score"].to_numpy(np.float32)[example],
                                  table["shared"].to_numpy(np.int32)[example],
                                  np.zeros(count, np.float32)))  # fmt: skip
    return model, padding


def cluster_component(config: LinkConfig, model: MatchModel, padding: TextPairs):
    """applyInPandas body: `batch.decide` over a bucket of components with the model; its
    posts' clusters, the text evidence to keep and one example pair per two clusters sharing
    a common template."""

    def run(frame: pd.DataFrame) -> pd.DataFrame:
        c = _Component.of(frame)
        real = len(c.pairs)
        pairs = concat_pairs([c.pairs, padding])
        decision = decide(len(c.nodes), c.id_pairs, c.anchored, pairs, config, model=model,
                          joins=c.joins)  # fmt: skip
        labels = decision.labels
        keep = np.flatnonzero((decision.used | decision.refused)[:real])
        example = decision.templates[decision.templates < real]
        comp = int(frame["bucket"].iloc[0])  # clusters are numbered per bucket
        posts = pd.DataFrame({"kind": 0, "left": c.nodes, "right": c.nodes, "a": labels})
        check = c.pairs.check
        evidence = pd.DataFrame({
            "kind": 1,
            "left": c.nodes[c.pairs.left[keep]],
            "right": c.nodes[c.pairs.right[keep]],
            "round": c.rounds[keep],
            "shared": check.shared_rare[keep],
            "weight": np.round(check.score[keep], 4).astype(np.float64),
            "refused": decision.refused[keep],
        })  # fmt: skip
        left, right = c.pairs.left[example], c.pairs.right[example]
        templates = pd.DataFrame({"kind": 2, "left": c.nodes[left], "right": c.nodes[right],
                                  "a": labels[left], "b": labels[right]})  # fmt: skip
        out = pd.concat([posts, evidence, templates], ignore_index=True)
        defaults = {"round": 0, "shared": 0, "weight": 0.0, "refused": False, "a": 0, "b": 0}
        out = out.fillna(defaults).assign(comp=comp)
        types = {"comp": "int64", "kind": "int32", "left": "int64", "right": "int64",
                 "round": "int32", "shared": "int32", "weight": "float64", "refused": "bool",
                 "a": "int64", "b": "int64"}  # fmt: skip
        return out.astype(types)[list(types)]

    return run


@dataclass(slots=True)
class Numbers:
    posts: object  # DataFrame idx, network_id (posts in a cluster of 2+)
    clusters: object  # DataFrame comp, a (cluster), network_id, number
    count: int


def network_numbers(clustered) -> Numbers:
    """Clusters of two or more posts numbered in the order of their first post (link order)."""
    from pyspark.sql import functions as F

    posts = clustered.where("kind = 0").select("comp", "a", F.col("left").alias("idx"))
    sized = posts.groupBy("comp", "a").agg(F.min("idx").alias("first"), F.count("*").alias("n"))
    ordered = sized.where("n >= 2").orderBy("first").select("comp", "a")
    clusters = (
        ordered.rdd.zipWithIndex()
        .map(lambda pair: (pair[0][0], pair[0][1], pair[1] + 1))
        .toDF("comp long, a long, number long")
        .mapInPandas(_with_ids, "comp long, a long, number long, network_id string")
        .checkpoint()
    )
    count = clusters.count()
    return Numbers(posts.join(clusters, ["comp", "a"]).select("idx", "network_id"), clusters, count)


def _with_ids(frames):
    for frame in frames:
        yield frame.assign(network_id=[format_id(n) for n in frame["number"].tolist()])


EDGE_COLUMNS = ("left_pk", "right_pk", "kind", "weight", "value", "hub", "network_id")


def evidence_edges(prepared, numbers: Numbers, clustered, ties):
    """Evidence edges in the store's columns and `batch.link_posts`'s order: identifier and
    image edges (`spark.identifiers`), then text edges in pair order."""
    from pyspark.sql import functions as F

    ident = ties.edges
    text = clustered.where("kind = 1").select(
        "left", "right", F.lit("text").alias("kind"), "weight",
        F.concat(F.lit("shared "), F.col("shared").cast("string")).alias("value"),
        F.col("refused").alias("hub"), F.lit(1).cast("long").alias("o1"),
        F.col("round").cast("long").alias("o2"), F.col("left").alias("o3"),
    )  # fmt: skip
    pk = prepared.select("idx", "pk")
    return (
        ident.unionByName(text)
        .join(pk.select(F.col("idx").alias("left"), F.col("pk").alias("left_pk")), "left")
        .join(pk.select(F.col("idx").alias("right"), F.col("pk").alias("right_pk")), "right")
        .join(numbers.posts.withColumnRenamed("idx", "left"), "left", "left")
        .orderBy("o1", "o2", "o3", "right")
        .select(*EDGE_COLUMNS)
    )


def template_examples(prepared, numbers: Numbers, clustered) -> tuple:
    """Left pks, right pks, left networks, right networks of one example pair per two networks
    whose texts share a common template, in the order `batch.decide` lists them."""
    from pyspark.sql import functions as F

    pk = prepared.select("idx", "pk")
    clusters = numbers.clusters
    rows = (
        clustered.where("kind = 2")
        .join(clusters.select("comp", "a", F.col("network_id").alias("left_id"),
                              F.col("number").alias("na")), ["comp", "a"])
        .join(clusters.select("comp", F.col("a").alias("b"), F.col("network_id").alias("right_id"),
                              F.col("number").alias("nb")), ["comp", "b"])
        .join(pk.select(F.col("idx").alias("left"), F.col("pk").alias("left_pk")), "left")
        .join(pk.select(F.col("idx").alias("right"), F.col("pk").alias("right_pk")), "right")
        .select(F.least("na", "nb").alias("low"), F.greatest("na", "nb").alias("high"),
                "left_pk", "right_pk", "left_id", "right_id")
        .orderBy("low", "high")
        .collect()
    )  # fmt: skip
    return (np.array([r.left_pk for r in rows], np.int64),
            np.array([r.right_pk for r in rows], np.int64),
            [r.left_id for r in rows], [r.right_id for r in rows])  # fmt: skip
