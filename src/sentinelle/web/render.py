"""Rendering pages: every template gets the actor, the CSRF token and the menu it may use."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from sentinelle.auth.roles import allowed
from sentinelle.web.security import PageContext

# (label, path, action) in menu order; an entry shows only when the role may do the action.
MENU = (
    ("Overview", "/overview", "overview.view"),
    ("Outreach", "/outreach", "outreach.queue"),
    ("Posts", "/posts", "posts.list"),
    ("Networks", "/networks", "network.view"),
    ("Review", "/review", "review.label"),
    ("Note", "/note", "overview.view"),
    ("Audit log", "/audit", "audit.view"),
    ("Accounts", "/accounts", "accounts.manage"),
    ("Outreach results", "/outreach/dashboard", "outreach.dashboard"),
    ("Templates", "/outreach/templates", "outreach.templates"),
    ("Outreach files", "/outreach/files", "outreach.review"),
)


def render(ctx: PageContext, template: str, status: int = 200, **values) -> HTMLResponse:
    actor = ctx.actor
    menu = [(label, path) for label, path, action in MENU if allowed(actor, action)]
    return ctx.request.app.state.templates.TemplateResponse(
        ctx.request,
        template,
        {
            "actor": actor,
            "csrf_token": ctx.session.csrf_token,
            "menu": menu,
            "path": ctx.request.url.path,
            "can": lambda action, resource=None: allowed(actor, action, resource),
            **values,
        },
        status_code=status,
    )


def home_for(request: Request, actor) -> str:
    """The first page a role may see: where `/` and a fresh login lead."""
    for _label, path, action in MENU:
        if allowed(actor, action):
            return path
    return "/login"
