"""Table definitions (SQLAlchemy Core). Alembic migrations under `migrations/` create them."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

# Partial indexes name their SQLite clause only: the migrations make them partial on both
# engines, and a `postgresql_where` here would import that dialect into every SQLite run.

# SQLite only autoincrements INTEGER PRIMARY KEY; PostgreSQL gets BIGINT.
PK = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

posts = Table(
    "posts",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("source", String(200), nullable=False),
    Column("post_id", String(500), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("city", Text),
    Column("author", Text),
    Column("posted_at", String(40), nullable=False),  # as given, with its offset
    Column("posted_ts", Float, nullable=False),  # epoch seconds, for ordering and ranges
    Column("image_phashes", Text, nullable=False, default="[]"),  # JSON list
    Column("extra", Text, nullable=False, default="{}"),  # JSON object of unknown fields
    Column("content_hash", String(32), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("ingested_at", Float, nullable=False),
    Column("pending", Boolean, nullable=False, default=True),  # needs (re)analysis
    UniqueConstraint("source", "post_id"),
    Index("ix_posts_pending", "pending"),
    Index("ix_posts_posted_ts", "posted_ts"),
)

post_versions = Table(
    "post_versions",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("post_pk", PK, ForeignKey("posts.pk"), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("content", Text, nullable=False),  # the replaced version, JSON in the input contract
    Column("replaced_at", Float, nullable=False),
    # Its content digest (migration 0007; null on older rows, computed from `content` then).
    Column("content_hash", String(32)),
)

SCORES_BY_DATE = "ix_post_analysis_posted_ts_scores"  # the posts list names it in tests
BY_SOURCE = "ix_post_analysis_source_posted_ts"  # likewise (migration 0016)
BY_DEPARTMENT = "ix_post_analysis_department_walk"  # likewise (0016)
INDICATORS_BY_DATE = "ix_post_indicators_code_posted_ts"
post_analysis = Table(
    "post_analysis",
    metadata,
    Column("post_pk", PK, ForeignKey("posts.pk"), primary_key=True),
    Column("phones", Text, nullable=False),  # JSON [{"e164", "raw", "tricks", "in_plan"}]
    Column("handles", Text, nullable=False),  # JSON ["platform:handle"]
    Column("stated_ages", Text, nullable=False),  # JSON [{"age", "evidence"}]
    Column("prices", Text, nullable=False),  # JSON [{"amount", "currency", "unit", "evidence"}]
    Column("mentions", Text, nullable=False),  # JSON {"emoji", "urls", "platforms", "places"}
    Column("city", Text),  # the resolved commune, else the site's city as written
    Column("department", String(3)),
    Column("obfuscated_phones", Integer, nullable=False, default=0),
    Column("score_minor", Float),
    Column("score_control", Float),
    Column("score_recruitment", Float),
    Column("flags", Integer, nullable=False, default=0),  # bit 1 minor, 2 control, 4 recruitment
    Column("indicators", Text, nullable=False, default="[]"),  # JSON [{"code", "evidence"}]
    Column("network_id", String(20), index=True),
    Column("analyzed_at", Float, nullable=False),
    # The post's posted_ts, copied when analysed: filtered lists walk these indexes newest
    # first instead of joining every candidate post to read its date (migration 0006).
    Column("posted_ts", Float),
    # The post's source and kind, copied when analysed (migration 0016): a list filtered on a
    # site or a department walks its own index, with the other filters tested inside it.
    Column("source", String(200)),
    Column("kind", String(20)),
    Index("ix_post_analysis_department", "department"),
    Index(
        BY_DEPARTMENT,
        "department",
        "posted_ts",
        "post_pk",
        "flags",
        "kind",
        "score_minor",
        "score_control",
        "score_recruitment",
    ),
    # score filters walk this by date, testing the scores inside the index (migration 0013)
    Index(
        SCORES_BY_DATE,
        "posted_ts",
        "score_minor",
        "score_control",
        "score_recruitment",
    ),
    Index(
        "ix_post_analysis_flagged_posted_ts",
        "posted_ts",
        "flags",
        sqlite_where=text("flags > 0"),  # partial on PostgreSQL too
    ),
    # a site's analysed posts by date, with what the list filters on tested inside the index
    Index(
        BY_SOURCE,
        "source",
        "posted_ts",
        "post_pk",
        "flags",
        "department",
        "kind",
        "score_minor",
        "score_control",
        "score_recruitment",
    ),
)

# One row per indicator code a post's analysis carries, with the post's date: the posts list
# filtered on an indicator walks (code, posted_ts) (migration 0016, `store.post_indicators`).
post_indicators = Table(
    "post_indicators",
    metadata,
    Column("post_pk", PK, ForeignKey("posts.pk"), primary_key=True),
    Column("code", String(100), primary_key=True),
    Column("posted_ts", Float),
    Index(INDICATORS_BY_DATE, "code", "posted_ts", "post_pk"),
)

# One row per identifier a post carries: what linking, case cross-links and search look up.
post_identifiers = Table(
    "post_identifiers",
    metadata,
    Column("post_pk", PK, ForeignKey("posts.pk"), nullable=False, index=True),
    Column("kind", String(10), nullable=False),  # "phone" or "handle"
    Column("value", String(300), nullable=False),
    # Keyed tag of the value's export pseudonym, set by the web server (migration 0009).
    Column("pseudonym_tag", String(32)),
    Index("ix_post_identifiers_value", "value"),
    Index("ix_post_identifiers_pseudonym_tag", "pseudonym_tag"),
    Index(
        "ix_post_identifiers_untagged",
        "value",
        "kind",
        sqlite_where=text("pseudonym_tag IS NULL"),  # partial on PostgreSQL too
    ),
)

# The key the pseudonym tags were made with (its fingerprint): a new key retags (0009).
pseudonym_index = Table(
    "pseudonym_index",
    metadata,
    Column("key_tag", String(32), primary_key=True),
    Column("created_at", Float, nullable=False),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False, default="post"),  # what the record should have been
    Column("file", Text, nullable=False),
    Column("line", Integer),  # 1-based line (JSONL, CSV) or record number (WARC)
    Column("field", String(200)),
    Column("reason", Text, nullable=False),
    Column("raw", LargeBinary),  # the record's bytes exactly as read
    Column("quarantined_at", Float, nullable=False),
    # Digest of (file digest, line, field, reason): a rerun does not quarantine twice (0007).
    Column("record_key", String(64)),
    Index("ix_quarantine_record_key", "record_key", unique=True),
)

# Linking (migration 0003_networks): one row per edge kept as evidence (star edges per shared value,
# checked text pairs), so a network can say why its posts belong together.
link_edges = Table(
    "link_edges",
    metadata,
    Column("left_pk", PK, ForeignKey("posts.pk"), nullable=False, index=True),
    Column("right_pk", PK, ForeignKey("posts.pk"), nullable=False, index=True),
    Column("kind", String(10), nullable=False),  # phone, handle, author, image, text
    Column("weight", Float, nullable=False),
    Column("value", Text),  # the shared value; null for text (explained from the two texts)
    Column("hub", Boolean, nullable=False),  # a hub value: evidence only, does not link
    Column("network_id", String(20), index=True),
)

# An id that disappeared when its network merged into an older one.
network_aliases = Table(
    "network_aliases",
    metadata,
    Column("alias", String(20), primary_key=True),
    Column("network_id", String(20), nullable=False, index=True),
    Column("merged_at", Float, nullable=False),
)

# One row per network, written by `analyze` after scoring (migration 0011): what the network
# list and the overview read, so no request scans every linked post. `cities` and `sources`
# are comma-joined distinct values; `risk` the highest of the three scores; `combined` the
# highest minor + control of one post (the overview's order).
network_summaries = Table(
    "network_summaries",
    metadata,
    Column("network_id", String(20), primary_key=True),
    Column("posts", Integer, nullable=False),
    Column("minor", Float),
    Column("control", Float),
    Column("recruitment", Float),
    Column("risk", Float, nullable=False),
    Column("combined", Float, nullable=False),
    Column("flagged", Integer, nullable=False),
    Column("first_ts", Float),
    Column("last_ts", Float),
    Column("cities", Text, nullable=False),
    Column("city_count", Integer, nullable=False),
    Column("sources", Text, nullable=False),
    Index("ix_network_summaries_risk", "risk", "posts"),
    Index("ix_network_summaries_combined", "combined", "posts"),
    Index("ix_network_summaries_posts", "posts", "risk"),
    Index("ix_network_summaries_last_ts", "last_ts", "posts"),
)

# The cities and sources of each network, one row each (migration 0014), written with its
# summary: the network list finds a city's or a source's networks through the index instead
# of matching the summaries' comma-joined lists one by one.
network_facets = Table(
    "network_facets",
    metadata,
    Column("kind", String(10), nullable=False),  # "city" or "source"
    Column("value", Text, nullable=False),  # a city as written may be long
    Column("network_id", String(20), nullable=False),
    Index("ix_network_facets_kind_value", "kind", "value", "network_id", unique=True),
    Index("ix_network_facets_network_id", "network_id"),
)

# A large network's page as the workspace shows it (migration 0017), written by `analyze` for
# networks of at least `network_views.STORED_MIN_POSTS` posts: read cold, the largest cost
# 35-135 ms of CPU (masking every post's label, linking's profile, the graph, the posts table);
# a stored view is one row. Dropped with the network's summary when its posts change.
network_views = Table(
    "network_views",
    metadata,
    Column("network_id", String(20), primary_key=True),
    Column("view", LargeBinary, nullable=False),  # orjson of what the page renders
)

# Analysed and flagged posts per week, department and source (migration 0012), written by
# `analyze` for the overview's charts instead of a scan of 26 weeks of posts per request.
weekly_counts = Table(
    "weekly_counts",
    metadata,
    Column("week", Integer, nullable=False),  # weeks since the epoch
    Column("department", String(3)),
    Column("source", String(200), nullable=False),
    Column("posts", Integer, nullable=False),
    Column("flagged", Integer, nullable=False),
    Index("ix_weekly_counts_week", "week"),
)

# Small named values linking keeps between runs (next network number, seed, settings).
link_state = Table(
    "link_state",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", Text, nullable=False),
    Column("blob", LargeBinary),  # binary state (the shingle-rarity sketch)
)

# Linking's text index (migration 0005): MinHash signatures and LSH band keys of linked posts,
# a few large binary segments (numpy arrays, little-endian) rather than a row per post and band.
# A post linked again appears in a later segment, which wins.
link_segments = Table(
    "link_segments",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("seed", Integer, nullable=False),
    Column("num_perm", Integer, nullable=False),
    Column("bands", Integer, nullable=False),
    Column("posts", Integer, nullable=False),
    Column("post_pks", LargeBinary, nullable=False),  # int64, one per post
    Column("signatures", LargeBinary, nullable=False),  # uint32, posts x num_perm
    Column("band_keys", LargeBinary, nullable=False),  # uint64, posts x bands
    Column("created_at", Float, nullable=False),
)

# Outreach (migration 0008_outreach): organisations own their outreach records; persons at
# risk are derived from flagged posts at analyze time and shared; files, attempts, referrals,
# templates and services belong to one organisation each.
organisations = Table(
    "organisations",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("created_at", Float, nullable=False),
)

account_organisations = Table(
    "account_organisations",
    metadata,
    Column("account_pk", PK, primary_key=True),  # accounts.pk; absent: the default organisation
    Column("org_pk", PK, ForeignKey("organisations.pk"), nullable=False, index=True),
)

outreach_persons = Table(
    "outreach_persons",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("contact_key", String(64), nullable=False, unique=True),  # stable across analyses
    Column("contact_kind", String(10)),
    Column("contact_value", String(300)),
    Column("platform", String(200)),
    Column("network_id", String(20)),
    Column("persona", String(100)),
    Column("city", Text),
    Column("department", String(3)),
    Column("first_ts", Float, nullable=False),
    Column("last_ts", Float, nullable=False),
    Column("posts", Integer, nullable=False),
    Column("stated_age", Integer),  # youngest age stated under 18, if any
    Column("score_minor", Float),
    Column("flags", Integer, nullable=False),
    Column("reasons", Text, nullable=False),  # JSON list of sentences, identifiers masked
    Column("post_pks", Text, nullable=False),  # JSON list: the newest flagged posts
    Column("urgency", Float, nullable=False),
    Column("active", Boolean, nullable=False),  # still has a flagged post
    Column("refreshed_at", Float, nullable=False),
    Index("ix_outreach_persons_active_urgency", "active", "urgency", "pk"),
    Index("ix_outreach_persons_department_urgency", "department", "active", "urgency", "pk"),
)

outreach_files = Table(
    "outreach_files",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("org_pk", PK, ForeignKey("organisations.pk"), nullable=False),
    Column("person_pk", PK, ForeignKey("outreach_persons.pk"), nullable=False),
    Column("owner", String(100), nullable=False),
    Column("status", String(20), nullable=False),
    Column("close_reason", Text),
    Column("opened_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),  # last activity: what retention counts from
    Column("first_contact_at", Float),
    Column("next_followup", String(10)),  # YYYY-MM-DD
    UniqueConstraint("org_pk", "person_pk"),
    Index("ix_outreach_files_person_pk", "person_pk"),
    Index("ix_outreach_files_org_pk_next_followup", "org_pk", "next_followup"),
    Index("ix_outreach_files_updated_at", "updated_at"),
)

outreach_attempts = Table(
    "outreach_attempts",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("file_pk", PK, ForeignKey("outreach_files.pk"), nullable=False, index=True),
    Column("at", Float, nullable=False),
    Column("day", String(10), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("template", String(100)),
    Column("outcome", String(20), nullable=False),
    Column("note", Text),
    Column("author", String(100), nullable=False),
)

outreach_referrals = Table(
    "outreach_referrals",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("file_pk", PK, ForeignKey("outreach_files.pk"), nullable=False, index=True),
    Column("at", Float, nullable=False),
    Column("service", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("department", String(3)),
    Column("note", Text),
    Column("author", String(100), nullable=False),
)

outreach_templates = Table(
    "outreach_templates",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("org_pk", PK, ForeignKey("organisations.pk"), nullable=False),
    Column("name", String(100), nullable=False),
    Column("purpose", String(20), nullable=False),  # first or followup
    Column("body", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
    Column("updated_by", String(100), nullable=False),
    UniqueConstraint("org_pk", "name"),
)

outreach_services = Table(
    "outreach_services",
    metadata,
    Column("pk", PK, primary_key=True, autoincrement=True),
    Column("org_pk", PK, ForeignKey("organisations.pk"), nullable=False),
    Column("department", String(3), nullable=False),
    Column("kind", String(20), nullable=False),  # crip, health, shelter, legal
    Column("name", Text, nullable=False),
    Column("phone", Text),
    Column("address", Text),
    Column("hours", Text),
    Column("email", Text),
    Index("ix_outreach_services_org_pk_department", "org_pk", "department"),
)
