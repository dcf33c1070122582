"""`sentinelle train`: fit, calibrate and save a versioned scoring model; retrain from the
review queue's labels; roll back to the previous model."""

from __future__ import annotations

from pathlib import Path

import click

from sentinelle.cli.common import db_option, err_console, handle_errors, open_store_for


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
    multiple=True,
    help="Truth of a held-out corpus (another seed, another profile) to evaluate into the "
    "card; repeatable, paired in order with --heldout-posts.",
)
@click.option("--heldout-posts", type=click.Path(exists=True, dir_okay=False), multiple=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False),
    default=None,
    help="Model directory [default: ./models/<version>].",
)
@click.option("--description", default="", help="What the training data is, for the model card.")
@click.option("--seed", default=0, show_default=True, help="Seed of the calibration split.")
@click.option(
    "--from-reviews",
    is_flag=True,
    help="Retrain with the review queue's labels (SENTINELLE_DB), weighted over --truth; "
    "compare old and new on held-out reviewed posts; install the new model unless worse.",
)
@click.option(
    "--rollback", is_flag=True, help="Restore the previous model (a second rollback undoes it)."
)
@click.option(
    "--models-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="The site's models (active/, previous/) [default: SENTINELLE_MODELS or "
    "./sentinelle-models].",
)
@click.option("--force", is_flag=True, help="With --from-reviews: install even a worse model.")
@db_option
@handle_errors
def train(
    truth_path,
    posts_path,
    heldout_truth,
    heldout_posts,
    output,
    description,
    seed,
    from_reviews,
    rollback,
    models_dir,
    force,
    db,
) -> None:
    """Train the minor, control and recruitment models on a labelled corpus.

    \b
    sentinelle train --truth truth.jsonl --posts posts.jsonl -o models/mine
    sentinelle train --from-reviews [--truth truth.jsonl --posts posts.jsonl]
    sentinelle train --rollback
    """
    from sentinelle.errors import InputError

    home = Path(models_dir) if models_dir else None
    if rollback:
        from sentinelle.score.registry import models_home
        from sentinelle.score.registry import rollback as restore

        try:
            active = restore(home)
        except FileNotFoundError as error:
            raise InputError(str(error)) from None
        _audit(db, "model.rollback", str(home or models_home()), {"active": str(active)})
        err_console.print(f"rolled back: {active} is the active model again")
        return
    if from_reviews:
        _train_from_reviews(db, truth_path, posts_path, home, seed, force, description)
        return
    if not truth_path:
        raise click.UsageError("give --truth FILE (or --from-reviews, or --rollback)")
    _train_from_truth(
        truth_path, posts_path, heldout_truth, heldout_posts, output, description, seed
    )


def _train_from_truth(
    truth_path, posts_path, heldout_truth, heldout_posts, output, description, seed
) -> None:
    from sentinelle.extract import extract_posts
    from sentinelle.score.heldout import evaluate_model
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
    if heldout_posts and len(heldout_posts) != len(heldout_truth):
        raise click.UsageError("give one --heldout-posts per --heldout-truth, or none")
    evaluations = []
    for index, truth_file in enumerate(heldout_truth):
        heldout = _corpus(truth_file, heldout_posts[index] if heldout_posts else None)
        report = evaluate_model(heldout, extract_posts(heldout.posts), model)
        report["description"] = f"{truth_file} ({report['posts']} posts, never used in training)"
        evaluations.append(report)
    model.card["evaluations"] = evaluations
    directory = Path(output) if output else Path("models") / model.version
    save_model(model, directory)
    thresholds = ", ".join(f"{label} {value:.3f}" for label, value in model.thresholds.items())
    err_console.print(f"model {model.version} saved in {directory} (thresholds: {thresholds})")


def _train_from_reviews(db, truth_path, posts_path, home, seed, force, description) -> None:
    import shutil
    import tempfile

    from sentinelle.errors import InputError
    from sentinelle.extract import extract_posts
    from sentinelle.score import reviews
    from sentinelle.score.model import default_model, load_model, save_model
    from sentinelle.score.registry import active_dir, install, models_home
    from sentinelle.score.training import train_model
    from sentinelle.store.labels import iter_labels
    from sentinelle.store.posts import posts_from_rows
    from sentinelle.store.reviewed import reviewed_rows
    from sentinelle.store.scoring import extraction_from_row

    store = open_store_for(db)
    try:
        truth = reviews.review_truth(list(iter_labels(store)))
        rows = reviewed_rows(store)
    finally:
        store.close()
    if len(rows) < reviews.MIN_REVIEWED:
        raise InputError(
            f"{len(rows)} analysed posts carry a review label; at least "
            f"{reviews.MIN_REVIEWED} are needed to retrain and compare"
        )
    posts = [post for _, post in posts_from_rows([row[:12] for row in rows])]
    split = reviews.split_reviewed(
        posts, [extraction_from_row(row) for row in rows], [row[-1] for row in rows], truth
    )
    if not split.heldout.posts or not split.train.posts:
        raise InputError("reviewed posts fall on one side of the held-out split; review more")
    generated, generated_extractions = None, []
    if truth_path:
        generated = _corpus(truth_path, posts_path)
        generated_extractions = extract_posts(generated.posts)
    held_keys = {(post.source, post.id) for post in split.heldout.posts}
    corpus, extractions, weights = reviews.training_set(
        generated, generated_extractions, split.train, split.train_extractions, held_keys
    )
    active = active_dir(home)  # the model in use where the new one would be installed
    old = load_model(active) if active is not None else default_model()
    err_console.print(
        f"retraining on {len(split.train.posts)} reviewed posts (weight {reviews.REVIEW_WEIGHT}) "
        f"and {len(corpus.posts) - len(split.train.posts)} generated; "
        f"{len(split.heldout.posts)} reviewed posts held out"
    )
    model = train_model(
        corpus.posts,
        extractions,
        corpus.labels,
        corpus.actors,
        None,
        seed,
        description or f"review labels + {truth_path or 'no generated truth'}",
        weights=weights,
    )
    comparison = reviews.compare(old, model, split.heldout, split.heldout_extractions)
    model.card["review_comparison"] = comparison
    model.card["previous_model"] = old.version
    home = home or models_home()
    summary = (
        f"mean F1 on held-out reviewed posts: old {comparison['old']['mean_f1']:.3f}, "
        f"new {comparison['new']['mean_f1']:.3f}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        candidate = Path(scratch) / model.version
        save_model(model, candidate)
        if comparison["new_is_worse"] and not force:
            rejected = home / "rejected" / model.version
            if rejected.exists():
                shutil.rmtree(rejected)
            shutil.copytree(candidate, rejected)
            _audit(db, "model.rejected", model.version, {"old": old.version, "summary": summary})
            raise InputError(
                f"new model is worse ({summary}); kept {old.version}. Card: {rejected}"
            )
        active = install(candidate, home)
    _audit(db, "model.install", model.version, {"old": old.version, "summary": summary})
    err_console.print(f"model {model.version} installed in {active} ({summary}); "
                      "`sentinelle train --rollback` restores the previous one")  # fmt: skip


def _audit(db: str | None, action: str, target: str, detail: dict) -> None:
    """Model changes go to the audit log of the database in use."""
    import getpass

    from sentinelle.audit import record_event
    from sentinelle.auth.roles import Actor

    store = open_store_for(db)
    try:
        record_event(store, Actor(getpass.getuser(), "cli"), action, target, "cli", detail)
    finally:
        store.close()
