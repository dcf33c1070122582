"""A network: its posts, people, identifiers and sources; the link graph; the itinerary."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from markupsafe import Markup

from sentinelle.audit import record_event
from sentinelle.auth.roles import allowed
from sentinelle.privacy import reveal_detail
from sentinelle.store.browse import current_network_id, network_posts
from sentinelle.store.cases import networks_known_to_cases
from sentinelle.store.network_summaries import (
    NetworkFilter,
    count_networks,
    list_networks,
    networks_changed_at,
    summary_sources,
)
from sentinelle.web.dates import when
from sentinelle.web.explain import thresholds
from sentinelle.web.network_view import counted_identifiers, identifier_links, page_view
from sentinelle.web.render import render
from sentinelle.web.security import PageContext, check_csrf, page

router = APIRouter(include_in_schema=False)
NetworkId = Annotated[str, Path(max_length=20)]


def _posts_or_404(request: Request, network_id: str) -> list[dict]:
    posts = network_posts(request.app.state.store, network_id)
    if not posts:
        raise HTTPException(404, "no such network")
    return posts


@router.get("/networks/{network_id}", response_class=HTMLResponse)
def network_page(
    request: Request,
    network_id: NetworkId,
    ctx: Annotated[PageContext, Depends(page("network.view"))],
) -> Response:
    store = request.app.state.store
    current = current_network_id(store, network_id)
    if current != network_id:  # merged into another network: its page is the one to see
        return RedirectResponse(f"/networks/{current}", status_code=303)
    shown = request.app.state.cache.get_or_compute(
        ("network-page", network_id, _changed_at(request.app)),
        lambda: _network_view(request, network_id),
        seconds=_kept_seconds(request.app),
    )
    record_event(store, ctx.actor, "network.view", network_id, ctx.client)
    return render(ctx, "network.html", **shown)


# Network pages and list pages are kept until analysis changes networks (checked every
# CHANGES_SECONDS), at most KEPT_SECONDS: read cold, the largest networks cost about 45 ms of CPU.
KEPT_SECONDS = 600
CHANGES_SECONDS = 2


def _changed_at(app) -> str | None:
    store = app.state.store
    return app.state.cache.get_or_compute(
        "networks-changed-at", lambda: networks_changed_at(store), seconds=CHANGES_SECONDS
    )


def _kept_seconds(app) -> float:
    return KEPT_SECONDS if app.state.settings.list_cache_seconds > 0 else 0


def _network_view(request: Request, network_id: str) -> dict:
    """What the network page shows, ready to render: the view `analyze` stored for a large
    network, else built now (cached like the posts list either way); scores beside today's
    thresholds."""
    view = page_view(request.app.state.store, network_id)
    if view is None:
        raise HTTPException(404, "no such network")
    limits = thresholds()
    return {
        **view,
        "posts_table": Markup(view["posts_table"]),  # HTML and JSON made safe when built
        "charts": {name: Markup(chart) for name, chart in view["charts"].items()},
        "scores": [
            (label, value, value is not None and value >= limits.get(label, 0.5), limits.get(label))
            for label, value in view["network"]["scores"].items()
        ],
    }


@router.post("/networks/{network_id}/reveal")
async def reveal_network_identifier(
    request: Request,
    network_id: NetworkId,
    ctx: Annotated[PageContext, Depends(page("network.view"))],
):
    form = await check_csrf(request, ctx.session)
    if not allowed(ctx.actor, "identifier.reveal"):
        raise HTTPException(403, "your role may not reveal identifiers")
    posts = _posts_or_404(request, network_id)
    counts = counted_identifiers(identifier_links(posts))
    try:
        (kind, value), _ = counts[int(str(form.get("index", "")))]
    except (ValueError, IndexError):
        raise HTTPException(400, "no such identifier in this network") from None
    record_event(
        request.app.state.store,
        ctx.actor,
        "identifier.reveal",
        network_id,
        ctx.client,
        reveal_detail(request.app.state.settings, kind, value),
    )
    return JSONResponse({"kind": kind, "value": value})


NETWORKS_PAGE = 50


def _known_networks(app) -> dict[str, list[str]]:
    """Networks a stored case shares an identifier with, and those cases (cases change without
    `analyze`, so this is read here, cached 5 minutes)."""
    store = app.state.store
    return app.state.cache.get_or_compute(
        "networks-known", lambda: networks_known_to_cases(store), seconds=300
    )


@router.get("/networks", response_class=HTMLResponse)
def networks_page(
    request: Request,
    ctx: Annotated[PageContext, Depends(page("network.view"))],
    label: Annotated[str, Query(pattern="^(|any|minor|control|recruitment)$")] = "",
    min_score: Annotated[str, Query(max_length=10)] = "",
    min_posts: Annotated[str, Query(max_length=10)] = "",
    city: Annotated[str, Query(max_length=200)] = "",
    source: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
    known: Annotated[str, Query(pattern="^(|1)$")] = "",
    sort: Annotated[str, Query(pattern="^(|risk|posts|last|first|cities)$")] = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    app = request.app
    store = app.state.store
    errors: dict[str, str] = {}
    until_ts = _date(until, "until", errors)
    spec = NetworkFilter(
        label=label,
        min_score=_number(min_score, "min_score", errors, 0, 1),
        min_posts=_number(min_posts, "min_posts", errors, 1, 10**9),
        city=city.strip().lower(),
        source=source.strip(),
        since_ts=_date(since, "since", errors),
        until_ts=None if until_ts is None else until_ts + 86400,  # the whole day
        known=sorted(_known_networks(app)) if known else None,
    )
    start = (page_number - 1) * NETWORKS_PAGE
    key = ("networks-list", spec.label, spec.min_score, spec.min_posts, spec.city, spec.source)
    key += (spec.since_ts, spec.until_ts, bool(known), sort or "risk", start, _changed_at(app))

    def listed() -> tuple[list[dict], int]:
        found, count = list_networks(store, spec, sort or "risk", start, NETWORKS_PAGE)
        return [_list_row(row, limits) for row in found], count

    limits = thresholds()
    rows, total = app.state.cache.get_or_compute(
        key,
        listed,
        seconds=None if known else _kept_seconds(app),  # cases change unanalysed
    )
    known_to = _known_networks(app)
    rows = [{**row, "cases": known_to.get(row["network_id"], [])} for row in rows]
    query = {k: v for k, v in request.query_params.items() if k != "page" and v}
    cache = app.state.cache
    return render(
        ctx,
        "networks.html",
        status=400 if errors else 200,
        rows=rows,
        total=total,
        everything=cache.get_or_compute(
            ("networks-count", _changed_at(app)),
            lambda: count_networks(store),
            seconds=_kept_seconds(app),
        ),
        start=start,
        page_number=page_number,
        has_next=start + NETWORKS_PAGE < total,
        query=query,
        errors=errors,
        sources=cache.get_or_compute(
            "network-sources", lambda: summary_sources(store), seconds=300
        ),
    )


def _list_row(row: dict, limits: dict) -> dict:
    """A row of the network list, formatted once with the cached page (in the template, the
    50 rows' scores and dates cost most of a warm request)."""
    scores = []
    for label in ("minor", "control", "recruitment"):
        value, limit = row[label], limits.get(label)
        if value is None:
            continue
        title = f"{label} {value:.4f}"
        if limit is not None:
            title += f", flagged at ≥ {limit:.2f}"
        flagged = limit is not None and value >= limit
        scores.append((f"{label[0].upper()} {value:.2f}", title, flagged))
    return {
        **row,
        "scores": scores,
        "first": when(row["first_ts"], with_time=False),
        "last": when(row["last_ts"], with_time=False),
    }


def _number(value: str, field: str, errors: dict, low: float, high: float) -> float | None:
    if not value.strip():
        return None
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        errors[field] = f"a number from {low:g} to {high:g}"
        return None
    return number


def _date(value: str, field: str, errors: dict) -> float | None:
    if not value.strip():
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC).timestamp()
    except ValueError:
        errors[field] = "a date like 2024-03-13"
        return None
