from __future__ import annotations

import numpy as np

from sentinelle.evaluate.linking import compare_linking, pairwise_scores, recovered_share, stays


def test_pairwise_scores_count_same_actor_pairs():
    truth = np.array(["a", "a", "a", "b", "b", "c"])
    found = np.array([1, 1, 2, 3, 3, 3])  # splits a, merges b with c
    scores = pairwise_scores(truth, found)
    assert (scores.true_pairs, scores.predicted_pairs) == (4, 4)
    assert scores.precision == 2 / 4 and scores.recall == 2 / 4
    assert pairwise_scores(truth, truth).ari == 1.0


def test_stays_recovered_in_order():
    assert stays(["Lyon", "Lyon", None, "Dijon", "Lyon"]) == ["Lyon", "Dijon", "Lyon"]
    assert recovered_share(["Lyon", "Dijon", "Metz"], ["Lyon", "Metz", "Dijon"]) == 2 / 3
    assert recovered_share([], ["Lyon"]) == 1.0


def test_compare_linking_reports_independents_wrongly_merged():
    posts = [
        {"source": "s", "id": str(i), "network_id": n, "city": "Lyon", "posted_ts": float(i)}
        for i, n in enumerate(["n-1", "n-1", "n-1", None])
    ]
    truths = {
        ("s", "0"): {"actor": "g1", "actor_kind": "group", "city": "Lyon"},
        ("s", "1"): {"actor": "g1", "actor_kind": "group", "city": "Lyon"},
        ("s", "2"): {"actor": "i1", "actor_kind": "independent", "city": "Lyon"},
        ("s", "3"): {"actor": "i2", "actor_kind": "independent", "city": "Lyon"},
    }
    report = compare_linking(posts, truths)
    assert report["independents_wrongly_merged"] == 0.5
    assert report["pairwise_recall"] == 1.0 and report["pairwise_precision"] == round(1 / 3, 4)
    assert report["itinerary_stays_recovered"] == 1.0


def test_compare_linking_reports_contactless_independents_wrongly_merged_apart():
    # two independents without contacts in one network, one with a phone alone, one alone
    posts = [
        {"source": "s", "id": str(i), "network_id": n, "city": "Lyon", "posted_ts": float(i)}
        for i, n in enumerate(["n-1", "n-1", None, None])
    ]
    truths = {
        ("s", "0"): {"actor": "i1", "actor_kind": "independent", "phones": []},
        ("s", "1"): {"actor": "i2", "actor_kind": "independent", "handles": []},
        ("s", "2"): {"actor": "i3", "actor_kind": "independent", "phones": ["+33612345678"]},
        ("s", "3"): {"actor": "i4", "actor_kind": "independent"},
    }
    report = compare_linking(posts, truths)
    assert report["contactless_independent_posts"] == 3
    assert report["contactless_independents_wrongly_merged"] == round(2 / 3, 4)
    assert report["independents_wrongly_merged"] == 0.5
