"""The review queue: least certain posts first; one key press labels one post."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from sentinelle.audit import record_event
from sentinelle.store.browse import get_post_by_pk, review_candidates, review_queue, review_rows
from sentinelle.store.labels import LABELS, add_label
from sentinelle.store.reviewed import labelled_among
from sentinelle.web.render import render
from sentinelle.web.routes.posts import masked_segments
from sentinelle.web.rows import score_cells
from sentinelle.web.security import PageContext, check_csrf, page

router = APIRouter(include_in_schema=False)
KEYS = {"m": "minor", "c": "control", "r": "recruitment", "n": "none"}


@router.get("/review", response_class=HTMLResponse)
def review_page(
    ctx: Annotated[PageContext, Depends(page("review.label"))],
    order: Annotated[str, Query(pattern="^(information|score|legacy)$")] = "information",
    label: Annotated[str, Query(pattern="^(minor|control|recruitment)$")] = "minor",
) -> HTMLResponse:
    """Most informative first (near each label's threshold, spread over networks), or down
    one label's score (`?order=score&label=minor`): recall is how far down one reads."""
    store = ctx.request.app.state.store
    legacy = order == "legacy"
    queue = review_queue(store) if legacy else cached_queue(ctx.request.app, order, label)
    shown = [f"{post['source']}/{post['post_id']}" for post in queue]
    record_event(
        store, ctx.actor, "review.view", f"{len(shown)} posts", ctx.client, {"posts": shown}
    )
    if legacy:
        queue = [_shown(post) for post in queue]
    return render(ctx, "review.html", queue=queue, keys=KEYS, order=order, order_label=label)


QUEUE = 20
RANKED = 100  # ranked once per cache period; labels given meanwhile are dropped per request


def cached_queue(app, order: str, label: str) -> list[dict]:
    """The queue from a ranking cached like the posts list (ranking reads 5,000 candidate
    texts: 300 ms of CPU at 1M posts), less the posts labelled since it was made."""
    ranked = app.state.cache.get_or_compute(
        ("review-queue", order, label),
        lambda: [_shown(post) for post in ordered_queue(app.state.store, order, label, RANKED)],
    )
    done = labelled_among(app.state.store, [post["pk"] for post in ranked])
    return [dict(post) for post in ranked if post["pk"] not in done][:QUEUE]


def _shown(post: dict) -> dict:
    """A queued post ready to show: its masked text (masking reads the text with the
    extractor: most of the page's CPU when done per request) and score cells."""
    return {**post, "segments": masked_segments(post, limit=400), "cells": score_cells(post)}


def ordered_queue(store, order: str, label: str, limit: int = QUEUE) -> list[dict]:
    """The queue by expected information or by one label's score (`score.review_order`)."""
    from sentinelle.score.model import default_model
    from sentinelle.score.review_order import by_information, by_score

    candidates = review_candidates(store)
    if order == "score":
        ranked = by_score(candidates, label, limit)
    else:
        ranked = by_information(candidates, default_model().thresholds, limit)
    shown = review_rows(store, [row["pk"] for row in ranked])  # texts of the ranked only
    return [{**shown[row["pk"]], **row} for row in ranked if row["pk"] in shown]


@router.post("/review/label")
async def label_post(request: Request, ctx: Annotated[PageContext, Depends(page("review.label"))]):
    form = await check_csrf(request, ctx.session)
    label = str(form.get("label", ""))
    if label not in LABELS:
        raise HTTPException(400, f"label must be one of {', '.join(LABELS)}")
    try:
        post_pk = int(str(form.get("post", "")))
    except ValueError:
        raise HTTPException(400, "post must be a post number") from None
    store = request.app.state.store
    post = get_post_by_pk(store, post_pk)
    if post is None:
        raise HTTPException(404, "no such post")
    add_label(store, post_pk, label, ctx.actor.name, time.time())
    target = f"{post['source']}/{post['post_id']}"
    record_event(store, ctx.actor, "review.label", target, ctx.client, {"label": label})
    if request.headers.get("x-csrf-token"):
        return JSONResponse({"post": post_pk, "label": label})
    back = str(form.get("back", ""))
    if back.startswith("/post?") and "\\" not in back:  # labelled from the post's page
        return RedirectResponse(f"{back}&labelled={label}", status_code=303)
    return RedirectResponse("/review", status_code=303)
