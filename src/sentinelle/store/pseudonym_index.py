"""The pseudonym index: each identifier row carries a keyed tag of its export pseudonym
(`post_identifiers.pseudonym_tag`, migration 0009), so a pseudonym is found by one indexed
lookup instead of hashing every stored identifier.

The store never holds the key: the web server tags the rows (`tag_untagged`) with functions
it passes in. New rows arrive untagged from analysis and sit in a partial index of untagged
rows, so finding them costs nothing once every row is tagged. A new key voids every tag.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import bindparam, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from sentinelle.store.db import Store
from sentinelle.store.schema import post_identifiers, pseudonym_index

BATCH = 5_000


def _use_key(store: Store, fingerprint: str) -> None:
    """Make `fingerprint` the key the tags are made with; clear the tags of any other.

    The tags are cleared a batch per transaction (2 million rows in one held SQLite's write
    lock for minutes, and logins waited); the old key's fingerprint stays until every tag is
    cleared, so a server stopped halfway clears the rest when it starts again."""
    with store.engine.connect() as connection:
        known = connection.execute(select(pseudonym_index.c.key_tag)).scalars().all()
    if known == [fingerprint]:
        return
    if known:
        clear_tags(store)
    with store.engine.begin() as connection:
        connection.execute(delete(pseudonym_index).where(pseudonym_index.c.key_tag != fingerprint))
    try:
        with store.engine.begin() as connection:
            connection.execute(
                insert(pseudonym_index).values(key_tag=fingerprint, created_at=time.time())
            )
    except IntegrityError:  # another server process got there first, with the same key
        pass


def clear_tags(store: Store, batch: int = BATCH) -> int:
    """Clear every pseudonym tag, `batch` tags per transaction (through the tag index); how
    many tags were cleared. Other writers get the lock between batches."""
    tagged = (
        select(post_identifiers.c.pseudonym_tag)
        .where(post_identifiers.c.pseudonym_tag.is_not(None))
        .order_by(post_identifiers.c.pseudonym_tag)
        .distinct()
        .limit(batch)
    )
    cleared = 0
    while True:
        with store.engine.begin() as connection:
            tags = connection.execute(tagged).scalars().all()
            if not tags:
                return cleared
            connection.execute(
                update(post_identifiers)
                .where(post_identifiers.c.pseudonym_tag.in_(tags))
                .values(pseudonym_tag=None)
            )
        cleared += len(tags)


def tag_untagged(
    store: Store,
    fingerprint: str,
    tag_of: Callable[[str], str],
    stop: Callable[[], bool] = lambda: False,
) -> int:
    """Tag every identifier row not yet tagged, a batch of values per transaction; how many
    values were tagged. Idempotent: two processes doing it at once do the same writes."""
    _use_key(store, fingerprint)
    untagged = (
        select(post_identifiers.c.value)
        .where(post_identifiers.c.pseudonym_tag.is_(None))
        .distinct()
        .limit(BATCH)
    )
    tag = (
        update(post_identifiers)
        .where(
            post_identifiers.c.value == bindparam("v"),
            post_identifiers.c.pseudonym_tag.is_(None),
        )
        .values(pseudonym_tag=bindparam("t"))
    )
    done = 0
    while not stop():
        with store.engine.connect() as connection:
            values = connection.execute(untagged).scalars().all()
        if not values:
            break
        with store.engine.begin() as connection:
            connection.execute(tag, [{"v": value, "t": tag_of(value)} for value in values])
        done += len(values)
    return done


def values_tagged(store: Store, tag: str) -> list[tuple[str, str]]:
    """(kind, value) of the identifiers whose pseudonym has this tag (one, but for a value
    stored as both a phone and a handle)."""
    query = (
        select(post_identifiers.c.kind, post_identifiers.c.value)
        .where(post_identifiers.c.pseudonym_tag == tag)
        .distinct()
        .limit(10)
    )
    if store.dialect == "sqlite":
        # Statistics taken before the tags were written say every row shares one tag (NULL),
        # and SQLite then scans 2 million rows: the tag index is always the right way in.
        query = text(
            "SELECT DISTINCT kind, value FROM post_identifiers "
            "INDEXED BY ix_post_identifiers_pseudonym_tag WHERE pseudonym_tag = :tag LIMIT 10"
        ).bindparams(tag=tag)
    with store.engine.connect() as connection:
        return [(row.kind, row.value) for row in connection.execute(query)]
