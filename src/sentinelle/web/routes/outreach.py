"""Outreach: the queue of persons at risk, a person's file (reveal on the decision to contact,
attempts, follow-ups, status, referrals) and reports to child protection.

Everything here is read and written for the worker's organisation only; the person rows are
shared (derived from posts), the files on them are not.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from sentinelle.audit import record_event
from sentinelle.outreach.message_templates import templates_for
from sentinelle.outreach.messages import fill
from sentinelle.outreach.persons import why_in_words
from sentinelle.outreach.report import CHANNELS, KINDS, OUTCOMES, STATUSES
from sentinelle.outreach.services import KIND_LABELS, service_line
from sentinelle.privacy import mask_identifier, reveal_detail
from sentinelle.store.organisations import Organisation, organisation_of
from sentinelle.store.outreach import (
    add_attempt,
    add_referral,
    attempts_of,
    get_file,
    get_service,
    open_file,
    org_files,
    referrals_of,
    services_for,
    update_file,
)
from sentinelle.store.outreach_persons import get_person, person_queue
from sentinelle.web.render import render
from sentinelle.web.security import PageContext, check_csrf, page

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 20
NOTE_LIMIT = 280
CLOSE_REASONS = (
    "out of danger",
    "taken in charge by another service",
    "of age, independent",
    "refuses help",
    "unreachable",
    "moved away",
    "other",
)


def organisation(ctx: PageContext) -> Organisation:
    return organisation_of(ctx.request.app.state.store, ctx.actor.account_pk)


def card(person: dict) -> dict:
    """What a queue card shows: only what contact needs, the contact masked."""
    contact = person.get("contact_value")
    return {
        **person,
        "masked": mask_identifier(person["contact_kind"], contact) if contact else "no contact",
        "why": why_in_words(person),
        "last_seen": datetime.fromtimestamp(person["last_ts"], UTC).strftime("%Y-%m-%d"),
    }


def _cursor(value: str | None) -> tuple[float, int] | None:
    if not value:
        return None
    urgency, _, pk = value.partition("_")
    try:
        return float(urgency), int(pk)
    except ValueError:
        raise HTTPException(400, "bad page cursor") from None


@router.get("/outreach", response_class=HTMLResponse)
def queue(
    ctx: Annotated[PageContext, Depends(page("outreach.queue"))],
    view: Annotated[str, Query(pattern="^(new|followed|due)$")] = "new",
    department: Annotated[str | None, Query(max_length=3)] = None,
    after: Annotated[str | None, Query(max_length=60)] = None,
) -> HTMLResponse:
    store, org = ctx.request.app.state.store, organisation(ctx)
    cursor = None
    if view == "new":
        rows = person_queue(
            store, org.pk, department=department or None, limit=PAGE_SIZE + 1, after=_cursor(after)
        )
        if len(rows) > PAGE_SIZE:
            last = rows[PAGE_SIZE - 1]
            cursor, rows = f"{last['urgency']!r}_{last['pk']}", rows[:PAGE_SIZE]
    else:
        due_by = date.today().isoformat() if view == "due" else None
        rows = org_files(store, org.pk, due_by=due_by)
    return render(
        ctx,
        "outreach.html",
        view=view,
        persons=[card(row) for row in rows],
        cursor=cursor,
        department=department or "",
        organisation=org,
        statuses=STATUSES,
        due_count=len(org_files(store, org.pk, due_by=date.today().isoformat())),
    )


def _person(ctx: PageContext, person_pk: int) -> dict:
    person = get_person(ctx.request.app.state.store, person_pk)
    if person is None:
        raise HTTPException(404, "no such person")
    return person


@router.get("/outreach/persons/{person_pk}", response_class=HTMLResponse)
def person_page(
    person_pk: int, ctx: Annotated[PageContext, Depends(page("outreach.queue"))]
) -> HTMLResponse:
    store, org = ctx.request.app.state.store, organisation(ctx)
    person = _person(ctx, person_pk)
    file = get_file(store, org.pk, person_pk)
    record_event(store, ctx.actor, "outreach.view", f"outreach/person/{person_pk}", ctx.client)
    services = services_for(store, org.pk, person.get("department"))
    local = next((s for s in services if s["kind"] != "crip"), None)
    messages = [
        {
            **template,
            "text": fill(
                template["body"],
                person.get("persona"),
                person.get("city"),
                service_line(local) if local else None,
            ),
        }
        for template in templates_for(store, org, ctx.actor.name)
    ]
    return render(
        ctx,
        "outreach_person.html",
        person=card(person),
        file=file,
        attempts=attempts_of(store, file["pk"]) if file else [],
        referrals=referrals_of(store, file["pk"]) if file else [],
        messages=messages,
        services=services,
        kind_labels=KIND_LABELS,
        channels=CHANNELS,
        outcomes=OUTCOMES,
        statuses=STATUSES,
        close_reasons=CLOSE_REASONS,
        report_kinds=KINDS,
        note_limit=NOTE_LIMIT,
        today=date.today().isoformat(),
        organisation=org,
    )


@router.post("/outreach/persons/{person_pk}/contact")
async def contact(
    person_pk: int,
    request: Request,
    ctx: Annotated[PageContext, Depends(page("outreach.contact"))],
):
    """The decision to contact: opens the organisation's file (so colleagues see it is taken)
    and reveals the contact, audited with the contact masked and pseudonymised."""
    await check_csrf(request, ctx.session)
    store, org = request.app.state.store, organisation(ctx)
    person = _person(ctx, person_pk)
    if not person.get("contact_value"):
        raise HTTPException(409, "this person's posts give no contact")
    file = open_file(store, org.pk, person_pk, ctx.actor.name, time.time())
    if file["status"] == "closed":  # back in the queue after posting again: a new start
        update_file(store, file["pk"], time.time(), status="new", close_reason=None)
        file = {**file, "status": "new"}
    settings = request.app.state.settings
    detail = {
        **reveal_detail(settings, person["contact_kind"], person["contact_value"]),
        "organisation": org.name,
        "file": file["pk"],
        "followed_by": file["owner"],
    }
    record_event(
        store, ctx.actor, "outreach.reveal", f"outreach/person/{person_pk}", ctx.client, detail
    )
    return JSONResponse(
        {"kind": person["contact_kind"], "value": person["contact_value"], "owner": file["owner"]}
    )


async def _file_form(request: Request, ctx: PageContext, person_pk: int):
    """The checked form and the organisation's file on the person (opened if need be)."""
    form = await check_csrf(request, ctx.session)
    store, org = request.app.state.store, organisation(ctx)
    _person(ctx, person_pk)
    file = get_file(store, org.pk, person_pk) or open_file(
        store, org.pk, person_pk, ctx.actor.name, time.time()
    )
    return form, store, org, file


def _back(person_pk: int, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/outreach/persons/{person_pk}{anchor}", status_code=303)


def _choice(form: dict, field: str, choices, default: str | None = None) -> str:
    value = str(form.get(field, default or ""))
    if value not in choices:
        raise HTTPException(400, f"{field} must be one of {', '.join(choices)}")
    return value


def _note(form: dict) -> str | None:
    note = str(form.get("note", "")).strip()
    if len(note) > NOTE_LIMIT:
        raise HTTPException(400, f"notes are kept short: {NOTE_LIMIT} characters at most")
    return note or None


def _day(value: str, field: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(400, f"{field} must be a date like 2024-03-13") from None


def _audit(ctx: PageContext, org: Organisation, action: str, file: dict, **detail) -> None:
    """Who acted on which file, for which organisation: never what was recorded (outcomes,
    statuses and notes are the organisation's, and every auditor reads the log)."""
    record_event(
        ctx.request.app.state.store,
        ctx.actor,
        action,
        f"outreach/file/{file['pk']}",
        ctx.client,
        {"organisation": org.name, **detail},
    )


def _file_action(name: str, anchor: str = ""):
    """Register `POST /outreach/persons/{pk}/NAME`: check the form, open the organisation's
    file if need be, apply `change(form, store, file, ctx)`, audit `outreach.NAME`, go back
    to the person's page."""

    def register(change: Callable[[dict, Any, dict, PageContext], None]):
        async def handler(
            person_pk: int,
            request: Request,
            ctx: Annotated[PageContext, Depends(page("outreach.contact"))],
        ):
            form, store, org, file = await _file_form(request, ctx, person_pk)
            change(form, store, file, ctx)
            _audit(ctx, org, f"outreach.{name}", file)
            return _back(person_pk, anchor)

        handler.__name__ = change.__name__
        router.post(f"/outreach/persons/{{person_pk}}/{name}")(handler)
        return change

    return register


@_file_action("attempt", "#history")
def log_attempt(form: dict, store, file: dict, ctx: PageContext) -> None:
    attempt = {
        "day": _day(str(form.get("day") or date.today().isoformat()), "day"),
        "channel": _choice(form, "channel", CHANNELS, "sms"),
        "template": str(form.get("template", ""))[:100] or None,
        "outcome": _choice(form, "outcome", OUTCOMES, "no_answer"),
        "note": _note(form),
        "author": ctx.actor.name,
    }
    add_attempt(store, file, attempt, time.time())
    if form.get("next_followup"):
        update_file(
            store, file["pk"], time.time(), next_followup=_day(form["next_followup"], "follow-up")
        )


@_file_action("followup")
def set_followup(form: dict, store, file: dict, ctx: PageContext) -> None:
    value = str(form.get("next_followup", "")).strip()
    day = _day(value, "follow-up") if value else None
    update_file(store, file["pk"], time.time(), next_followup=day)


@_file_action("status")
def set_status(form: dict, store, file: dict, ctx: PageContext) -> None:
    status = _choice(form, "status", STATUSES, file["status"])
    reason = None
    if status == "closed":
        reason = _choice(form, "close_reason", CLOSE_REASONS)
    values = {"status": status, "close_reason": reason}
    if status == "closed":
        values["next_followup"] = None
    update_file(store, file["pk"], time.time(), **values)


@_file_action("referral", "#history")
def refer(form: dict, store, file: dict, ctx: PageContext) -> None:
    org = organisation(ctx)
    try:
        service = get_service(store, org.pk, int(str(form.get("service", ""))))
    except ValueError:
        service = None
    if service is None:
        raise HTTPException(400, "choose a service of the directory")
    referral = {
        "service": service_line(service),
        "kind": service["kind"],
        "department": service["department"],
        "note": _note(form),
        "author": ctx.actor.name,
    }
    add_referral(store, file["pk"], referral, time.time())


@router.post("/outreach/persons/{person_pk}/report")
async def report(
    person_pk: int,
    request: Request,
    ctx: Annotated[PageContext, Depends(page("outreach.report"))],
):
    """An information préoccupante (or a signalement) from the file, as HTML or PDF: a
    disclosure, audited with what it included."""
    from sentinelle.outreach.report import report_context, report_html, report_pdf
    from sentinelle.store.outreach_persons import person_posts

    form, store, org, file = await _file_form(request, ctx, person_pk)
    kind = _choice(form, "kind", KINDS, "ip")
    output = _choice(form, "format", ("html", "pdf"), "html")
    clear = str(form.get("include_identifiers", "")) in ("1", "on", "true")
    person = _person(ctx, person_pk)
    local = services_for(store, org.pk, person.get("department"))
    crips = [service for service in local if service["kind"] == "crip"]
    context = report_context(
        kind,
        person,
        file,
        person_posts(store, person),
        attempts_of(store, file["pk"]),
        referrals_of(store, file["pk"]),
        organisation=org.name,
        author=ctx.actor.name,
        crip=crips[0] if crips else None,
        include_identifiers=clear,
        now=time.time(),
    )
    html = report_html(context)
    _audit(ctx, org, "outreach.disclose", file, report=kind, format=output, identifiers=clear)
    if output == "html":
        return HTMLResponse(html)
    name = f"{'information-preoccupante' if kind == 'ip' else 'signalement'}-{file['pk']}.pdf"
    return Response(
        await run_in_threadpool(report_pdf, html),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
