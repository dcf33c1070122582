"""`POST /api/posts` (store a batch) and `GET /api/posts/{source}/{id}` (the export object)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Request

from sentinelle.audit import record_event
from sentinelle.auth.roles import Actor
from sentinelle.export.posts import FLAG_BITS, export_object
from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import RecordError, validate_post
from sentinelle.score.decide import stored_flagged_by
from sentinelle.score.model import default_model
from sentinelle.store.browse import export_rows, post_pk_of
from sentinelle.store.posts import save_posts
from sentinelle.web.api.models import PostIn, StoredOut
from sentinelle.web.api.text_safety import check_storable
from sentinelle.web.security import api, client_of

router = APIRouter(prefix="/api", tags=["posts"])
MAX_BATCH = 5000


@router.post("/posts", response_model=StoredOut)
def store_posts(
    request: Request,
    batch: Annotated[list[PostIn], Body(max_length=MAX_BATCH)],
    actor: Annotated[Actor, Depends(api("api.ingest"))],
) -> StoredOut:
    """Store a batch of posts (the input contract). All or nothing: one bad post rejects the
    batch with a 422 naming it. Stored posts wait for `sentinelle analyze`: until then
    `GET /api/posts/...` answers `status: "pending"`, never a clean score."""
    checked, problems = [], []
    for index, item in enumerate(batch):
        fields = item.model_dump()
        check_storable(fields, f"[{index}]")
        try:
            post, posted_ts = validate_post(fields)
        except RecordError as error:
            problems.append(f"[{index}] {error.field or 'post'}: {error.reason}")
            continue
        checked.append((post, posted_ts, content_hash(post)))
    if problems:
        raise HTTPException(422, "; ".join(problems[:20]))
    counts = save_posts(request.app.state.store, checked) if checked else None
    result = StoredOut(
        stored=counts.stored if counts else 0,
        duplicates=counts.duplicates if counts else 0,
        updated=counts.updated if counts else 0,
    )
    record_event(
        request.app.state.store,
        actor,
        "api.ingest",
        f"{len(batch)} posts",
        client_of(request),
        result.model_dump(),
    )
    return result


@router.get("/posts/{source}/{post_id:path}")
def get_post(
    request: Request,
    source: Annotated[str, Path(max_length=200)],
    post_id: Annotated[str, Path(max_length=500)],
    actor: Annotated[Actor, Depends(api("api.read"))],
) -> dict:
    """The post export object (scores, flags, indicators, identifiers, place, network), with
    `status` ("pending" until `analyze` has scored it, then "scored"), and for a scored post each
    label's `threshold` and the indicator behind each flag (`flagged_by`)."""
    check_storable(source, "source")
    check_storable(post_id, "post_id")
    store = request.app.state.store
    pk = post_pk_of(store, source, post_id)
    if pk is None:
        raise HTTPException(404, "no such post")
    record_event(store, actor, "post.view", f"{source}/{post_id}", client_of(request))
    return with_scoring_status(export_rows(store, [pk])[0])


def with_scoring_status(row) -> dict:
    """The export object plus what a reader needs to trust its scores. A pending post keeps the
    contract's neutral scores (the contract's fields are not changed) but says `status:
    "pending"`: it was not found clean, it was not looked at yet."""
    exported = export_object(row)
    if row["analyzed_at"] is None or row["score_minor"] is None:
        return {**exported, "status": "pending", "threshold": None, "flagged_by": None}
    model = default_model()
    codes = [item["code"] for item in exported["indicators"]]
    return {
        **exported,
        "status": "scored",
        "threshold": {label: round(value, 4) for label, value in model.thresholds.items()},
        "flagged_by": stored_flagged_by(exported["flags"], codes),
        "model": model.version,
    }


def scoring_view(post: dict, indicators: list[dict]) -> dict:
    """For the post page: pending or not, each label's threshold, the indicator behind each
    flag."""
    if post.get("analyzed_at") is None or post.get("score_minor") is None:
        return {"pending": True, "threshold": None, "flagged_by": {}}
    flags = {label: bool((post.get("flags") or 0) & bit) for label, bit in FLAG_BITS.items()}
    return {
        "pending": False,
        "threshold": dict(default_model().thresholds),
        "flagged_by": stored_flagged_by(flags, [item["code"] for item in indicators]),
    }
