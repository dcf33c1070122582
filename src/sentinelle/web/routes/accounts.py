"""Accounts (admin): who has access, with which role; creating an account."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from sentinelle.audit import record_event
from sentinelle.auth.accounts import create_account
from sentinelle.auth.roles import ROLES
from sentinelle.errors import SentinelleError
from sentinelle.store.accounts import list_accounts
from sentinelle.web.render import render
from sentinelle.web.security import PageContext, check_csrf, page

router = APIRouter(include_in_schema=False)


def _page(ctx: PageContext, message: str = "", status: int = 200) -> HTMLResponse:
    accounts = list_accounts(ctx.request.app.state.store)
    return render(ctx, "accounts.html", status, accounts=accounts, roles=ROLES, message=message)


@router.get("/accounts", response_class=HTMLResponse)
def accounts_page(ctx: Annotated[PageContext, Depends(page("accounts.manage"))]) -> HTMLResponse:
    return _page(ctx)


@router.post("/accounts", response_class=HTMLResponse)
async def add_account(
    request: Request, ctx: Annotated[PageContext, Depends(page("accounts.manage"))]
):
    form = await check_csrf(request, ctx.session)
    name, role = str(form.get("name", "")).strip(), str(form.get("role", ""))
    store = request.app.state.store
    try:
        create_account(store, name, role, str(form.get("password", "")), time.time())
    except SentinelleError as error:
        return _page(ctx, str(error), status=400)
    record_event(store, ctx.actor, "account.create", name, ctx.client, {"role": role})
    return _page(ctx, f"account {name} ({role}) created")
