"""Scoring batches (issue 16): whole groups of posts sharing a network, a contact or a photo,
so that contact-level scores do not depend on where batches are cut."""

from __future__ import annotations

from pathlib import Path

import orjson
from sqlalchemy import insert, select

from sentinelle.demo import generate
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.pipeline.analyze import analyze
from sentinelle.pipeline.score import score_batch
from sentinelle.store.schema import post_analysis, post_identifiers
from sentinelle.store.scoring import clear_scores, iter_scoring_rows


def _analysed(store, tmp_path: Path, posts: int = 400) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b"".join(orjson.dumps(post) + b"\n" for post, _ in generate(posts, 3)))
    ingest_files(store, [str(path)])
    analyze(store, workers=1)


def _batch_of(batches: list[list[tuple]]) -> dict[int, int]:
    return {row[0]: number for number, rows in enumerate(batches) for row in rows}


def test_a_contact_shared_by_two_networks_puts_both_in_one_batch(store, tmp_path: Path):
    _analysed(store, tmp_path)
    with store.engine.begin() as connection:
        networks = connection.execute(
            select(post_analysis.c.post_pk, post_analysis.c.network_id)
            .where(post_analysis.c.network_id.is_not(None))
            .order_by(post_analysis.c.network_id)
        ).all()
        first, last = networks[0], networks[-1]
        assert first.network_id != last.network_id
        connection.execute(
            insert(post_identifiers),
            [
                {"post_pk": first.post_pk, "kind": "phone", "value": "+33600000999"},
                {"post_pk": last.post_pk, "kind": "phone", "value": "+33600000999"},
            ],
        )
    clear_scores(store)
    batch_of = _batch_of(list(iter_scoring_rows(store, batch_size=1)))
    assert batch_of[first.post_pk] == batch_of[last.post_pk]
    with store.engine.connect() as connection:
        contacts = connection.execute(select(post_identifiers.c.value, post_identifiers.c.post_pk))
        shared = [
            *((f"c{value}", pk) for value, pk in contacts),
            *(tuple(n)[::-1] for n in networks),
        ]
    seen: dict[str, int] = {}
    for key, pk in shared:  # every contact and every network: all its posts in one batch
        assert seen.setdefault(key, batch_of[pk]) == batch_of[pk]
    assert len(set(batch_of.values())) > 1  # and batches are still cut between groups


def test_scores_do_not_depend_on_the_batch_size(store, tmp_path: Path):
    _analysed(store, tmp_path)
    clear_scores(store)
    small = [row for rows in iter_scoring_rows(store, 1) for row in score_batch(rows)]
    large = [row for rows in iter_scoring_rows(store, 100_000) for row in score_batch(rows)]
    assert len(small) == len(large) > 0
    assert sorted(small, key=lambda r: r["post_pk"]) == sorted(large, key=lambda r: r["post_pk"])
