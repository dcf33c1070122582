"""The web workspace and JSON API (FastAPI). Build an app with `create_app(settings)`.

The app and its settings are imported on first use: `analyze` renders stored network pages
with this package's templates and need not load FastAPI for that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sentinelle.web.app import create_app
    from sentinelle.web.settings import WebSettings, settings_from_env

__all__ = ["WebSettings", "create_app", "settings_from_env"]


def __getattr__(name: str):
    if name == "create_app":
        from sentinelle.web.app import create_app

        return create_app
    if name in ("WebSettings", "settings_from_env"):
        from sentinelle.web import settings

        return getattr(settings, name)
    raise AttributeError(f"module 'sentinelle.web' has no attribute {name!r}")
