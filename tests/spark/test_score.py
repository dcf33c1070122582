"""Spark scoring batches (issue 14): whole groups of posts sharing a network, a contact or a
photo, as the embedded run scores them, so a contact's facts see all its posts in both."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import select, update

from sentinelle.demo import generate
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.pipeline.analyze import analyze
from sentinelle.pipeline.score import score_batch
from sentinelle.spark.score import SCORING_COLUMNS, score
from sentinelle.store.schema import post_analysis, posts
from sentinelle.store.scoring import clear_scores, iter_scoring_rows

pytestmark = pytest.mark.spark

SHARED_PHONE = "06 55 44 33 22"
PEOPLE = (
    ("Amandine", "Lyon"),
    ("Sophie", "Marseille"),
    ("Julie", "Toulouse"),
    ("Clara", "Nantes"),
    ("Emma", "Lille"),
    ("Lina", "Bordeaux"),
)


def shared_phone_posts() -> list[dict]:
    """One number behind six first names and six cities: a contact-level fact."""
    return [
        {
            "id": f"shared-{n}",
            "source": f"site-{n % 2}",
            "kind": "ad",
            "text": f"{name}, nouvelle à {city} cette semaine, appelez le {SHARED_PHONE}",
            "posted_at": f"2024-05-0{n + 1}T12:00:00+02:00",
            "city": city,
            "author": f"annonce{n}",
        }
        for n, (name, city) in enumerate(PEOPLE)
    ]


def test_a_phone_in_two_networks_and_in_lone_posts_scores_as_embedded(
    spark, sqlite_store, tmp_path: Path
):
    store = sqlite_store
    path = tmp_path / "posts.jsonl"
    corpus = [post for post, _ in generate(300, 11)] + shared_phone_posts()
    path.write_bytes(b"".join(orjson.dumps(post) + b"\n" for post in corpus))
    ingest_files(store, [str(path)])
    analyze(store, workers=1)
    with store.engine.begin() as connection:
        networks = connection.execute(
            select(post_analysis.c.network_id)
            .where(post_analysis.c.network_id.is_not(None))
            .distinct()
            .order_by(post_analysis.c.network_id)
        ).scalars()
        first, second = list(networks)[:2]
        shared = connection.execute(
            select(posts.c.pk).where(posts.c.post_id.startswith("shared-")).order_by(posts.c.pk)
        ).scalars()
        # the number spans two networks and posts of none (as a hub number or a later run
        # leaves it): the embedded run still scores all its posts in one batch
        for pk, network in zip(shared, (first, first, second, second, None, None), strict=True):
            connection.execute(
                update(post_analysis)
                .where(post_analysis.c.post_pk == pk)
                .values(network_id=network)
            )
    clear_scores(store)
    rows = [row for batch in iter_scoring_rows(store, 5000) for row in batch]
    embedded = {s["post_pk"]: s for s in score_batch(rows)}

    frame = spark.createDataFrame(
        rows, ", ".join(f"{c} {'long' if c == 'pk' else 'string'}" for c in SCORING_COLUMNS)
    )
    # batches far smaller than the corpus: the old network cut split the number's posts
    scored = {row["pk"]: row.asDict() for row in score(frame, batch_size=20).collect()}
    assert set(scored) == set(embedded)
    assert len(scored) == len(rows) > 250
    for pk, expected in embedded.items():
        got = scored[pk]
        for label in ("score_minor", "score_control", "score_recruitment"):
            assert abs(got[label] - expected[label]) <= 1e-6, (pk, label)
        assert got["flags"] == expected["flags"], pk
        assert got["indicators"] == expected["indicators"], pk
