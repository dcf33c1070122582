"""`sentinelle train --truth FILE`: fit, calibrate and save a versioned scoring model."""

from __future__ import annotations

from pathlib import Path

import click

from sentinelle.cli.common import err_console, handle_errors


def _corpus(truth_path: str, posts_path: str | None):
    from sentinelle.errors import InputError
    from sentinelle.records import Post
    from sentinelle.score.corpus import join_truth, read_posts, read_truth

    truth = read_truth(truth_path)
    if posts_path:
        posts = read_posts(posts_path)
    else:
        embedded = [row["post"] for row in truth.values() if isinstance(row.get("post"), dict)]
        if not embedded:
            raise InputError(f"{truth_path}: truth rows carry no post; give --posts FILE")
        posts = [
            Post(**{k: v for k, v in fields.items() if k in Post.__slots__}) for fields in embedded
        ]
    corpus = join_truth(posts, truth)
    if not corpus.posts:
        raise InputError(f"no post of {posts_path or truth_path} has a truth row in {truth_path}")
    return corpus


@click.command()
@click.option(
    "--truth",
    "truth_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Truth JSONL: source, id, labels {minor, control, recruitment}, actor, actor_kind.",
)
@click.option(
    "--posts",
    "posts_path",
    type=click.Path(exists=True, dir_okay=False),
    help="The labelled posts (JSONL/CSV/WARC) when the truth rows do not embed them.",
)
@click.option(
    "--heldout-truth",
    type=click.Path(exists=True, dir_okay=False),
    help="Truth of a held-out corpus (another generator seed) to evaluate into the card.",
)
@click.option("--heldout-posts", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False),
    default=None,
    help="Model directory [default: ./models/<version>].",
)
@click.option("--description", default="", help="What the training data is, for the model card.")
@click.option("--seed", default=0, show_default=True, help="Seed of the calibration split.")
@handle_errors
def train(truth_path, posts_path, heldout_truth, heldout_posts, output, description, seed) -> None:
    """Train the minor, control and recruitment models on a labelled corpus."""
    from sentinelle.evaluate.scoring import evaluate_scoring
    from sentinelle.extract import extract_posts
    from sentinelle.score.model import save_model
    from sentinelle.score.training import train_model

    corpus = _corpus(truth_path, posts_path)
    extractions = extract_posts(corpus.posts)
    model = train_model(
        corpus.posts,
        extractions,
        corpus.labels,
        corpus.actors,
        None,
        seed,
        description or f"{truth_path} ({len(corpus.posts)} posts)",
    )
    if heldout_truth:
        heldout = _corpus(heldout_truth, heldout_posts)
        report = evaluate_scoring(heldout, extract_posts(heldout.posts), model)
        report["description"] = f"{heldout_truth} ({report['posts']} posts, never used in training)"
        model.card["evaluation"] = report
    directory = Path(output) if output else Path("models") / model.version
    save_model(model, directory)
    thresholds = ", ".join(f"{label} {value:.3f}" for label, value in model.thresholds.items())
    err_console.print(f"model {model.version} saved in {directory} (thresholds: {thresholds})")
