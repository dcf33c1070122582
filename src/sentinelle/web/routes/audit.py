"""The audit log, newest first, for admins and auditors; with the chain's current state."""

from __future__ import annotations

from typing import Annotated

import orjson
from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from sentinelle.audit import verify
from sentinelle.store.audit import recent_entries
from sentinelle.web.render import render
from sentinelle.web.security import PageContext, page

router = APIRouter(include_in_schema=False)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    ctx: Annotated[PageContext, Depends(page("audit.view"))],
    before: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    actor: Annotated[str | None, Query(max_length=100)] = None,
    action: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    store = ctx.request.app.state.store
    entries = recent_entries(
        store, limit=100, before=before, actor=actor or None, action=action or None
    )
    for entry in entries:
        entry["detail"] = orjson.loads(entry["detail"])
    chain = verify(store) if before is None and not actor and not action else None
    return render(
        ctx,
        "audit.html",
        entries=entries,
        chain=chain,
        filters={"actor": actor or "", "action": action or ""},
    )
