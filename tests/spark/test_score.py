"""How Spark cuts scoring batches: as `iter_scoring_rows` does (no Spark needed)."""

from __future__ import annotations

from sentinelle.spark.score import network_batches


def test_networks_follow_the_last_batch_of_posts_without_a_network():
    # 7 lone posts in batches of 5: batches 0 (5) and 1 (2 lone + networks until it holds 5)
    assert network_batches([2, 2, 3, 1], singletons=7, batch_size=5) == [1, 1, 2, 2]


def test_a_network_is_never_cut_and_a_full_batch_closes_at_a_network_boundary():
    assert network_batches([9, 1, 4, 1], singletons=0, batch_size=5) == [0, 1, 1, 2]
    assert network_batches([3], singletons=10, batch_size=5) == [2]
