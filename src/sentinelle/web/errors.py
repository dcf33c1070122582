"""One place renders every error: JSON under /api, an HTML page elsewhere."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from sentinelle.web.security import LoginRequired, current_session

log = logging.getLogger("sentinelle.web")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def render_error(request: Request, status: int, message: str, headers=None) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    session = _session_of(request)
    if session is not None:  # inside the layout: menu, search and Sign out stay
        from sentinelle.web.render import render
        from sentinelle.web.security import PageContext

        response = render(
            PageContext(session, request), "error.html", status, code=status, message=message
        )
        if headers:
            response.headers.update(headers)
        return response
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"code": status, "message": message, "actor": None},
        status_code=status,
        headers=headers,
    )


def _session_of(request: Request):
    try:
        return current_session(request)
    except Exception:  # an error page must render even when the store cannot answer
        return None


def login_url(request: Request) -> str:
    """The login form, asked to come back to this page afterwards (GET pages only)."""
    if request.method != "GET" or request.url.path in ("/", "/login"):
        return "/login"
    wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/login?" + urlencode({"next": wanted})


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _exc: LoginRequired) -> Response:
        return RedirectResponse(login_url(request), status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return render_error(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for error in exc.errors()[:10]:
            where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
            problems.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
        status = 422 if _is_api(request) else 400
        return render_error(request, status, "bad input: " + "; ".join(problems))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return render_error(request, 500, "internal error: it has been logged")
