"""A network: its posts, people, identifiers and sources; the link graph; the itinerary."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from sentinelle.audit import record_event
from sentinelle.auth.roles import allowed
from sentinelle.privacy import mask_handle, mask_identifier, reveal_detail
from sentinelle.store.browse import current_network_id, network_posts
from sentinelle.store.cases import networks_known_to_cases
from sentinelle.store.search import network_link_evidence, network_summaries
from sentinelle.web.charts import france_map, network_graph
from sentinelle.web.explain import thresholds
from sentinelle.web.network_story import link_reasons, story
from sentinelle.web.network_view import identifier_links, network_object
from sentinelle.web.render import render
from sentinelle.web.rows import masked_label
from sentinelle.web.security import PageContext, check_csrf, page

router = APIRouter(include_in_schema=False)
NetworkId = Annotated[str, Path(max_length=20)]


def _posts_or_404(request: Request, network_id: str) -> list[dict]:
    posts = network_posts(request.app.state.store, network_id)
    if not posts:
        raise HTTPException(404, "no such network")
    return posts


def _identifier_table(links: list[dict]) -> list[dict]:
    counts = Counter((link["kind"], link["value"]) for link in links)
    return [
        {"index": i, "kind": kind, "masked": mask_identifier(kind, value), "posts": n}
        for i, ((kind, value), n) in enumerate(sorted(counts.items()))
    ]


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
        ("network-page", network_id), lambda: _network_view(request, network_id)
    )
    record_event(store, ctx.actor, "network.view", network_id, ctx.client)
    return render(ctx, "network.html", **shown)


def _network_view(request: Request, network_id: str) -> dict:
    """What the network page shows, ready to render: cached like the posts list (the largest
    networks, the ones most opened, cost 60-80 ms of CPU to read, profile and mask)."""
    store = request.app.state.store
    posts = _posts_or_404(request, network_id)
    network = network_object(store, network_id)
    for post in posts:
        post["label"] = masked_label(post, 80)
    links = identifier_links(posts)
    reasons = link_reasons(network_link_evidence(store, network_id))
    limits = thresholds()
    return {
        "network": network,
        "summary": story(network, reasons),
        "reasons": reasons,
        "posts": posts,
        "identifiers": _identifier_table(links),
        "accounts": sorted({mask_handle(p["author"]) for p in posts if p.get("author")}),
        "scores": [
            (label, value, value is not None and value >= limits.get(label, 0.5), limits.get(label))
            for label, value in network["scores"].items()
        ],
        "stays": _stays(network["itinerary"]),
        "charts": {
            "graph": network_graph(posts, links),
            "map": france_map(network["itinerary"]),
        },
    }


def _stays(itinerary: list[dict]) -> list[dict]:
    """The itinerary as rows of a readable timeline: each stay's share of the whole period."""
    if not itinerary:
        return []
    start = datetime.fromisoformat(itinerary[0]["arrived"]).timestamp()
    end = datetime.fromisoformat(itinerary[-1]["left"]).timestamp()
    span = max(end - start, 1.0)
    rows = []
    for number, stay in enumerate(itinerary, start=1):
        arrived = datetime.fromisoformat(stay["arrived"]).timestamp()
        left = datetime.fromisoformat(stay["left"]).timestamp()
        rows.append(
            {
                **stay,
                "number": number,
                "offset": round(100 * (arrived - start) / span, 2),
                "width": max(round(100 * (left - arrived) / span, 2), 0.8),
            }
        )
    return rows


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
    counts = sorted(Counter((k["kind"], k["value"]) for k in identifier_links(posts)))
    try:
        kind, value = counts[int(str(form.get("index", "")))]
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


NETWORK_SORTS = {
    "risk": lambda n: (n["risk"], n["posts"]),
    "posts": lambda n: (n["posts"], n["risk"]),
    "last": lambda n: (n["last_ts"] or 0, n["posts"]),
    "first": lambda n: (-(n["first_ts"] or 0), n["posts"]),
    "cities": lambda n: (len(n["cities"]), n["posts"]),
}
NETWORKS_PAGE = 50


def _all_networks(app) -> list[dict]:
    """Every network's summary with whether a case knows it; one scan, cached 5 minutes."""

    def compute() -> list[dict]:
        store = app.state.store
        known = networks_known_to_cases(store)
        summaries = network_summaries(store)
        for summary in summaries:
            summary["cases"] = known.get(summary["network_id"], [])
            scores = [summary[label] or 0.0 for label in ("minor", "control", "recruitment")]
            summary["risk"] = max(scores)
        return summaries

    return app.state.cache.get_or_compute("network-summaries", compute, seconds=300)


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
    errors: dict[str, str] = {}
    score = _number(min_score, "min_score", errors, 0, 1)
    size = _number(min_posts, "min_posts", errors, 1, 10**9)
    since_ts = _date(since, "since", errors)
    until_ts = _date(until, "until", errors)
    everything = _all_networks(request.app)
    wanted = (label, score, size, city.strip().lower(), source.strip(), since_ts, until_ts)
    key = ("networks-list", *wanted, bool(known), sort or "risk")
    chosen = request.app.state.cache.get_or_compute(
        key, lambda: _choose(everything, *wanted, bool(known), sort or "risk")
    )
    start = (page_number - 1) * NETWORKS_PAGE
    query = {k: v for k, v in request.query_params.items() if k != "page" and v}
    sources = request.app.state.cache.get_or_compute(
        "network-sources",
        lambda: sorted({s for summary in everything for s in summary["sources"]}),
        seconds=300,
    )
    return render(
        ctx,
        "networks.html",
        status=400 if errors else 200,
        rows=chosen[start : start + NETWORKS_PAGE],
        total=len(chosen),
        everything=len(everything),
        start=start,
        page_number=page_number,
        has_next=start + NETWORKS_PAGE < len(chosen),
        query=query,
        errors=errors,
        sources=sources,
        thresholds=thresholds(),
    )


def _choose(
    everything: list[dict],
    label: str,
    score: float | None,
    size: float | None,
    wanted_city: str,
    wanted_source: str,
    since_ts: float | None,
    until_ts: float | None,
    known: bool,
    sort: str,
) -> list[dict]:
    """The networks a filter keeps, sorted (cached per filter by the caller)."""
    chosen = []
    for summary in everything:
        if score is not None:
            labels = ("minor", "control", "recruitment") if label in ("", "any") else (label,)
            if max(summary[name] or 0.0 for name in labels) < score:
                continue
        if size is not None and summary["posts"] < size:
            continue
        if wanted_city and not any(wanted_city in c.lower() for c in summary["cities"]):
            continue
        if wanted_source and wanted_source not in summary["sources"]:
            continue
        if since_ts is not None and (summary["last_ts"] or 0) < since_ts:
            continue
        if until_ts is not None and (summary["first_ts"] or 0) >= until_ts + 86400:
            continue
        if known and not summary["cases"]:
            continue
        chosen.append(summary)
    chosen.sort(key=NETWORK_SORTS[sort], reverse=True)
    return chosen


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
