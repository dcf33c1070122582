from __future__ import annotations

from pathlib import Path

import orjson
from tests.score.corpus import make_corpus


def write_corpus(directory: Path, n_actors: int, seed: int) -> tuple[Path, Path, list]:
    posts, _, truths = make_corpus(n_actors, seed)
    posts_path, truth_path = directory / f"posts{seed}.jsonl", directory / f"truth{seed}.jsonl"
    fields = ("id", "source", "kind", "text", "posted_at", "author")
    posts_path.write_bytes(
        b"".join(orjson.dumps({name: getattr(p, name) for name in fields}) + b"\n" for p in posts)
    )
    truth_path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in truths))
    return posts_path, truth_path, posts


def test_train_saves_a_model_with_card_then_explain_uses_it(cli, tmp_path: Path):
    posts, truth, _ = write_corpus(tmp_path, 120, seed=11)
    heldout_posts, heldout_truth, heldout = write_corpus(tmp_path, 40, seed=12)
    model_dir = tmp_path / "model"
    trained = cli(
        "train",
        "--truth",
        str(truth),
        "--posts",
        str(posts),
        "--output",
        str(model_dir),
        "--heldout-truth",
        str(heldout_truth),
        "--heldout-posts",
        str(heldout_posts),
    )
    assert trained.returncode == 0, trained.stderr.decode()
    card = (model_dir / "model_card.md").read_text()
    assert "## Thresholds" in card and "never used in training" in card
    minor_post = next(p for p in heldout if "toute jeune" in p.text)
    explained = cli(
        "explain", minor_post.id, "--posts", str(heldout_posts), "--model", str(model_dir)
    )
    assert explained.returncode == 0, explained.stderr.decode()
    out = explained.stdout.decode()
    assert "FLAG minor" in out
    assert "youth.language [evidence]: 'toute jeune'" in out


def test_train_without_posts_fails_cleanly(cli, tmp_path: Path):
    _, truth, _ = write_corpus(tmp_path, 3, seed=13)
    result = cli("train", "--truth", str(truth))
    assert result.returncode == 1
    assert "--posts" in result.stderr.decode()


def test_explain_unknown_post_exits_1(cli, tmp_path: Path):
    posts, _, _ = write_corpus(tmp_path, 3, seed=14)
    result = cli("explain", "nope", "--posts", str(posts))
    assert result.returncode == 1
    assert "nope" in result.stderr.decode()


def test_explain_reads_the_post_and_its_contact_from_the_database(cli, tmp_path: Path):
    posts, _, corpus = write_corpus(tmp_path, 6, seed=15)
    db = str(tmp_path / "s.db")
    assert cli("ingest", str(posts), db=db).returncode == 0
    target = corpus[0]
    explained = cli("explain", target.id, "--source", target.source, db=db)
    assert explained.returncode == 0, explained.stderr.decode()
    out = explained.stdout.decode()
    assert f"post {target.source}/{target.id}" in out
    assert "From the network:" in out and "threshold" in out
