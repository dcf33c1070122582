"""Outreach around the files: message templates (the association's admin edits them), the
local services directory, and the dashboard (counts only, nothing identifying)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from sentinelle.errors import SentinelleError
from sentinelle.outreach.dashboard import MEASURES, bar_figure, outreach_figures
from sentinelle.outreach.message_templates import edit_template, templates_for
from sentinelle.outreach.messages import NATIONAL_NUMBERS, PLACEHOLDERS, PURPOSES
from sentinelle.outreach.services import KIND_LABELS
from sentinelle.store.organisations import organisation_of
from sentinelle.store.outreach import dashboard_rows, files_overview, services_for
from sentinelle.store.outreach_persons import persons_found
from sentinelle.web.charts import chart_json
from sentinelle.web.render import render
from sentinelle.web.security import PageContext, check_csrf, page

router = APIRouter(include_in_schema=False)
DASHBOARD_SECONDS = 300


def _templates_page(ctx: PageContext, error: str = "", form: dict | None = None, status=200):
    store = ctx.request.app.state.store
    org = organisation_of(store, ctx.actor.account_pk)
    return render(
        ctx,
        "outreach_templates.html",
        status=status,
        templates=templates_for(store, org, ctx.actor.name),
        organisation=org,
        purposes=PURPOSES,
        placeholders=PLACEHOLDERS,
        numbers=NATIONAL_NUMBERS,
        error=error,
        form=form or {},
    )


@router.get("/outreach/templates", response_class=HTMLResponse)
def templates_page(ctx: Annotated[PageContext, Depends(page("outreach.templates"))]):
    return _templates_page(ctx)


@router.post("/outreach/templates")
async def save_template(
    request: Request, ctx: Annotated[PageContext, Depends(page("outreach.templates"))]
):
    form = await check_csrf(request, ctx.session)
    store = request.app.state.store
    org = organisation_of(store, ctx.actor.account_pk)
    name, purpose = str(form.get("name", "")), str(form.get("purpose", "first"))
    try:
        edit_template(store, org, name, purpose, str(form.get("body", "")), ctx.actor.name)
    except SentinelleError as error:
        return _templates_page(ctx, str(error), form, status=400)
    from sentinelle.audit import record_event

    detail = {"organisation": org.name, "name": name[:100]}
    record_event(store, ctx.actor, "outreach.template", "outreach/templates", ctx.client, detail)
    return RedirectResponse("/outreach/templates", status_code=303)


@router.get("/outreach/services", response_class=HTMLResponse)
def services_page(
    ctx: Annotated[PageContext, Depends(page("outreach.queue"))],
    department: Annotated[str | None, Query(max_length=3)] = None,
):
    store = ctx.request.app.state.store
    org = organisation_of(store, ctx.actor.account_pk)
    return render(
        ctx,
        "outreach_services.html",
        services=services_for(store, org.pk, department or None),
        department=department or "",
        kind_labels=KIND_LABELS,
        organisation=org,
    )


@router.get("/outreach/dashboard", response_class=HTMLResponse)
def dashboard(ctx: Annotated[PageContext, Depends(page("outreach.dashboard"))]):
    app = ctx.request.app
    store = app.state.store
    org = organisation_of(store, ctx.actor.account_pk)
    persons = app.state.cache.get_or_compute(
        "outreach_persons_found", lambda: persons_found(store), seconds=DASHBOARD_SECONDS
    )
    figures = outreach_figures(persons, dashboard_rows(store, org.pk))
    return render(
        ctx,
        "outreach_dashboard.html",
        figures=figures,
        measures=MEASURES,
        organisation=org,
        charts={
            "month": chart_json(bar_figure(figures["by_month"])),
            "department": chart_json(bar_figure(figures["by_department"])),
        },
    )


@router.get("/outreach/files", response_class=HTMLResponse)
def files_page(ctx: Annotated[PageContext, Depends(page("outreach.review"))]):
    """For the organisation's auditors: its files, without contacts or notes; audited."""
    from sentinelle.audit import record_event
    from sentinelle.outreach.report import STATUSES

    store = ctx.request.app.state.store
    org = organisation_of(store, ctx.actor.account_pk)
    detail = {"organisation": org.name}
    record_event(store, ctx.actor, "outreach.review", "outreach/files", ctx.client, detail)
    return render(
        ctx,
        "outreach_files.html",
        files=files_overview(store, org.pk),
        organisation=org,
        statuses=STATUSES,
        view="files",
    )
