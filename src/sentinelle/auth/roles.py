"""Roles and the ONE permission check every page and API endpoint goes through.

Least privilege: `admin` runs accounts and settings, `analyst` does the analysis, `outreach`
sees only posts flagged as at risk (with their contact channel), `auditor` reads the audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ROLES = ("admin", "analyst", "outreach", "auditor")

# Every signed-in account may enter the workspace (its home page) and sign out.
_SIGNED_IN = frozenset({"workspace.enter"})

# Outreach records belong to the worker's organisation (see `store/outreach.py`): no other role
# reads them, and the API has no route to them.
_OUTREACH_WORK = frozenset(
    {"outreach.queue", "outreach.contact", "outreach.report", "outreach.dashboard"}
)
_OUTREACH_ADMIN = frozenset({"outreach.templates", "outreach.dashboard"})
# Auditors review their own organisation's files (`outreach.review`): who, when, status.

# Actions each role grants; checked by `allowed`, never by comparing role names elsewhere.
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": _SIGNED_IN | {"accounts.manage", "audit.view"} | _OUTREACH_ADMIN,
    "analyst": _SIGNED_IN
    | {
        "overview.view",
        "posts.list",
        "post.view",
        "network.view",
        "identifier.reveal",
        "review.label",
        "export.posts",
        "export.clear",
        "api.ingest",
        "api.read",
        "api.score",
    },
    # Outreach acts on at-risk posts only: see `_AT_RISK_ONLY`.
    "outreach": _SIGNED_IN | {"posts.list", "post.view", "identifier.reveal"} | _OUTREACH_WORK,
    "auditor": _SIGNED_IN | {"audit.view", "outreach.review"},
}

# For these roles, actions on a post need the post to be flagged (a resource with `flags` > 0).
_AT_RISK_ONLY = frozenset({"outreach"})
_POST_ACTIONS = frozenset({"post.view", "identifier.reveal"})


@dataclass(frozen=True, slots=True)
class Actor:
    """Someone acting: a logged-in account, or an API token's account."""

    name: str
    role: str
    account_pk: int = 0


def allowed(actor: Actor | None, action: str, resource: Mapping | None = None) -> bool:
    """May `actor` do `action` (on `resource`, when the decision depends on it)?

    A post resource is a mapping with `flags` (bitmask; 0 = not at risk) and, for identifiers,
    `kind` (phone or handle). Without a resource the answer is whether the role may do the
    action on some resource, which lets pages decide what to offer.
    """
    if actor is None or action not in PERMISSIONS.get(actor.role, ()):
        return False
    if actor.role in _AT_RISK_ONLY and action in _POST_ACTIONS and resource is not None:
        return bool(resource.get("flags"))
    return True
