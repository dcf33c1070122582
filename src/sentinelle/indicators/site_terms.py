"""Terms an analyst accepted into the catalogue on this site (`sentinelle terms accept`).

Kept in the site's models directory (`terms.yaml` beside `active/`, see `score.registry`),
never by editing the shipped YAML: an upgrade keeps them, and each one says who accepted it,
when and why. They join their indicator's terms at the next process start (the next `analyze`).
"""

from __future__ import annotations

from pathlib import Path

import yaml

FILE = "terms.yaml"


def site_terms_path(home: Path | None = None) -> Path:
    from sentinelle.score.registry import models_home

    return (home or models_home()) / FILE


def load_site_terms(home: Path | None = None) -> list[dict]:
    """Accepted terms: {code, term, accepted_by, accepted_at, note}, oldest first."""
    path = site_terms_path(home)
    if not path.exists():
        return []
    loaded = yaml.safe_load(path.read_text("utf-8")) or {}
    return list(loaded.get("terms", []))


def add_site_term(entry: dict, home: Path | None = None) -> Path:
    """Append one accepted term (written whole to a temporary file, then renamed)."""
    path = site_terms_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    terms = [*load_site_terms(home), entry]
    staged = path.with_suffix(".tmp")
    staged.write_text(
        "# Terms accepted on this site (sentinelle terms accept); read at the next analyze.\n"
        + yaml.safe_dump({"terms": terms}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    staged.replace(path)
    return path
