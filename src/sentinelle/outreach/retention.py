"""Retention: an outreach file with no activity for the retention period is deleted, and a
tombstone with no identifying data stays in the audit chain."""

from __future__ import annotations

import time

from sentinelle.audit import record_event
from sentinelle.store.db import Store
from sentinelle.store.organisations import list_organisations
from sentinelle.store.outreach import delete_file, idle_files

DEFAULT_MONTHS = 12
_MONTH = 30.44 * 86400


def purge_idle(
    store: Store, months: float = DEFAULT_MONTHS, *, dry_run: bool = False, now: float | None = None
) -> list[dict]:
    """The files idle longer than `months` (each with its organisation's name and idle days);
    deleted, each with an `outreach.purge` tombstone, unless `dry_run`."""
    now = time.time() if now is None else now
    names = {org.pk: org.name for org in list_organisations(store)}
    files = idle_files(store, now - months * _MONTH)
    for file in files:
        file["organisation"] = names.get(file["org_pk"], "?")
        file["idle_days"] = int((now - file["updated_at"]) // 86400)
        if dry_run:
            continue
        delete_file(store, file["pk"])
        detail = {
            "organisation": file["organisation"],
            "status": file["status"],
            "idle_days": file["idle_days"],
            "retention_months": months,
        }
        record_event(store, None, "outreach.purge", f"outreach/file/{file['pk']}", "cli", detail)
    return files
