import numpy as np

from sentinelle.link.clustering import cluster
from sentinelle.link.match_weights import PRIOR_MODEL

EMPTY = (np.zeros(0, np.int64), np.zeros(0, np.int64))


def _cluster(posts, id_pairs, anchored, pairs, text_levels):
    left = np.array([a for a, _ in pairs], np.int64)
    right = np.array([b for _, b in pairs], np.int64)
    text = np.array(text_levels, np.int64)
    rare = np.full(len(text), 2, np.int64)
    return cluster(posts, id_pairs, np.asarray(anchored, bool), (left, right), (text, rare),
                   PRIOR_MODEL, text == 4)  # fmt: skip


def _chain(start: int, size: int) -> list[tuple[int, int]]:
    return [(start + i, start + i + 1) for i in range(size - 1)]


def test_one_weak_bridge_does_not_join_two_text_groups():
    # posts 0-4 and 5-9 are two text-only groups tied inside by strong text; one weak pair
    # (2, 7) between them is not enough: a cluster needs two ties to join another
    pairs = _chain(0, 5) + _chain(5, 5) + [(2, 7)]
    labels = _cluster(10, EMPTY, [False] * 10, pairs, [4] * 8 + [2])
    assert len(set(labels[:5].tolist())) == 1
    assert len(set(labels[5:].tolist())) == 1
    assert labels[0] != labels[5]
    # two ties join them
    labels = _cluster(10, EMPTY, [False] * 10, [*pairs, (3, 8)], [4] * 8 + [2, 2])
    assert len(set(labels.tolist())) == 1


def test_a_post_without_contacts_never_bridges_two_contact_groups():
    # 0-2 share a phone, 3-5 another; post 6 (no contact) is like both, more like 3-5
    id_pairs = (np.array([1, 2, 4, 5]), np.array([0, 0, 3, 3]))
    anchored = [True] * 6 + [False]
    labels = _cluster(7, id_pairs, anchored, [(6, 0), (6, 3), (6, 4)], [2, 3, 3])
    assert labels[6] == labels[3]
    assert labels[0] != labels[3]


def test_contact_groups_join_only_through_text_strong_enough_to_outweigh_disagreement():
    id_pairs = (np.array([1, 3]), np.array([0, 2]))
    anchored = [True] * 4
    weak = _cluster(4, id_pairs, anchored, [(0, 2), (1, 3)], [3, 3])
    assert weak[0] != weak[2]
    strong = _cluster(4, id_pairs, anchored, [(0, 2), (1, 3)], [4, 4])
    assert strong[0] == strong[2]


def test_a_single_post_joins_its_best_partner_only():
    pairs = _chain(0, 4) + _chain(4, 4) + [(8, 1), (8, 5)]
    labels = _cluster(9, EMPTY, [False] * 9, pairs, [4] * 6 + [2, 3])
    assert labels[8] == labels[5]
    assert labels[0] != labels[4]
