"""Accounts (admin): who has access, with which role; adding, disabling, enabling, changing
role, resetting a password, deleting; API tokens listed and revoked. Every change is audited."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse

from sentinelle.audit import record_event
from sentinelle.auth import admin
from sentinelle.auth.accounts import create_account
from sentinelle.auth.roles import ROLES
from sentinelle.errors import SentinelleError
from sentinelle.store.accounts import list_accounts
from sentinelle.web.render import render
from sentinelle.web.security import PageContext, check_csrf, page

router = APIRouter(include_in_schema=False)
ACTIONS = ("disable", "enable", "role", "reset", "delete")


def _page(
    ctx: PageContext, message: str = "", status: int = 200, ok: bool = False, secret: str = ""
) -> HTMLResponse:
    store = ctx.request.app.state.store
    accounts = [
        {"name": a.name, "role": a.role, "disabled": admin.is_disabled(a),
         "locked": 0 < a.locked_until < admin.DISABLED_UNTIL and a.locked_until > time.time()}
        for a in list_accounts(store)
    ]  # fmt: skip
    return render(
        ctx,
        "accounts.html",
        status,
        accounts=accounts,
        tokens=admin.tokens(store),
        roles=ROLES,
        message=message,
        ok=ok,
        secret=secret,
    )


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
    if not role:
        return _page(ctx, "choose a role for the new account", status=400)
    try:
        create_account(store, name, role, str(form.get("password", "")), time.time())
    except SentinelleError as error:
        return _page(ctx, str(error), status=400)
    record_event(store, ctx.actor, "account.create", name, ctx.client, {"role": role})
    return _page(ctx, f"account {name} ({role}) created", ok=True)


@router.post("/accounts/tokens/revoke", response_class=HTMLResponse)
async def revoke_token(
    request: Request, ctx: Annotated[PageContext, Depends(page("accounts.manage"))]
):
    form = await check_csrf(request, ctx.session)
    store = request.app.state.store
    try:
        token = admin.revoke_token(store, str(form.get("token", "")))
    except SentinelleError as error:
        return _page(ctx, str(error), status=400)
    detail = {"token": token.token_id}
    record_event(store, ctx.actor, "token.revoke", token.account, ctx.client, detail)
    return _page(ctx, f"token {token.token_id} of {token.account} revoked", ok=True)


@router.post("/accounts/{name}/{action}", response_class=HTMLResponse)
async def change_account(
    request: Request,
    name: Annotated[str, Path(max_length=100)],
    action: Annotated[str, Path(pattern="^(disable|enable|role|reset|delete)$")],
    ctx: Annotated[PageContext, Depends(page("accounts.manage"))],
):
    form = await check_csrf(request, ctx.session)
    store = request.app.state.store
    if name == ctx.actor.name and action in ("disable", "role", "delete"):
        return _page(ctx, "you cannot disable, demote or delete your own account", status=400)
    secret, detail = "", {}
    try:
        if action == "disable":
            admin.disable(store, name)
            message = f"account {name} disabled: its sessions ended, its API tokens refused"
        elif action == "enable":
            admin.enable(store, name)
            message = f"account {name} enabled"
        elif action == "role":
            role = str(form.get("role", ""))
            before = admin.change_role(store, name, role)
            detail = {"from": before.role, "to": role}
            message = f"account {name} is now {role} (was {before.role}); its sessions ended"
        elif action == "reset":
            secret = admin.reset_password(store, name)
            message = (
                f"new password for {name}, shown this once: hand it over, then close this page"
            )
        else:
            admin.remove(store, name)
            message = f"account {name} deleted with its sessions and API tokens"
    except SentinelleError as error:
        return _page(ctx, str(error), status=400)
    record_event(store, ctx.actor, f"account.{action}", name, ctx.client, detail or None)
    return _page(ctx, message, ok=True, secret=secret)
