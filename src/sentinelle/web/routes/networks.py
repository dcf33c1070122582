"""A network: its posts, people, identifiers and sources; the link graph; the itinerary."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from sentinelle.audit import record_event
from sentinelle.auth.roles import allowed
from sentinelle.privacy import mask_handle, mask_identifier, reveal_detail
from sentinelle.store.browse import current_network_id, network_posts
from sentinelle.web.charts import france_map, itinerary_timeline, network_graph
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
    posts = _posts_or_404(request, network_id)
    record_event(store, ctx.actor, "network.view", network_id, ctx.client)
    network = network_object(store, network_id)
    for post in posts:
        post["label"] = masked_label(post, 80)
    links = identifier_links(posts)
    return render(
        ctx,
        "network.html",
        network=network,
        posts=posts,
        identifiers=_identifier_table(links),
        people=sorted({mask_handle(p["author"]) for p in posts if p.get("author")}),
        charts={
            "graph": network_graph(posts, links),
            "timeline": itinerary_timeline(network["itinerary"]),
            "map": france_map(network["itinerary"]),
        },
    )


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
