"""`sentinelle explain POST_ID`: the scores, the indicators with their evidence, the network."""

from __future__ import annotations

import click

from sentinelle.cli.common import db_option, handle_errors, open_store_for


def _from_store(db: str | None, post_id: str, source: str | None):
    """The post and every post sharing a phone or handle with it (its contact context)."""
    from sqlalchemy import select

    from sentinelle.store.posts import row_to_post
    from sentinelle.store.schema import post_identifiers, posts

    store = open_store_for(db)
    query = select(posts).where(posts.c.post_id == post_id)
    if source:
        query = query.where(posts.c.source == source)
    with store.engine.connect() as connection:
        target = connection.execute(query).mappings().first()
        if target is None:
            return None, []
        values = select(post_identifiers.c.value).where(post_identifiers.c.post_pk == target["pk"])
        sharing = select(post_identifiers.c.post_pk).where(post_identifiers.c.value.in_(values))
        rows = connection.execute(select(posts).where(posts.c.pk.in_(sharing))).mappings().all()
    related = [row_to_post(row) for row in rows if row["pk"] != target["pk"]]
    return row_to_post(target), related


def _from_file(path: str, post_id: str, source: str | None):
    from sentinelle.score.corpus import read_posts

    batch = read_posts(path)
    for index, post in enumerate(batch):
        if post.id == post_id and (source is None or post.source == source):
            return post, batch[:index] + batch[index + 1 :]
    return None, []


@click.command()
@click.argument("post_id")
@click.option("--source", default=None, help="The post's source, when the id is not unique.")
@click.option(
    "--posts",
    "posts_path",
    type=click.Path(exists=True, dir_okay=False),
    help="Read posts from this file instead of the database.",
)
@click.option(
    "--model",
    "model_dir",
    type=click.Path(exists=True),
    default=None,
    help="A model directory [default: the shipped model].",
)
@db_option
@handle_errors
def explain(post_id, source, posts_path, model_dir, db) -> None:
    """Print a post's scores, the indicators behind them and what came from the network."""
    from sentinelle.errors import InputError
    from sentinelle.extract import extract_posts
    from sentinelle.score.explain import explanation_lines
    from sentinelle.score.model import default_model, load_model
    from sentinelle.score.scoring import score_posts

    if posts_path:
        post, related = _from_file(posts_path, post_id, source)
    else:
        post, related = _from_store(db, post_id, source)
    if post is None:
        raise InputError(f"no post with id {post_id!r}" + (f" in {source!r}" if source else ""))
    model = load_model(model_dir) if model_dir else default_model()
    batch = [post, *related]
    result = score_posts(batch, extract_posts(batch), None, model)[0]
    click.echo("\n".join(explanation_lines(result, model)))
