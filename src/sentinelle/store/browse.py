"""Read queries for the workspace: filtered post lists, one post, a network's posts, the
overview's counts and the review queue.

Lists are keyset-paged on (posted_ts, pk), newest first, and never count the whole table, so
a page costs the same on the first and the millionth post.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, literal_column, or_, select, text, tuple_

from sentinelle.store.db import Store
from sentinelle.store.labels import review_labels
from sentinelle.store.posts import export_select
from sentinelle.store.schema import (
    network_aliases,
    post_analysis,
    post_identifiers,
    post_indicators,
    posts,
)

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


# The expression of the GIN index of migration 0006 (title and text, accents folded).
_PG_MATCH = (
    "to_tsvector('sentinelle_fts'::regconfig, coalesce(posts.title, '') || ' ' || posts.text) "
    "@@ plainto_tsquery('sentinelle_fts'::regconfig, :fts)"
)
# A search matching at least this share of posts walks posts by date, testing each (a page
# comes after a few dozen rows); a rarer one reads its matches first, then orders them.
COMMON_SHARE = 0.05
COMMON_MIN_MATCHES = 1000  # and at least this many (a small store reads its matches first)


def _fts5_words(query: str) -> str:
    # Each word quoted: the user's text is matched as words, never parsed as FTS5 syntax.
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


def _text_condition(store: Store, query: str, common: bool):
    if store.dialect == "postgresql":
        return text(_PG_MATCH).bindparams(fts=query)
    words = _fts5_words(query)
    if common:
        return text(
            "EXISTS (SELECT 1 FROM posts_fts WHERE posts_fts MATCH :fts "
            "AND posts_fts.rowid = posts.pk)"
        ).bindparams(fts=words)
    matches = text("SELECT rowid FROM posts_fts WHERE posts_fts MATCH :fts").bindparams(fts=words)
    return posts.c.pk.in_(matches)


def _common_text(connection, store: Store, query: str) -> bool:
    """Whether `query` matches at least COMMON_SHARE of the posts: counted up to that many
    matches on SQLite, PostgreSQL's own estimate (reading every match would take longer)."""
    if store.dialect == "postgresql":
        total = connection.execute(
            text("SELECT reltuples FROM pg_class WHERE oid = 'posts'::regclass")
        ).scalar()
        plan = connection.execute(
            text(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM posts WHERE {_PG_MATCH}"), {"fts": query}
        ).scalar()
        return bool(total and total > 0 and plan[0]["Plan"]["Plan Rows"] >= COMMON_SHARE * total)
    total = connection.execute(select(func.max(posts.c.pk))).scalar() or 0
    enough = max(int(COMMON_SHARE * total), COMMON_MIN_MATCHES)
    found = connection.execute(
        text(
            "SELECT count(*) FROM "
            "(SELECT rowid FROM posts_fts WHERE posts_fts MATCH :fts LIMIT :enough)"
        ),
        {"fts": _fts5_words(query), "enough": enough},
    ).scalar()
    return found >= enough


def _post_conditions(store: Store, spec: PostFilter, posted_ts, common_text: bool) -> list:
    """Conditions on the post itself; its date is read from `posted_ts`. Its source and kind
    are tested by `_page_keys`: on the analysis row when the walk reads analysis rows."""
    conditions = []
    if spec.since_ts is not None:
        conditions.append(posted_ts >= spec.since_ts)
    if spec.until_ts is not None:
        conditions.append(posted_ts < spec.until_ts)
    if spec.query and spec.query.strip():
        conditions.append(_text_condition(store, spec.query.strip(), common_text))
    return conditions


def _analysis_conditions(spec: PostFilter, indexed: bool = True) -> list:
    """Conditions that read post_analysis (joined to posts). Without `indexed`, the department
    is tested as an expression SQLite cannot look up, so the query walks the index the caller
    chose (an SQLite idiom: it takes no hints)."""
    conditions = []
    if spec.min_score is not None:
        labels = [spec.score_label] if spec.score_label in SCORE_LABELS else SCORE_LABELS
        conditions.append(
            or_(*(post_analysis.c[f"score_{label}"] >= spec.min_score for label in labels))
        )
    if spec.flag in FLAG_BITS or spec.flag == "any" or spec.at_risk_only:
        # Written as the partial index's own condition (a literal 0, which SQLite needs to
        # use that index).
        conditions.append(post_analysis.c.flags > literal_column("0"))
    if spec.flag in FLAG_BITS:
        # IN over the few bitmask values (not `flags & bit`): tested inside the indexes.
        bit = FLAG_BITS[spec.flag]
        conditions.append(post_analysis.c.flags.in_([v for v in range(1, 8) if v & bit]))
    if spec.city:
        conditions.append(func.coalesce(post_analysis.c.city, posts.c.city) == spec.city)
    if spec.department:
        department = post_analysis.c.department
        conditions.append((department if indexed else department.concat("")) == spec.department)
    return conditions


def _walk(spec: PostFilter) -> str:
    """Which index a page walks newest first, stopping after a page:
    - "indicator": the indicator's rows by date (`post_indicators`);
    - "source": a site's analysed posts by date, with flags, department, kind and scores tested
      inside the index, when the site comes with a condition on the analysis (a small site
      with a score walked 141,000 posts above the score at 1M posts, to find none);
    - "analysis": the department (with kind and scores tested inside it), flagged or
      scores-by-date index of post_analysis;
    - "posts": posts by date (filters on the post alone keep unanalysed posts)."""
    on_analysis = bool(
        spec.min_score is not None or spec.flag or spec.at_risk_only or spec.department
    )
    if spec.indicator:
        return "indicator"
    if spec.source and on_analysis:
        return "source"
    if on_analysis:
        return "analysis"
    return "posts"


def _page_keys(
    store: Store,
    spec: PostFilter,
    limit: int,
    after: tuple[float, int] | None,
    common_text: bool = False,
):
    """The (pk, posted_ts) of one page, newest first, walking the index `_walk` picks. Only
    the columns filtered on are read: the page's shown columns are fetched afterwards, for
    its rows alone."""
    walk = _walk(spec)
    text_query = bool(spec.query and spec.query.strip())
    on_posts = bool(spec.city or text_query)
    if walk == "indicator":
        pk, posted_ts = post_indicators.c.post_pk, post_indicators.c.posted_ts
        rows = post_indicators
        on_analysis = _analysis_conditions(spec, indexed=False)
        if on_analysis or spec.source or spec.kind:
            rows = rows.join(post_analysis, post_analysis.c.post_pk == pk)
        if on_posts:
            rows = rows.join(posts, posts.c.pk == pk)
        on_analysis.append(post_indicators.c.code == spec.indicator)
    elif walk in ("source", "analysis"):
        pk, posted_ts = post_analysis.c.post_pk, post_analysis.c.posted_ts
        rows = post_analysis
        on_analysis = _analysis_conditions(spec, indexed=walk == "analysis")
        if on_posts:
            rows = post_analysis.join(posts, posts.c.pk == pk)
    else:
        pk, posted_ts = posts.c.pk, posts.c.posted_ts
        rows = posts
        on_analysis = _analysis_conditions(spec)  # a city alone
        if on_analysis:
            rows = posts.outerjoin(post_analysis, post_analysis.c.post_pk == pk)
    facts = posts if walk == "posts" else post_analysis  # the site and kind, copied at analysis
    if spec.source:
        on_analysis.append(facts.c.source == spec.source)
    if spec.kind:
        on_analysis.append(facts.c.kind == spec.kind)
    order = posted_ts
    if store.dialect == "postgresql" and text_query and not common_text:
        # An order no date index gives: the planner then reads the rare text's matches from
        # the GIN index instead of walking posts by date and parsing each text.
        order = posted_ts + 0
    query = (
        select(pk.label("pk"), posted_ts.label("posted_ts"))
        .select_from(rows)
        .where(*_post_conditions(store, spec, posted_ts, common_text), *on_analysis)
        .order_by(order.desc(), pk.desc())
        .limit(limit)
    )
    if after is not None:
        query = query.where(tuple_(posted_ts, pk) < tuple_(*after))
    return query


def list_posts(
    store: Store, spec: PostFilter, *, limit: int = 50, after: tuple[float, int] | None = None
) -> list[dict]:
    """One page of posts matching `spec`, newest first, starting after the (posted_ts, pk)
    of the previous page's last post."""
    with store.engine.connect() as connection:
        query_text = (spec.query or "").strip()
        common = bool(query_text) and _common_text(connection, store, query_text)
        keys = connection.execute(_page_keys(store, spec, limit, after, common)).all()
        if not keys:
            return []
        query = (
            select(*_LIST_COLUMNS)
            .select_from(posts.outerjoin(post_analysis, post_analysis.c.post_pk == posts.c.pk))
            .where(posts.c.pk.in_([key.pk for key in keys]))
        )
        found = {row["pk"]: dict(row) for row in connection.execute(query).mappings()}
    # The cursor continues from the date the page was ordered by.
    return [{**found[key.pk], "posted_ts": key.posted_ts} for key in keys if key.pk in found]


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
    """The posts linked to a network, oldest first, with what the network page shows and what
    linking's profile of the network reads (one query for both)."""
    query = (
        select(
            *_LIST_COLUMNS,
            posts.c.author,
            posts.c.text,
            post_analysis.c.city,
            post_analysis.c.obfuscated_phones,
            post_analysis.c.indicators,
        )
        .select_from(posts.join(post_analysis, post_analysis.c.post_pk == posts.c.pk))
        .where(post_analysis.c.network_id == network_id)
        .order_by(posts.c.posted_ts, posts.c.pk)
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def current_network_id(store: Store, network_id: str) -> str:
    """The id a network goes by now: itself, or the network a later linking run merged it
    into (one indexed row, where linking's own lookup reads every alias)."""
    query = select(network_aliases.c.network_id).where(network_aliases.c.alias == network_id)
    with store.engine.connect() as connection:
        return connection.execute(query).scalar() or network_id


def network_aliases_of(store: Store, network_id: str) -> list[str]:
    """Ids merged into this network by later linking runs."""
    query = (
        select(network_aliases.c.alias)
        .where(network_aliases.c.network_id == network_id)
        .order_by(network_aliases.c.alias)
    )
    with store.engine.connect() as connection:
        return [row.alias for row in connection.execute(query)]


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


def review_candidates(store: Store, limit: int = 5000) -> list[dict]:
    """Unlabelled scored posts among the newest, newest first, with what
    `score.review_order` ranks them by (key, scores, network): reading the shown columns
    and texts of all 5,000 cost 0.5 s of SQLite at 1M posts; `review_rows` reads them for
    the few ranked first."""
    labelled = select(review_labels.c.post_pk)
    newest = select(posts.c.pk).order_by(posts.c.posted_ts.desc()).limit(REVIEW_WINDOW)
    a = post_analysis.c
    query = (
        select(
            a.post_pk.label("pk"),
            a.score_minor,
            a.score_control,
            a.score_recruitment,
            a.network_id,
        )
        .select_from(posts.join(post_analysis, a.post_pk == posts.c.pk))
        .where(posts.c.pk.in_(newest), posts.c.pk.not_in(labelled))
        .where(a.score_minor.is_not(None))
        .order_by(posts.c.posted_ts.desc())
        .limit(limit)
    )
    with store.engine.connect() as connection:
        return [row._asdict() for row in connection.execute(query)]


def review_rows(store: Store, pks: list[int]) -> dict[int, dict]:
    """The review queue's rows of the given posts (shown columns, text, indicators)."""
    if not pks:
        return {}
    query = (
        select(*_LIST_COLUMNS, posts.c.text, post_analysis.c.indicators)
        .select_from(posts.join(post_analysis, post_analysis.c.post_pk == posts.c.pk))
        .where(posts.c.pk.in_(pks))
    )
    with store.engine.connect() as connection:
        return {row["pk"]: dict(row) for row in connection.execute(query).mappings()}


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


def count_posts(store: Store, spec: PostFilter, cap: int = 1000) -> int:
    """How many posts match `spec`, counted up to `cap` (the list shows "1,000+" beyond):
    the same index walk as a page, stopped at `cap` rows instead of a page."""
    with store.engine.connect() as connection:
        query_text = (spec.query or "").strip()
        common = bool(query_text) and _common_text(connection, store, query_text)
        keys = _page_keys(store, spec, cap + 1, None, common).subquery()
        return connection.execute(select(func.count()).select_from(keys)).scalar() or 0
