"""Finding everything by identifier: one box that takes a phone in any written form, a handle
or a bare name, and lands on every post and network that carries it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from sentinelle.audit import record_event
from sentinelle.auth.roles import allowed
from sentinelle.privacy import mask_identifier, reveal_detail
from sentinelle.privacy.recognise import mask_text
from sentinelle.store.search import identifier_values_present, posts_carrying
from sentinelle.web.identifier_query import identifier_values
from sentinelle.web.pseudonym_search import is_pseudonym
from sentinelle.web.render import render
from sentinelle.web.routes.posts import _menus
from sentinelle.web.rows import table_row
from sentinelle.web.security import PageContext, page

router = APIRouter(include_in_schema=False)
SHOWN = 500


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    ctx: Annotated[PageContext, Depends(page("identifier.reveal"))],
    q: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    store = request.app.state.store
    query = q.strip()
    if query and is_pseudonym(query):  # a pseudonym from an export, keyed by this server
        found_value = request.app.state.pseudonyms.find(query)
        asked = [found_value] if found_value else [("pseudonym", query)]
    else:
        asked = identifier_values(query, _menus(request.app)["sources"]) if query else []
    at_risk_only = not allowed(ctx.actor, "post.view", {"flags": 0})
    rows, total = posts_carrying(
        store, [value for _, value in asked], limit=SHOWN, at_risk_only=at_risk_only
    )
    # Values the rows carry are present; only the others are looked up (to tell "no such
    # identifier" from "no post you may see"): a query fewer for the usual search
    present = {value for row in rows for value in row["matched"]}
    unseen = [value for _, value in asked if value not in present]
    present.update(identifier_values_present(store, unseen))
    found = [(kind, value) for kind, value in asked if value in present]
    for kind, value in found:  # a lookup by identifier reads as much as a reveal does
        detail = {**reveal_detail(request.app.state.settings, kind, value), "posts": total}
        record_event(store, ctx.actor, "identifier.search", "search", ctx.client, detail)
    networks: dict[str, int] = {}
    for row in rows:
        if row.get("network_id"):
            networks[row["network_id"]] = networks.get(row["network_id"], 0) + 1
    return render(
        ctx,
        "search.html",
        q=query,
        q_masked=mask_text(query),  # the box is not refilled: a number typed stays off screen
        identifiers=[
            {"kind": kind, "masked": mask_identifier(kind, value)} for kind, value in found
        ],
        recognised=bool(asked),
        rows=[table_row(row) for row in rows],
        total=total,
        shown=len(rows),
        networks=sorted(networks.items(), key=lambda item: (-item[1], item[0])),
    )
