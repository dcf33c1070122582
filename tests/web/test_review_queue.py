"""The review queue ranks candidates read by key and scores, then reads the texts of the posts
it ranked first: the same queue, in the same order, as ranking the full rows did."""

from __future__ import annotations

import random

import orjson
import pytest
from sqlalchemy import select

from analysis_factories import blank_analysis
from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.score.model import default_model
from sentinelle.score.review_order import by_information, by_score
from sentinelle.store.browse import _LIST_COLUMNS, REVIEW_WINDOW, PostFilter, list_posts
from sentinelle.store.labels import add_label, review_labels
from sentinelle.store.posts import save_analyses, save_posts
from sentinelle.store.schema import post_analysis, posts
from sentinelle.web.routes.review import ordered_queue


def _fill(store, count: int = 160) -> None:
    rng = random.Random(3)
    batch = []
    for i in range(count):
        post, ts = validate_post(
            {
                "id": f"r{i:04d}",
                "source": "s",
                "kind": "ad",
                "text": f"Annonce {i}, dispo ce soir, contact par message",
                # distinct dates: "newest first" has no ties to order differently
                "posted_at": f"2024-05-{1 + i // 60:02d}T{8 + i % 60 // 6:02d}:{i % 6:02d}:00Z",
            }
        )
        batch.append((post, ts, content_hash(post)))
    save_posts(store, batch)
    rows = []
    for record in list_posts(store, PostFilter(), limit=count):
        scored = rng.random() < 0.9
        minor, control, recruitment = (round(rng.random(), 5) if scored else None for _ in "abc")
        rows.append(
            blank_analysis(
                record["pk"],
                city="Lyon",
                department="69",
                score_minor=minor,
                score_control=control,
                score_recruitment=recruitment,
                indicators=orjson.dumps([{"code": "x.y", "evidence": "dispo"}]).decode(),
                network_id=f"n-{rng.randrange(12):06d}" if rng.random() < 0.7 else None,
            )
        )
    save_analyses(store, rows, [])
    for row in rows[:15]:
        add_label(store, row["post_pk"], "none", "lea", 1.0)


def _full_rows_ranked(store, order: str, label: str, limit: int) -> list[dict]:
    """The queue as it was made before: every candidate's full row read, then ranked."""
    labelled = select(review_labels.c.post_pk)
    newest = select(posts.c.pk).order_by(posts.c.posted_ts.desc()).limit(REVIEW_WINDOW)
    query = (
        select(*_LIST_COLUMNS, posts.c.text, post_analysis.c.indicators)
        .select_from(posts.join(post_analysis, post_analysis.c.post_pk == posts.c.pk))
        .where(posts.c.pk.in_(newest), posts.c.pk.not_in(labelled))
        .where(post_analysis.c.score_minor.is_not(None))
        .order_by(posts.c.posted_ts.desc())
        .limit(5000)
    )
    with store.engine.connect() as connection:
        candidates = [dict(row) for row in connection.execute(query).mappings()]
    if order == "score":
        return by_score(candidates, label, limit)
    return by_information(candidates, default_model().thresholds, limit)


@pytest.mark.parametrize(("order", "label"), [("information", "minor"), ("score", "control")])
def test_ranking_by_scores_then_reading_texts_gives_the_same_queue(store, order, label):
    _fill(store)
    expected = _full_rows_ranked(store, order, label, 100)
    found = ordered_queue(store, order, label, 100)
    assert len(found) == len(expected) == 100
    assert found == expected  # same posts, order, columns, texts and information
