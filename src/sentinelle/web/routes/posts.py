"""Posts: the filtered list, one post with its evidence, revealing an identifier, export."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode

import orjson
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse

from sentinelle.audit import record_event
from sentinelle.auth.roles import allowed
from sentinelle.export.posts import export_object
from sentinelle.privacy import mask_identifier, pseudonymise_export, reveal_detail
from sentinelle.privacy.recognise import mask_text
from sentinelle.records import POST_KINDS
from sentinelle.store.browse import (
    FLAG_BITS,
    PostFilter,
    count_posts,
    distinct_values,
    export_rows,
    get_post,
    list_posts,
)
from sentinelle.store.labels import labels_of
from sentinelle.web.api.posts import scoring_view
from sentinelle.web.explain import explain_indicator, indicator_choices, thresholds
from sentinelle.web.highlight import cut_segments, segments
from sentinelle.web.render import render
from sentinelle.web.rows import table_row
from sentinelle.web.security import PageContext, check_csrf, page

router = APIRouter(include_in_schema=False)
EXPORT_LIMIT = 100_000
COUNT_CAP = 1000


def _day(value: str | None, field: str) -> float | None:
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC).timestamp()
    except ValueError:
        raise HTTPException(400, f"{field} must be a date like 2024-03-13") from None


async def post_filter(
    score_label: Annotated[str | None, Query(pattern="^(minor|control|recruitment)?$")] = None,
    min_score: Annotated[str | None, Query(max_length=10)] = None,
    flag: Annotated[str | None, Query(pattern="^(any|minor|control|recruitment)?$")] = None,
    indicator: Annotated[str | None, Query(max_length=100)] = None,
    city: Annotated[str | None, Query(max_length=200)] = None,
    department: Annotated[str | None, Query(max_length=3)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[str | None, Query(max_length=20)] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> PostFilter:
    values = dict(locals())
    return _parse_filter(values, None)


# Field -> (longest value, allowed values or None): what `post_filter` declares, for the
# posts page, which shows a bad value next to its field instead of an error page.
_FILTER_FIELDS = {
    "score_label": (20, ("", "minor", "control", "recruitment")),
    "min_score": (10, None),
    "flag": (20, ("", "any", "minor", "control", "recruitment")),
    "indicator": (100, None),
    "city": (200, None),
    "department": (3, None),
    "source": (200, None),
    "kind": (20, None),
    "since": (10, None),
    "until": (10, None),
    "q": (200, None),
}


def _parse_filter(values: dict, errors: dict | None) -> PostFilter:
    """The filter from query values; with `errors`, a bad value is noted there and ignored
    instead of answering 400."""

    def checked(parse, field: str):
        try:
            return parse(values.get(field), field)
        except HTTPException as error:
            if errors is None:
                raise
            errors[field] = str(error.detail)
            return None

    until_ts = checked(_day, "until")
    return PostFilter(
        score_label=values.get("score_label") or None,
        min_score=checked(lambda value, _field: _score(value), "min_score"),
        flag=values.get("flag") or None,
        indicator=values.get("indicator") or None,
        city=values.get("city") or None,
        department=values.get("department") or None,
        source=values.get("source") or None,
        kind=values.get("kind") or None,
        since_ts=checked(_day, "since"),
        until_ts=until_ts + 86400 if until_ts is not None else None,
        query=values.get("q") or None,
    )


async def lenient_post_filter(request: Request) -> tuple[PostFilter, dict[str, str]]:
    """The posts page's filter and the message for each bad value (shown inline)."""
    values, errors = {}, {}
    for field, (longest, choices) in _FILTER_FIELDS.items():
        value = request.query_params.get(field)
        if value is None:
            continue
        if len(value) > longest or (choices is not None and value not in choices):
            errors[field] = f"{field}: not a value this filter takes"
            continue
        values[field] = value
    return _parse_filter(values, errors), errors


def _score(value: str | None) -> float | None:
    if not value:
        return None
    try:
        score = float(value)
    except ValueError:
        raise HTTPException(400, "min_score must be a number between 0 and 1") from None
    if not 0 <= score <= 1:
        raise HTTPException(400, "min_score must be a number between 0 and 1")
    return score


def _after(value: str | None) -> tuple[float, int] | None:
    if not value:
        return None
    ts, _, pk = value.partition("_")
    try:
        return float(ts), int(pk)
    except ValueError:
        raise HTTPException(400, "bad page cursor") from None


def _menus(app) -> dict:
    def compute() -> dict:
        return {"sources": distinct_values(app.state.store, "source"), "kinds": list(POST_KINDS)}

    return app.state.cache.get_or_compute("menus", compute, seconds=300)


@router.get("/posts", response_class=HTMLResponse)
def posts_page(
    request: Request,
    checked: Annotated[tuple[PostFilter, dict], Depends(lenient_post_filter)],
    ctx: Annotated[PageContext, Depends(page("posts.list"))],
    after: Annotated[str | None, Query(max_length=60)] = None,
) -> HTMLResponse:
    spec, errors = checked
    at_risk_only = not allowed(ctx.actor, "post.view", {"flags": 0})
    if at_risk_only:
        spec = PostFilter(**{**_fields(spec), "at_risk_only": True})
    size = request.app.state.settings.page_size
    cursor_key = _after(after)

    def table() -> tuple[list[dict], str | None]:
        # Rows are cached ready to show (masked, formatted): a hit costs the template alone.
        rows = list_posts(request.app.state.store, spec, limit=size + 1, after=cursor_key)
        last = rows[size - 1] if len(rows) > size else None
        cursor = f"{last['posted_ts']!r}_{last['pk']}" if last else None
        return [table_row(row) for row in rows[:size]], cursor

    rows, cursor = request.app.state.cache.get_or_compute(("posts", spec, cursor_key, size), table)
    total = None
    if cursor_key is None and len(rows) < size:
        total = len(rows)  # a first page that is not full is the whole count, for free
    # Otherwise the page asks /posts/count after it is shown: counting a sparse filter walks
    # far more rows than a page does, and must not hold the page up.
    query = {k: v for k, v in request.query_params.items() if k != "after" and v}
    return render(
        ctx,
        "posts.html",
        status=400 if errors else 200,
        errors=errors,
        rows=rows,
        cursor=cursor,
        total=total,
        count_cap=COUNT_CAP,
        count_query=urlencode(query) if cursor_key is None and total is None else "",
        query=query,
        flag_labels=list(FLAG_BITS),
        at_risk_only=at_risk_only,
        indicator_choices=indicator_choices(),
        thresholds=thresholds(),
        **_menus(request.app),
    )


def _fields(spec: PostFilter) -> dict:
    return {name: getattr(spec, name) for name in PostFilter.__dataclass_fields__}


def masked_segments(post: dict, limit: int | None = None) -> list:
    """The post's text with evidence highlighted and every identifier occurrence masked."""
    indicators = orjson.loads(post["indicators"]) if post.get("indicators") else []
    raw = [item["raw"] for item in _identifiers(post) if item["raw"]]
    found = segments(post["text"], indicators, raw)  # mask first: a cut may split a number
    return cut_segments(found, limit) if limit else found


def _identifiers(post: dict) -> list[dict]:
    """The post's identifiers in a fixed order (phones, then handles): the reveal index."""
    phones = orjson.loads(post["phones"]) if post.get("phones") else []
    handles = orjson.loads(post["handles"]) if post.get("handles") else []
    found = [{"kind": "phone", "value": p["e164"], "raw": p.get("raw", "")} for p in phones]
    found += [{"kind": "handle", "value": h, "raw": h.partition(":")[2]} for h in handles]
    for index, item in enumerate(found):
        item["index"] = index
        item["masked"] = mask_identifier(item["kind"], item["value"])
    return found


def _load_post(request: Request, ctx: PageContext, source: str, post_id: str, action: str):
    post = get_post(request.app.state.store, source, post_id)
    if post is None:
        raise HTTPException(404, "no such post")
    if not allowed(ctx.actor, action, {"flags": post.get("flags") or 0}):
        raise HTTPException(403, "your role may not see this post")
    return post


@router.get("/posts/count")
def posts_count(
    request: Request,
    checked: Annotated[tuple[PostFilter, dict], Depends(lenient_post_filter)],
    ctx: Annotated[PageContext, Depends(page("posts.list"))],
) -> JSONResponse:
    """How many posts match the list's filter, up to COUNT_CAP (the list page asks it)."""
    spec, _errors = checked
    if not allowed(ctx.actor, "post.view", {"flags": 0}):
        spec = PostFilter(**{**_fields(spec), "at_risk_only": True})
    total = request.app.state.cache.get_or_compute(
        ("posts-count", spec), lambda: count_posts(request.app.state.store, spec, COUNT_CAP)
    )
    return JSONResponse({"total": min(total, COUNT_CAP), "more": total > COUNT_CAP})


@router.get("/post", response_class=HTMLResponse)
def post_page(
    request: Request,
    source: Annotated[str, Query(max_length=200)],
    id: Annotated[str, Query(max_length=500)],  # the contract's field name
    ctx: Annotated[PageContext, Depends(page("post.view"))],
    labelled: Annotated[str, Query(pattern="^(|minor|control|recruitment|none)$")] = "",
) -> HTMLResponse:
    post = _load_post(request, ctx, source, id, "post.view")
    store = request.app.state.store
    record_event(store, ctx.actor, "post.view", f"{source}/{id}", ctx.client)
    identifiers = _identifiers(post)
    indicators = orjson.loads(post["indicators"]) if post.get("indicators") else []
    raw = [item["raw"] for item in identifiers if item["raw"]]
    for indicator in indicators:  # evidence is post text: masked like the text
        indicator["evidence"] = mask_text(str(indicator.get("evidence") or ""), raw)
    limits = thresholds()
    scores = [
        (label, post.get(f"score_{label}"), bool((post.get("flags") or 0) & bit), limits.get(label))
        for label, bit in FLAG_BITS.items()
    ]
    return render(
        ctx,
        "post.html",
        post=post,
        text_segments=segments(post["text"], indicators, raw),
        title_segments=segments(post["title"] or "", indicators, raw),
        indicators=[explain_indicator(item) for item in indicators],
        identifiers=identifiers,
        scores=scores,
        scoring=scoring_view(post, indicators),
        labels=labels_of(store, post["pk"]) if allowed(ctx.actor, "review.label") else [],
        labelled=labelled,
    )


@router.post("/post/reveal")
async def reveal(request: Request, ctx: Annotated[PageContext, Depends(page("identifier.reveal"))]):
    form = await check_csrf(request, ctx.session)
    source, post_id = str(form.get("source", "")), str(form.get("id", ""))
    post = _load_post(request, ctx, source, post_id, "identifier.reveal")
    identifiers = _identifiers(post)
    try:
        item = identifiers[int(str(form.get("index", "")))]
    except (ValueError, IndexError):
        raise HTTPException(400, "no such identifier on this post") from None
    record_event(
        request.app.state.store,
        ctx.actor,
        "identifier.reveal",
        f"{source}/{post_id}",
        ctx.client,
        reveal_detail(request.app.state.settings, item["kind"], item["value"]),
    )
    return JSONResponse({"kind": item["kind"], "value": item["value"]})


@router.get("/posts/export.jsonl")
def export_posts(
    request: Request,
    spec: Annotated[PostFilter, Depends(post_filter)],
    ctx: Annotated[PageContext, Depends(page("export.posts"))],
    clear: Annotated[bool, Query()] = False,
):
    """The filtered posts as contract objects; identifiers pseudonymised unless asked in clear
    by a role that may see them."""
    if clear and not allowed(ctx.actor, "export.clear"):
        raise HTTPException(403, "your role may export pseudonymised identifiers only")
    store, settings = request.app.state.store, request.app.state.settings
    # a text search may name a number: the audit log (read by auditors) keeps it masked
    shown = {k: mask_text(v) if isinstance(v, str) else v for k, v in _fields(spec).items() if v}
    detail = {"clear": clear, "filter": shown}
    record_event(store, ctx.actor, "export.posts", "posts", ctx.client, detail)

    def lines():
        after, sent = None, 0
        while sent < EXPORT_LIMIT:
            page_rows = list_posts(store, spec, limit=1000, after=after)
            if not page_rows:
                return
            for row in export_rows(store, [r["pk"] for r in page_rows]):
                obj = export_object(row)
                if not clear:
                    obj = pseudonymise_export(obj, settings.pseudonym_key)
                yield orjson.dumps(obj) + b"\n"
            sent += len(page_rows)
            after = (page_rows[-1]["posted_ts"], page_rows[-1]["pk"])

    headers = {"Content-Disposition": 'attachment; filename="posts.jsonl"'}
    return StreamingResponse(lines(), media_type="application/x-ndjson", headers=headers)
