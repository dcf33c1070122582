"""The web workspace and JSON API (FastAPI). Build an app with `create_app(settings)`."""

from sentinelle.web.app import create_app
from sentinelle.web.settings import WebSettings, settings_from_env

__all__ = ["WebSettings", "create_app", "settings_from_env"]
