"""Settings read from the environment, declared once."""

from __future__ import annotations

import os
import re
from pathlib import Path

DEFAULT_DB = "./sentinelle.db"


def database_url(value: str | None = None) -> str:
    """The SQLAlchemy URL for SENTINELLE_DB: a URL as given, or a file path for SQLite."""
    raw = value if value is not None else os.environ.get("SENTINELLE_DB", DEFAULT_DB)
    raw = raw.strip()
    if "://" in raw:
        # psycopg 3 is the PostgreSQL driver we ship; plain postgresql:// would ask for psycopg2.
        return re.sub(r"^postgres(ql)?://", "postgresql+psycopg://", raw)
    return f"sqlite:///{Path(raw).expanduser().resolve()}"
