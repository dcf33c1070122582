from __future__ import annotations

from sentinelle.evaluate.extraction import compare_extraction


def test_counts_are_per_post_and_item():
    exported = {
        ("s", "1"): {"phones": ["+33612345678"], "handles": ["snapchat:lea"], "stated_ages": [16]},
        ("s", "2"): {"phones": ["+33600000000"], "handles": [], "stated_ages": []},
    }
    truths = [
        {
            "source": "s",
            "id": "1",
            "phones": ["+33612345678"],
            "handles": ["snapchat:lea", "s:lea"],
            "stated_ages": [16],
        },
        {"source": "s", "id": "2", "phones": [], "handles": [], "stated_ages": []},
        {"source": "s", "id": "3", "phones": ["+33611111111"]},
    ]
    report = compare_extraction(exported, truths)
    assert report["phones"]["tp"] == 1 and report["phones"]["fp"] == 1
    assert report["phones"]["precision"] == 0.5 and report["phones"]["recall"] == 1.0
    assert report["handles"]["recall"] == 0.5
    assert report["stated_ages"]["f1"] == 1.0
    assert report["posts_missing_from_store"] == 1


def test_the_last_truth_line_of_a_post_wins():
    from sentinelle.evaluate.truth import latest_truths

    truths = [
        {"source": "s", "id": "1", "phones": ["a"]},
        {"source": "s", "id": "2"},
        {"source": "s", "id": "1", "phones": ["b"]},
    ]
    assert [t.get("phones") for t in latest_truths(truths)] == [["b"], None]
