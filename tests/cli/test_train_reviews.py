"""`sentinelle train --from-reviews` and `--rollback`, run as a user would."""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson

from sentinelle.demo import generate
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.pipeline.analyze import analyze
from sentinelle.store import open_store
from sentinelle.store.browse import post_pk_of
from sentinelle.store.labels import add_label

NL = bytes([10])


def _labelled_store(tmp_path: Path, count: int, seed: int, flip: bool = False) -> tuple[str, Path]:
    """A store of analysed demo posts, each labelled by a reviewer from the truth."""
    posts_path, truth_path = tmp_path / "posts.jsonl", tmp_path / "truth.jsonl"
    truths = []
    with open(posts_path, "wb") as out:
        for post, truth in generate(count, seed):
            out.write(orjson.dumps(post) + b"\n")
            truths.append(truth)
    truth_path.write_bytes(b"".join(orjson.dumps(t) + b"\n" for t in truths))
    db = str(tmp_path / "work.db")
    store = open_store(db)
    ingest_files(store, [str(posts_path)])
    analyze(store, workers=1)
    for truth in truths:
        pk = post_pk_of(store, truth["source"], truth["id"])
        pressed = [label for label, value in truth["labels"].items() if value != flip]
        for label in pressed or ["none"]:
            add_label(store, pk, label, "reviewer", time.time())
    store.close()
    return db, truth_path


def test_retrain_from_reviews_installs_refuses_worse_and_rolls_back(cli, tmp_path: Path):
    db, _ = _labelled_store(tmp_path, 300, seed=21)
    models = tmp_path / "models"
    # Generated truth of other posts: right, then with every label flipped (which outweighs
    # the reviews and must be found worse).
    good, flipped, posts = tmp_path / "good.jsonl", tmp_path / "flipped.jsonl", tmp_path / "o.jsonl"
    rows = []
    with open(posts, "wb") as out:
        for post, row in generate(800, 22):
            out.write(orjson.dumps(post) + NL)
            rows.append(row)
    good.write_bytes(b"".join(orjson.dumps(r) + NL for r in rows))
    flipped.write_bytes(
        b"".join(
            orjson.dumps({**r, "labels": {k: not v for k, v in r["labels"].items()}}) + NL
            for r in rows
        )
    )
    posts = str(posts)
    # Start from a model in use that is bad on purpose, so that "not worse" does not depend on
    # how strong the shipped model is (a few hundred reviews cannot beat one trained on 60,000).
    bad = cli(
        "train", "--from-reviews", "--truth", str(flipped), "--posts", posts,
        "--models-dir", str(models), "--force", db=db,
    )  # fmt: skip
    assert bad.returncode == 0, bad.stderr.decode()
    first = cli(
        "train", "--from-reviews", "--truth", str(good), "--posts", posts,
        "--models-dir", str(models), db=db,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr.decode()
    card = (models / "active" / "model_card.md").read_text()
    assert "held-out reviewed posts" in card and "| new (" in card and "| old (" in card
    installed = (models / "active" / "model.joblib").read_bytes()

    env_models = {"SENTINELLE_MODELS": str(models)}
    os.environ.update(env_models)
    try:
        worse = cli("train", "--from-reviews", "--truth", str(flipped), "--posts", posts, db=db)
    finally:
        del os.environ["SENTINELLE_MODELS"]
    assert worse.returncode == 1
    assert "worse" in worse.stderr.decode()
    assert (models / "active" / "model.joblib").read_bytes() == installed
    assert list((models / "rejected").iterdir())

    forced = cli(
        "train", "--from-reviews", "--truth", str(flipped), "--posts", posts,
        "--models-dir", str(models), "--force", db=db,
    )  # fmt: skip
    assert forced.returncode == 0, forced.stderr.decode()
    assert (models / "previous" / "model.joblib").read_bytes() == installed
    back = cli("train", "--rollback", "--models-dir", str(models), db=db)
    assert back.returncode == 0, back.stderr.decode()
    assert (models / "active" / "model.joblib").read_bytes() == installed
    audit = cli("audit", "verify", db=db)
    assert audit.returncode == 0, audit.stderr.decode()


def test_rollback_without_a_previous_model_fails_cleanly(cli, tmp_path: Path):
    result = cli(
        "train", "--rollback", "--models-dir", str(tmp_path / "none"), db=str(tmp_path / "x.db")
    )
    assert result.returncode == 1
    assert "no previous model" in result.stderr.decode()


def test_too_few_reviews_is_a_clear_error(cli, tmp_path: Path):
    result = cli(
        "train", "--from-reviews", "--models-dir", str(tmp_path / "m"), db=str(tmp_path / "y.db")
    )
    assert result.returncode == 1
    assert "review label" in result.stderr.decode()
