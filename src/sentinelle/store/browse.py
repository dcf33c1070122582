"""Read queries for the workspace: filtered post lists, one post, a network's posts, the
overview's counts and the review queue.

Lists are keyset-paged on (posted_ts, pk), newest first, and never count the whole table, so
a page costs the same on the first and the millionth post.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, cast, func, or_, select, text, tuple_

from sentinelle.store.db import Store
from sentinelle.store.labels import review_labels
from sentinelle.store.posts import export_select
from sentinelle.store.schema import post_analysis, post_identifiers, posts

SCORE_LABELS = ("minor", "control", "recruitment")
FLAG_BITS = {"minor": 1, "control": 2, "recruitment": 4}
WEEK = 7 * 24 * 3600

_LIST_COLUMNS = (
    posts.c.pk,
    posts.c.source,
    posts.c.post_id,
    posts.c.kind,
    posts.c.posted_at,
    posts.c.posted_ts,
    posts.c.title,
    func.substr(posts.c.text, 1, 180).label("snippet"),
    func.coalesce(post_analysis.c.city, posts.c.city).label("place"),
    post_analysis.c.department,
    post_analysis.c.score_minor,
    post_analysis.c.score_control,
    post_analysis.c.score_recruitment,
    func.coalesce(post_analysis.c.flags, 0).label("flags"),
    post_analysis.c.network_id,
    post_analysis.c.phones,  # to mask identifiers in the snippet
    post_analysis.c.handles,
)


@dataclass(frozen=True, slots=True)
class PostFilter:
    """What the posts list can be narrowed by; every field optional."""

    score_label: str | None = None  # minor | control | recruitment; with min_score
    min_score: float | None = None
    flag: str | None = None  # a label, or "any" for flagged on any label
    indicator: str | None = None  # an indicator code
    city: str | None = None
    department: str | None = None
    source: str | None = None
    kind: str | None = None
    since_ts: float | None = None
    until_ts: float | None = None
    query: str | None = None  # full-text search
    at_risk_only: bool = False  # outreach: flagged posts only


def _fts_condition(store: Store, query: str):
    if store.dialect == "postgresql":
        # The same expression as the GIN index of migration 0002, in a subquery that OFFSET 0
        # keeps apart: otherwise the planner may scan by date and evaluate it on every row.
        matches = text(
            "to_tsvector('simple'::regconfig, posts.text) "
            "@@ plainto_tsquery('simple'::regconfig, :fts)"
        ).bindparams(fts=query)
        return posts.c.pk.in_(select(posts.c.pk).where(matches).offset(0))
    # Each word quoted: the user's text is matched as words, never parsed as FTS5 syntax.
    words = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
    matches = text("SELECT rowid FROM posts_fts WHERE posts_fts MATCH :fts").bindparams(fts=words)
    return posts.c.pk.in_(matches)


def _conditions(store: Store, spec: PostFilter) -> list:
    conditions = []
    if spec.min_score is not None:
        labels = [spec.score_label] if spec.score_label in SCORE_LABELS else SCORE_LABELS
        conditions.append(
            or_(*(post_analysis.c[f"score_{label}"] >= spec.min_score for label in labels))
        )
    if spec.flag in FLAG_BITS:
        # IN over the few bitmask values (not `flags & bit`) so an index on flags can be used.
        bit = FLAG_BITS[spec.flag]
        conditions.append(post_analysis.c.flags.in_([v for v in range(1, 8) if v & bit]))
    elif spec.flag == "any" or spec.at_risk_only:
        conditions.append(post_analysis.c.flags > 0)
    if spec.indicator:
        pattern = f'"code":"{spec.indicator}"'
        conditions.append(post_analysis.c.indicators.contains(pattern, autoescape=True))
    if spec.city:
        conditions.append(func.coalesce(post_analysis.c.city, posts.c.city) == spec.city)
    if spec.department:
        conditions.append(post_analysis.c.department == spec.department)
    if spec.source:
        conditions.append(posts.c.source == spec.source)
    if spec.kind:
        conditions.append(posts.c.kind == spec.kind)
    if spec.since_ts is not None:
        conditions.append(posts.c.posted_ts >= spec.since_ts)
    if spec.until_ts is not None:
        conditions.append(posts.c.posted_ts < spec.until_ts)
    if spec.query and spec.query.strip():
        conditions.append(_fts_condition(store, spec.query.strip()))
    return conditions


def list_posts(
    store: Store, spec: PostFilter, *, limit: int = 50, after: tuple[float, int] | None = None
) -> list[dict]:
    """One page of posts matching `spec`, newest first, starting after the (posted_ts, pk)
    of the previous page's last post."""
    query = (
        select(*_LIST_COLUMNS)
        .select_from(posts.outerjoin(post_analysis, post_analysis.c.post_pk == posts.c.pk))
        .where(*_conditions(store, spec))
        .order_by(posts.c.posted_ts.desc(), posts.c.pk.desc())
        .limit(limit)
    )
    if after is not None:
        query = query.where(tuple_(posts.c.posted_ts, posts.c.pk) < tuple_(*after))
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def get_post(store: Store, source: str, post_id: str) -> dict | None:
    """A post with its analysis (analysis columns are None when not analysed yet)."""
    query = (
        select(
            posts,
            post_analysis.c.phones,
            post_analysis.c.handles,
            post_analysis.c.stated_ages,
            post_analysis.c.prices,
            post_analysis.c.city.label("a_city"),
            post_analysis.c.department,
            post_analysis.c.score_minor,
            post_analysis.c.score_control,
            post_analysis.c.score_recruitment,
            post_analysis.c.flags,
            post_analysis.c.indicators,
            post_analysis.c.network_id,
            post_analysis.c.analyzed_at,
        )
        .select_from(posts.outerjoin(post_analysis, post_analysis.c.post_pk == posts.c.pk))
        .where(posts.c.source == source, posts.c.post_id == post_id)
    )
    with store.engine.connect() as connection:
        row = connection.execute(query).mappings().first()
    return dict(row) if row else None


def get_post_by_pk(store: Store, pk: int) -> dict | None:
    with store.engine.connect() as connection:
        row = connection.execute(
            select(posts.c.source, posts.c.post_id).where(posts.c.pk == pk)
        ).first()
    return get_post(store, row.source, row.post_id) if row else None


def network_posts(store: Store, network_id: str, limit: int = 5000) -> list[dict]:
    """The posts linked to a network, oldest first, with what the network page shows."""
    query = (
        select(
            *_LIST_COLUMNS,
            posts.c.author,
            post_analysis.c.indicators,
        )
        .select_from(posts.join(post_analysis, post_analysis.c.post_pk == posts.c.pk))
        .where(post_analysis.c.network_id == network_id)
        .order_by(posts.c.posted_ts, posts.c.pk)
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def network_of_identifier(store: Store, value: str) -> list[str]:
    """Network ids of the posts that carry an identifier."""
    query = (
        select(post_analysis.c.network_id)
        .join(post_identifiers, post_identifiers.c.post_pk == post_analysis.c.post_pk)
        .where(post_identifiers.c.value == value, post_analysis.c.network_id.is_not(None))
        .distinct()
        .limit(20)
    )
    with store.engine.connect() as connection:
        return [row.network_id for row in connection.execute(query)]


def _week(store: Store):
    if store.dialect == "postgresql":
        return cast(func.floor(posts.c.posted_ts / WEEK), Integer)
    return cast(posts.c.posted_ts / WEEK, Integer)


def weekly_counts(store: Store, weeks: int = 26) -> list[dict]:
    """Posts and flagged posts per week, department and source over the latest `weeks` weeks
    of data, in one scan: rows {week, department, source, posts, flagged}; `week` counts
    weeks from the epoch."""
    flagged = func.sum(cast(func.coalesce(post_analysis.c.flags, 0) > 0, Integer))
    with store.engine.connect() as connection:
        latest = connection.execute(select(func.max(posts.c.posted_ts))).scalar()
        if latest is None:
            return []
        week = _week(store).label("week")
        department = post_analysis.c.department.label("department")
        query = (
            select(
                week,
                department,
                posts.c.source,
                func.count().label("posts"),
                flagged.label("flagged"),
            )
            .select_from(posts.outerjoin(post_analysis, post_analysis.c.post_pk == posts.c.pk))
            .where(posts.c.posted_ts >= latest - weeks * WEEK)
            .group_by(week, department, posts.c.source)
        )
        return [dict(row) for row in connection.execute(query).mappings()]


def top_networks(store: Store, limit: int = 10) -> list[dict]:
    """Networks by risk: the highest post scores among their posts, then their size."""
    risk = func.max(
        func.coalesce(post_analysis.c.score_minor, 0)
        + func.coalesce(post_analysis.c.score_control, 0)
    )
    query = (
        select(
            post_analysis.c.network_id,
            func.count().label("posts"),
            func.max(post_analysis.c.score_minor).label("minor"),
            func.max(post_analysis.c.score_control).label("control"),
            func.max(post_analysis.c.score_recruitment).label("recruitment"),
            risk.label("risk"),
        )
        .where(post_analysis.c.network_id.is_not(None))
        .group_by(post_analysis.c.network_id)
        .order_by(risk.desc(), func.count().desc())
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def recent_posts(store: Store, limit: int = 10) -> list[dict]:
    """The latest stored or changed posts (highest keys first; `version` > 1 means changed)."""
    query = (
        select(posts.c.source, posts.c.post_id, posts.c.version, posts.c.ingested_at)
        .order_by(posts.c.pk.desc())
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


REVIEW_WINDOW = 20_000  # the newest posts the review queue picks from


def review_queue(store: Store, limit: int = 20) -> list[dict]:
    """Unlabelled posts where the model is least sure (a score closest to 0.5) first, among
    the newest posts: reviewers label what is current, and the scan stays short on a large
    store. Posts not scored yet come after, newest first."""
    labelled = select(review_labels.c.post_pk)
    newest = select(posts.c.pk).order_by(posts.c.posted_ts.desc()).limit(REVIEW_WINDOW)
    closeness = [func.abs(post_analysis.c[f"score_{label}"] - 0.5) for label in SCORE_LABELS]
    base = (
        select(
            *_LIST_COLUMNS,
            posts.c.text,
            post_analysis.c.indicators,
        )
        .select_from(posts.join(post_analysis, post_analysis.c.post_pk == posts.c.pk))
        .where(posts.c.pk.in_(newest), posts.c.pk.not_in(labelled))
    )
    with store.engine.connect() as connection:
        uncertain = base.where(or_(*(c <= 0.3 for c in closeness)))
        query = uncertain.order_by(_least(store, closeness)).limit(limit)
        rows = [dict(row) for row in connection.execute(query).mappings()]
        if len(rows) < limit:
            unscored = base.where(post_analysis.c.score_minor.is_(None))
            query = unscored.order_by(posts.c.posted_ts.desc()).limit(limit - len(rows))
            rows += [dict(row) for row in connection.execute(query).mappings()]
    return rows


def _least(store: Store, expressions: list):
    """Smallest of several expressions, ignoring NULLs where the dialect allows it."""
    filled = [func.coalesce(e, 1.0) for e in expressions]
    name = "least" if store.dialect == "postgresql" else "min"
    return getattr(func, name)(*filled)


def identifier_rows(store: Store, pks: list[int]) -> list[dict]:
    if not pks:
        return []
    query = select(post_identifiers).where(post_identifiers.c.post_pk.in_(pks))
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def distinct_values(store: Store, column: str, limit: int = 200) -> list[str]:
    """Values offered in filter menus (sources, kinds)."""
    col = {"source": posts.c.source, "kind": posts.c.kind}[column]
    with store.engine.connect() as connection:
        rows = connection.execute(select(col).distinct().order_by(col).limit(limit))
        return [row[0] for row in rows]


def post_pk_of(store: Store, source: str, post_id: str) -> int | None:
    with store.engine.connect() as connection:
        return connection.execute(
            select(posts.c.pk).where(posts.c.source == source, posts.c.post_id == post_id)
        ).scalar()


def export_rows(store: Store, pks: list[int]) -> list[dict]:
    """Rows in the shape `export.posts.export_object` reads, in the order of `pks`."""
    if not pks:
        return []
    query = export_select().where(posts.c.pk.in_(pks))
    with store.engine.connect() as connection:
        found = {row["pk"]: row for row in connection.execute(query).mappings()}
    return [found[pk] for pk in pks if pk in found]
