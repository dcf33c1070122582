"""An organisation's message templates in the store: the defaults on first use, edits checked."""

from __future__ import annotations

import time

from sentinelle.errors import SentinelleError
from sentinelle.outreach.messages import DEFAULT_TEMPLATES, PURPOSES, check_template
from sentinelle.store.db import Store
from sentinelle.store.organisations import Organisation
from sentinelle.store.outreach import list_templates, save_template


def templates_for(store: Store, organisation: Organisation, author: str = "-") -> list[dict]:
    """The organisation's templates; an organisation with none starts from the defaults."""
    found = list_templates(store, organisation.pk)
    if found:
        return found
    for name, purpose, body in DEFAULT_TEMPLATES:
        save_template(store, organisation.pk, name, purpose, body, author, time.time())
    return list_templates(store, organisation.pk)


def edit_template(
    store: Store, organisation: Organisation, name: str, purpose: str, body: str, author: str
) -> None:
    """Create or replace a template once it passes `check_template`."""
    name = name.strip()
    if not name or len(name) > 100:
        raise SentinelleError("a template needs a name of 1 to 100 characters")
    if purpose not in PURPOSES:
        raise SentinelleError(f"purpose must be one of {', '.join(PURPOSES)}")
    save_template(store, organisation.pk, name, purpose, check_template(body), author, time.time())
