"""Identifier values numbered and grouped on the executors, as the embedded incidence does."""

from __future__ import annotations

import numpy as np
import pytest

from sentinelle.link import batch
from sentinelle.link.identifiers import incidence

pytestmark = pytest.mark.spark

KINDS = ("phone", "handle", "author", "image")


def _posts(seed: int) -> list[dict]:
    """Posts with a few shared values of every kind, some posts with none, a generic handle."""
    rng = np.random.default_rng(seed)
    hashes = [int(h) for h in rng.integers(0, 1 << 63, 25, dtype=np.uint64) * 2 + 1]
    for _ in range(25):  # near copies (1 to 3 bits flipped), some with the top bit set
        bits = rng.choice(64, rng.integers(1, 4), replace=False)
        hashes.append(hashes[rng.integers(0, len(hashes))] ^ sum(1 << int(b) for b in bits))
    posts = []
    for idx in range(120):
        lists = {
            "phone": [f"+336{v:03d}" for v in rng.choice(150, rng.integers(0, 3), replace=False)],
            "handle": [f"snap:user{v}" for v in rng.choice(80, rng.integers(0, 2), replace=False)],
            "author": [f"s:a{v}" for v in rng.choice(60, rng.integers(0, 2), replace=False)],
            "image": [
                f"{hashes[v]:016x}" for v in rng.choice(50, rng.integers(0, 2), replace=False)
            ],
        }
        if idx % 17 == 0:
            lists["handle"].append("telegram:lea")  # a bare first name: joins nobody
        posts.append({"idx": idx, **lists})
    return posts


@pytest.fixture(scope="module")
def numbered(spark):
    from sentinelle.spark.identifiers import number_values

    posts = _posts(5)
    schema = "idx long, " + ", ".join(f"{k} array<string>" for k in KINDS)
    frame = spark.createDataFrame(
        [(p["idx"], *(p[k] for k in KINDS)) for p in posts], schema
    ).repartition(3)
    return posts, number_values(frame)


def test_values_are_numbered_in_order_of_first_appearance_as_the_incidence(numbered):
    posts, found = numbered
    values = found.values.orderBy("kind", "id").toPandas()
    for code, kind in enumerate(KINDS):
        expected = incidence([p[kind] for p in posts])
        mine = values[values["kind"] == code]
        assert mine["id"].tolist() == list(range(len(expected.values)))
        assert mine["value"].tolist() == expected.values
        assert mine["posts"].tolist() == expected.posts_per_value().tolist()
        leader = np.full(len(expected.values), 10**9)
        np.minimum.at(leader, expected.value, expected.post)
        assert mine["leader"].tolist() == leader.tolist()
        generic = mine["generic"].tolist()
        assert generic == [kind == "handle" and v == "telegram:lea" for v in expected.values]
    rows = found.rows.toPandas()
    phones = incidence([p["phone"] for p in posts])
    mine = rows[rows["kind"] == 0].sort_values(["idx", "id"])
    assert mine["idx"].tolist() == phones.post.tolist()
    assert mine["id"].tolist() == phones.value.tolist()


def test_contact_groups_are_the_embedded_contact_groups(numbered):
    from sentinelle.spark.identifiers import contact_groups

    posts, found = numbered
    embedded = batch.contact_groups({k: incidence([p[k] for p in posts]) for k in KINDS}, 120)
    groups = dict(contact_groups(found).select("idx", "grp").toPandas().values.tolist())
    assert sorted(groups) == np.flatnonzero(embedded >= 0).tolist()
    pairs = {(int(embedded[i]), groups[i]) for i in groups}
    assert len(pairs) == len({a for a, _ in pairs}) == len({b for _, b in pairs}) > 10


def test_near_images_are_the_embedded_image_edges_in_the_same_order(numbered):
    from sentinelle.link.config import LinkConfig
    from sentinelle.spark.identifiers import near_images

    posts, found = numbered
    config = LinkConfig()
    expected = batch.near_image_edges(incidence([p["image"] for p in posts]), config)
    assert len(expected) > 5
    edges = near_images(found, config).orderBy("o1", "o2", "o3").toPandas()
    assert edges["left"].tolist() == expected.left.tolist()
    assert edges["right"].tolist() == expected.right.tolist()
    assert edges["value"].tolist() == [expected.evidence[v] for v in expected.value]
    assert edges["weight"].tolist() == np.round(expected.weight, 4).astype(float).tolist()
