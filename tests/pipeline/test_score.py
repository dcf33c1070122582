from __future__ import annotations

from pathlib import Path

import orjson
from sqlalchemy import select

from sentinelle.demo import generate
from sentinelle.export.posts import FLAG_BITS, iter_export
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.pipeline.analyze import analyze
from sentinelle.score.decide import deciding_codes, evidence_codes
from sentinelle.score.model import default_model
from sentinelle.store.schema import post_analysis
from sentinelle.store.scoring import count_unscored


def _corpus(path: Path, n: int, seed: int) -> dict:
    truths = {}
    with open(path, "wb") as out:
        for post, truth in generate(n, seed):
            out.write(orjson.dumps(post) + b"\n")
            truths[(truth["source"], truth["id"])] = truth
    return truths


def test_analyze_scores_every_post_with_flags_at_the_thresholds(store, tmp_path: Path):
    path = tmp_path / "posts.jsonl"
    truths = _corpus(path, 600, 5)
    ingest_files(store, [str(path)])
    summary = analyze(store, workers=1)
    assert summary.scored == summary.analyzed > 0
    assert count_unscored(store) == 0
    thresholds = default_model().thresholds
    exported = list(iter_export(store))
    for obj in exported:
        codes = {item["code"] for item in obj["indicators"]}
        for label in FLAG_BITS:
            at_threshold = obj["scores"][label] >= round(thresholds[label], 4) - 1e-4
            evidence = bool(codes & evidence_codes(label))
            # A flag needs the threshold and evidence; a deciding indicator lifts to the threshold.
            assert obj["flags"][label] == (at_threshold and evidence), (obj, label)
            if codes & deciding_codes(label):
                assert obj["flags"][label]
    recruiting = [o for o in exported if truths[(o["source"], o["id"])]["labels"]["recruitment"]]
    assert recruiting and sum(o["flags"]["recruitment"] for o in recruiting) >= 0.9 * len(
        recruiting
    )
    benign = [o for o in exported if truths[(o["source"], o["id"])]["actor_kind"] == "benign"]
    assert not any(o["flags"]["minor"] for o in benign)


def test_new_posts_rescore_their_network_only(sqlite_store, tmp_path: Path):
    path = tmp_path / "posts.jsonl"
    _corpus(path, 400, 8)
    ingest_files(sqlite_store, [str(path)])
    total = analyze(sqlite_store, workers=1).analyzed
    assert analyze(sqlite_store, workers=1).scored == 0  # up to date: nothing rescored
    # A re-post of a networked post under a new id joins that network: only it is rescored.
    exported = [o for o in iter_export(sqlite_store) if o["network_id"]]
    original = next(
        orjson.loads(line)
        for line in path.read_bytes().splitlines()
        if orjson.loads(line)["id"] == exported[0]["id"]
    )
    path.write_bytes(orjson.dumps({**original, "id": "repost-1"}) + b"\n")
    ingest_files(sqlite_store, [str(path)])
    summary = analyze(sqlite_store, workers=1)
    assert summary.analyzed == 1
    repost = next(o for o in iter_export(sqlite_store) if o["id"] == "repost-1")
    with sqlite_store.engine.connect() as connection:
        members = connection.execute(
            select(post_analysis.c.post_pk).where(
                post_analysis.c.network_id == repost["network_id"]
            )
        ).all()
    assert repost["network_id"] is not None
    assert summary.scored == len(members) < total


def test_a_persona_key_names_one_person_and_a_multi_person_ad_takes_but_gives_no_cue():
    from sentinelle.pipeline.score import _persona_key
    from sentinelle.records import Extraction, Post, StatedAge

    def ad(text: str) -> Post:
        return Post("s", "1", "ad", text, "2024-03-01T10:00:00+01:00")

    one = Extraction(stated_ages=[StatedAge(17, "17 ans")])
    two = Extraction(stated_ages=[StatedAge(17, "17 et 20 ans"), StatedAge(20, "17 et 20 ans")])
    assert _persona_key(ad("Léa 17 ans dispo"), one, "n1") == ("n1/Léa", True, [])
    assert _persona_key(ad("Léa 17 ans dispo"), one, None) == (None, False, [])
    # a multi-person ad may be raised by each first name's persona but lends them no cue
    duo = _persona_key(ad("Léa et Nina, 17 et 20 ans"), two, "n1")
    assert duo == ("n1/Léa", False, ["n1/Nina"])
    # one that names one woman is hers ("Maya, on est 2 filles"), unless it states two ages
    assert _persona_key(ad("Léa et sa copine, duo dispo"), Extraction(), "n1") == (
        "n1/Léa",
        True,
        [],
    )
    assert _persona_key(ad("Léa et sa copine, duo, 17 et 20 ans"), two, "n1") == (
        "n1/Léa",
        False,
        [],
    )
