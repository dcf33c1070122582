"""What the scoring step reads and writes: analysed posts grouped by network, and their scores.

Posts are read network by network so that every batch holds whole networks: contact-level
indicators and minor-cue propagation then see all the posts they reason about.
"""

from __future__ import annotations

from collections.abc import Iterator

import orjson
from sqlalchemy import bindparam, func, select, update

from sentinelle.records import Extraction, PhoneHit, Place, Price, StatedAge
from sentinelle.store.db import Store
from sentinelle.store.schema import post_analysis, posts

_COLUMNS = (
    posts.c.pk,
    posts.c.source,
    posts.c.post_id,
    posts.c.kind,
    posts.c.text,
    posts.c.posted_at,
    posts.c.url,
    posts.c.city,
    posts.c.title,
    posts.c.author,
    posts.c.image_phashes,
    posts.c.extra,
    post_analysis.c.phones,
    post_analysis.c.handles,
    post_analysis.c.stated_ages,
    post_analysis.c.prices,
    post_analysis.c.mentions,
    post_analysis.c.city,
    post_analysis.c.department,
    post_analysis.c.network_id,
)


def count_unscored(store: Store) -> int:
    """Analysed posts without scores (new, or left by an interrupted run)."""
    query = select(func.count()).where(post_analysis.c.score_minor.is_(None))
    with store.engine.connect() as connection:
        return connection.execute(query).scalar_one()


def clear_scores(store: Store) -> None:
    """Mark every analysed post for rescoring (after a full relink)."""
    with store.engine.begin() as connection:
        connection.execute(update(post_analysis).values(score_minor=None))


def iter_scoring_rows(store: Store, batch_size: int = 5000) -> Iterator[list[tuple]]:
    """Posts whose scores are missing, and every post of a network one of them belongs to,
    in batches of whole networks (a batch only grows past `batch_size` to finish a network)."""
    unscored = post_analysis.c.score_minor.is_(None)
    touched = (
        select(post_analysis.c.network_id)
        .where(unscored, post_analysis.c.network_id.is_not(None))
        .distinct()
    )
    query = (
        select(*_COLUMNS)
        .join(post_analysis, post_analysis.c.post_pk == posts.c.pk)
        .where(unscored | post_analysis.c.network_id.in_(touched))
        .order_by(post_analysis.c.network_id, posts.c.pk)
    )
    batch: list[tuple] = []
    with store.engine.connect() as connection:
        result = connection.execution_options(yield_per=batch_size).execute(query)
        for row in result:
            row = tuple(row)
            if len(batch) >= batch_size and (row[-1] is None or row[-1] != batch[-1][-1]):
                yield batch
                batch = []
            batch.append(row)
    if batch:
        yield batch


def extraction_from_row(row: tuple) -> Extraction:
    """The `Extraction` an analysis row stored (the inverse of the analyze step's rows)."""
    phones, handles, ages, prices, mentions, city, department = row[12:19]
    mentions = orjson.loads(mentions)
    return Extraction(
        phones=[
            PhoneHit(p["e164"], p["raw"], tuple(p["tricks"]), p.get("in_plan", True))
            for p in orjson.loads(phones)
        ],
        handles=orjson.loads(handles),
        stated_ages=[StatedAge(a["age"], a["evidence"]) for a in orjson.loads(ages)],
        prices=[Price(**p) for p in orjson.loads(prices)],
        emoji=mentions.get("emoji", []),
        urls=mentions.get("urls", []),
        platforms=mentions.get("platforms", []),
        place=Place(city, department) if city and department else None,
        places_mentioned=[Place(**p) for p in mentions.get("places", [])],
    )


def save_scores(store: Store, rows: list[dict]) -> None:
    """Write scores, flags and indicators of analysed posts (`post_pk` names each row)."""
    if not rows:
        return
    statement = (
        update(post_analysis)
        .where(post_analysis.c.post_pk == bindparam("pk_"))
        .values(
            score_minor=bindparam("score_minor"),
            score_control=bindparam("score_control"),
            score_recruitment=bindparam("score_recruitment"),
            flags=bindparam("flags"),
            indicators=bindparam("indicators"),
        )
    )
    with store.engine.begin() as connection:
        # post_pk only names the row: left in the parameters, it would be SET as well.
        params = [
            {k: v for k, v in row.items() if k != "post_pk"} | {"pk_": row["post_pk"]}
            for row in rows
        ]
        connection.execute(statement, params)
