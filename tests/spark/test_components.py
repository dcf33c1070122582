"""Large-star / small-star connected components against SciPy's."""

from __future__ import annotations

import numpy as np
import pytest

from sentinelle.link.graph import components

pytestmark = pytest.mark.spark


def test_components_match_scipy_on_chains_stars_and_cycles(spark):
    from sentinelle.spark.components import connected_components

    rng = np.random.default_rng(3)
    nodes = 400
    left = rng.integers(0, nodes, 300)
    right = rng.integers(0, nodes, 300)
    chain = np.arange(500, 560)  # a long path: the worst case for label propagation
    left = np.concatenate([left, chain[:-1]])
    right = np.concatenate([right, chain[1:]])
    edges = spark.createDataFrame(
        [(int(a), int(b)) for a, b in zip(left, right, strict=True)], "src long, dst long"
    )
    found = {row["node"]: row["label"] for row in connected_components(edges).collect()}
    expected = components(int(max(left.max(), right.max())) + 1, left, right)
    touched = sorted({*left.tolist(), *right.tolist()})
    for node in touched:
        members = np.flatnonzero(expected == expected[node])
        assert found[node] == members.min()
    assert set(found) == set(touched)
