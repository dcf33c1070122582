"""The strategic note in the workspace: the page that opens it, the note as HTML and as a PDF
download, built from the stored cases with their identifiers masked unless revealed."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from sentinelle.audit import record_event
from sentinelle.auth.roles import allowed
from sentinelle.privacy import mask_identifier
from sentinelle.web.render import render
from sentinelle.web.security import PageContext, page

router = APIRouter(include_in_schema=False)
# The workspace's own copy of plotly (cached by the browser): inlined, it was 4.6 MB of every
# answer, which 20 clients asking for the note could not be sent fast enough.
PLOTLY = "/vendor/plotly/plotly.min.js"
ACTION = "overview.view"  # who reads the overview reads the note drawn from the same store
# The note has its charts' scripts inline (and plotly from this site): it gets its own policy,
# which still allows nothing from elsewhere.
NOTE_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)


def _masked(link):
    shown = tuple(
        mask_identifier("phone" if value.startswith("+") else "handle", value)
        for value in link.identifiers
    )
    return dataclasses.replace(link, identifiers=shown)


def build_workspace_note(store, reveal: bool):
    """The note over the stored cases, linked to the posts; None when no case is stored."""
    from sentinelle.cases.crosslink import link_cases
    from sentinelle.cases.note import build_note
    from sentinelle.store.cases import load_cases, sightings_of

    cases = list(load_cases(store))
    if not cases:
        return None
    wanted = {identifier for case in cases for identifier in case.identifiers}
    links = link_cases(cases, sightings_of(store, wanted))
    if not reveal:
        links = [_masked(link) for link in links]
    note = build_note(cases, None, links)
    if not reveal:
        note.figures["case_links"] = [link.as_dict() for link in links]
    return note


def _note(request: Request, ctx: PageContext, reveal: bool):
    if reveal and not allowed(ctx.actor, "identifier.reveal"):
        raise HTTPException(403, "your role may not reveal identifiers")
    store = request.app.state.store
    note = request.app.state.cache.get_or_compute(
        ("note", reveal), lambda: build_workspace_note(store, reveal), seconds=300
    )
    if note is None:
        raise HTTPException(
            404, "no case records stored: import them with `sentinelle cases import`"
        )
    detail = {"reveal": reveal}
    record_event(store, ctx.actor, "note.view", "note", ctx.client, detail)
    if reveal:
        record_event(store, ctx.actor, "identifier.reveal", "note", ctx.client, {"all": True})
    return note


@router.get("/note", response_class=HTMLResponse)
def note_page(ctx: Annotated[PageContext, Depends(page(ACTION))]) -> HTMLResponse:
    from sentinelle.store.cases import count_cases

    cases = count_cases(ctx.request.app.state.store)
    return render(ctx, "note.html", cases=cases)


@router.get("/note.html", response_class=HTMLResponse)
def note_html_view(
    request: Request,
    ctx: Annotated[PageContext, Depends(page(ACTION))],
    reveal: Annotated[bool, Query()] = False,
) -> HTMLResponse:
    from sentinelle.cases.note import note_html

    note = _note(request, ctx, reveal)
    body = request.app.state.cache.get_or_compute(  # its charts take 300 ms to write
        ("note-html", reveal, id(note)),
        lambda: note_html(
            note, source="the case database", marking=_marking(reveal), plotly_src=PLOTLY
        ),
        seconds=300,
    )
    return HTMLResponse(body, headers={"Content-Security-Policy": NOTE_CSP})


@router.get("/note.pdf")
def note_pdf(
    request: Request,
    ctx: Annotated[PageContext, Depends(page(ACTION))],
    reveal: Annotated[bool, Query()] = False,
) -> Response:
    from sentinelle.cases.note import write_pdf

    note = _note(request, ctx, reveal)
    with tempfile.TemporaryDirectory(prefix="sentinelle-note-") as folder:
        path = write_pdf(
            note, Path(folder) / "note.pdf", source="the case database", marking=_marking(reveal)
        )
        content = path.read_bytes()
    name = f"note-{note.figures['year']}.pdf"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(content, media_type="application/pdf", headers=headers)


def _marking(reveal: bool) -> str:
    return "Identifiers in clear: handle accordingly" if reveal else "Identifiers masked"
