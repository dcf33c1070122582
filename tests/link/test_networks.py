import numpy as np
import pytest

from sentinelle.link.networks import assign_network_ids, parse_id


def test_new_components_get_ids_in_order_and_lone_posts_none():
    assigned = assign_network_ids(np.array([0, 0, 1, 2, 2]), [None] * 5)
    assert assigned.ids == ["n-000001", "n-000001", None, "n-000002", "n-000002"]
    assert assigned.next_number == 3


def test_new_posts_join_the_existing_network():
    previous = ["n-000007", "n-000007", None]
    assigned = assign_network_ids(np.array([0, 0, 0]), previous, next_number=8)
    assert assigned.ids == ["n-000007"] * 3
    assert assigned.next_number == 8


def test_a_merge_keeps_the_older_id_and_records_the_alias():
    previous = ["n-000009", "n-000009", "n-000004", "n-000004", None]
    assigned = assign_network_ids(np.array([0, 0, 0, 0, 0]), previous, next_number=10)
    assert set(assigned.ids) == {"n-000004"}
    assert assigned.aliases == {"n-000009": "n-000004"}


def test_aliases_chain_to_the_final_survivor():
    previous = ["n-000009", "n-000009", "n-000002", "n-000002"]
    assigned = assign_network_ids(
        np.array([0, 0, 0, 0]), previous, aliases={"n-000015": "n-000009"}, next_number=16
    )
    assert assigned.aliases == {"n-000015": "n-000002", "n-000009": "n-000002"}


def test_a_split_leaves_the_id_with_the_larger_part():
    previous = ["n-000003"] * 5
    assigned = assign_network_ids(np.array([0, 0, 0, 1, 1]), previous, next_number=4)
    assert assigned.ids[:3] == ["n-000003"] * 3
    assert assigned.ids[3:] == ["n-000004"] * 2


def test_ids_are_checked():
    with pytest.raises(ValueError, match="network id"):
        parse_id("network-1")
