"""What a database failure means for the person at the keyboard: disk full, read-only store,
lost server. One line saying what happened and what to do; every batch is one transaction, so
an interrupted run leaves nothing half-written and a rerun picks up where it stopped."""

from __future__ import annotations

import errno

from sentinelle.errors import StoreError

_RERUN = "completed batches are kept and a rerun skips them"


def explain(error: BaseException) -> StoreError | None:
    """A `StoreError` for a failure the user can act on, or None for a real bug."""
    text = str(getattr(error, "orig", None) or error).strip()
    first = text.splitlines()[0] if text else type(error).__name__
    lower = text.lower()
    code = getattr(error, "errno", None)
    if code == errno.ENOSPC or "disk is full" in lower or "no space left" in lower:
        return StoreError(
            f"the disk holding the store is full ({first}): free some space, then run the "
            f"command again ({_RERUN})"
        )
    if code in (errno.EROFS, errno.EACCES) or "readonly database" in lower or "read-only" in lower:
        return StoreError(
            f"the store cannot be written ({first}): check the file's and the folder's "
            f"permissions or the mount, or point --db at a writable store"
        )
    server_gone = (
        "server closed the connection",
        "terminating connection",
        "connection refused",
        "connection is closed",
        "connection timeout",
        "could not connect",
        "consuming input failed",
        "the connection is lost",
        "ssl syscall error",
    )
    if any(phrase in lower for phrase in server_gone):
        return StoreError(
            f"lost the connection to the database server ({first}): check that PostgreSQL is "
            f"running and reachable, then run the command again ({_RERUN})"
        )
    return None
