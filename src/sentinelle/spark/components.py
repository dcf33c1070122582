"""Connected components of a large edge list with DataFrames: large-star / small-star.

Kiveris et al., "Connected Components in MapReduce and Beyond" (SoCC 2014): alternating the two
steps turns every component into a star around its smallest node in O(log^2 n) rounds, each a
few joins and group-bys, so no graph library (and no jar fetched at run time) is needed. Each
round is checkpointed to cut the lineage Spark would otherwise replan every time.
"""

from __future__ import annotations

MAX_ROUNDS = 64


def connected_components(edges, checkpoint: bool = True):
    """(node, label) for every node of `edges` (columns `src`, `dst`), label = the smallest
    node of its component. Nodes without edges do not appear."""
    from pyspark.sql import functions as F

    # one row per undirected edge, oriented from the larger node to the smaller
    current = (
        edges.select(F.greatest("src", "dst").alias("u"), F.least("src", "dst").alias("v"))
        .where("u != v")
        .distinct()
    )
    current = _cut(current, checkpoint)
    for _ in range(MAX_ROUNDS):
        current = _cut(_small_star(_large_star(current)), checkpoint)
        if _is_star_forest(current):
            break
    else:
        raise RuntimeError(f"connected components did not converge in {MAX_ROUNDS} rounds")
    roots = current.select(F.col("v").alias("node"), F.col("v").alias("label")).distinct()
    return current.select(F.col("u").alias("node"), F.col("v").alias("label")).union(roots)


def _large_star(edges):
    """Each node's larger neighbours are attached to the smallest of its neighbourhood."""
    from pyspark.sql import functions as F

    both = edges.select(F.col("u").alias("x"), F.col("v").alias("y")).union(
        edges.select(F.col("v").alias("x"), F.col("u").alias("y"))
    )
    smallest = both.groupBy("x").agg(F.least(F.min("y"), F.first("x")).alias("m"))
    return (
        both.where("y > x")
        .join(smallest, "x")
        .select(F.col("y").alias("u"), F.col("m").alias("v"))
        .where("u != v")
        .distinct()
    )


def _small_star(edges):
    """Each node and its smaller neighbours are attached to the smallest of them."""
    from pyspark.sql import functions as F

    smallest = edges.groupBy("u").agg(F.min("v").alias("m"))
    joined = edges.join(smallest, "u")
    neighbours = joined.select(F.col("v").alias("a"), F.col("m").alias("b"))
    selves = smallest.select(F.col("u").alias("a"), F.col("m").alias("b"))
    return (
        neighbours.union(selves)
        .where("a != b")
        .select(F.greatest("a", "b").alias("u"), F.least("a", "b").alias("v"))
        .distinct()
    )


def _is_star_forest(edges) -> bool:
    """Every node has one parent and no parent has a parent of its own."""
    from pyspark.sql import functions as F

    parents = edges.select(F.col("v").alias("u")).distinct()
    chained = edges.join(parents, "u").limit(1).count()
    if chained:
        return False
    return edges.groupBy("u").count().where("count > 1").limit(1).count() == 0


def _cut(frame, checkpoint: bool):
    return frame.checkpoint(eager=True) if checkpoint else frame.localCheckpoint(eager=True)
