"""The posts list's index walks (by site, by indicator, by analysis index, by date) find the
rows a plain reading of every post finds, in the same order, on both engines: each filter
kind, alone and combined, paged by keyset and counted."""

from __future__ import annotations

import random

import orjson
import pytest
from sqlalchemy import select

from analysis_factories import blank_analysis
from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.store.browse import SCORE_LABELS, PostFilter, count_posts, list_posts
from sentinelle.store.posts import save_analyses, save_posts
from sentinelle.store.retention import plan_or_purge
from sentinelle.store.schema import post_analysis, post_indicators
from sentinelle.store.scoring import save_scores

# Sites of very different sizes: "tiny" is the small site whose score filter found nothing
# while walking every post above the score.
SOURCES = ("big",) * 6 + ("mid",) * 3 + ("tiny",)
CODES = ("age.stated_minor", "control.housing", "control.many_cities", "recruit.offer")
CITIES = (("Lyon", "69"), ("Nantes", "44"), ("Lille", "59"))
KINDS = ("ad", "ad", "ad", "message", "profile")
WORDS = ("dispo", "logement", "studio", "soir")
DAY = 86_400.0


def _fill(store, count: int = 240, seed: int = 5) -> list[dict]:
    """Posts with varied sites, kinds, cities, dates (some equal), scores, flags and
    indicators; one in ten never analysed. Returns what a reader of every row sees."""
    rng = random.Random(seed)
    batch, planned = [], []
    for i in range(count):
        city, department = rng.choice(CITIES)
        source = rng.choice(SOURCES)
        words = rng.sample(WORDS, 2)
        day = 1 + rng.randrange(28)
        hour = 8 + rng.randrange(3)  # few hours: many posts share a date
        record = {
            "id": f"w{i:04d}",
            "source": source,
            "kind": rng.choice(KINDS),
            "text": f"{' '.join(words)} annonce {i}",
            "city": city,
            "posted_at": f"2024-04-{day:02d}T{hour:02d}:00:00+00:00",
        }
        post, ts = validate_post(record)
        batch.append((post, ts, content_hash(post)))
        planned.append({**record, "posted_ts": ts, "words": set(words), "department": department})
    save_posts(store, batch)
    pks = {r["post_id"]: r["pk"] for r in list_posts(store, PostFilter(), limit=count)}
    analysed = []
    for row in planned:
        row["pk"] = pks[row["id"]]
        row["analysis"] = None
        if rng.random() < 0.1:
            continue  # waits for analysis
        scores = {label: round(rng.random(), 3) for label in SCORE_LABELS}
        flags = sum(bit for bit, label in ((1, "minor"), (2, "control"), (4, "recruitment"))
                    if scores[label] >= 0.7)  # fmt: skip
        codes = rng.sample(CODES, rng.randrange(3))
        row["analysis"] = {**scores, "flags": flags, "codes": set(codes)}
        analysed.append(
            blank_analysis(
                row["pk"],
                city=row["city"] if rng.random() < 0.8 else None,
                department=row["department"],
                **{f"score_{label}": value for label, value in scores.items()},
                flags=flags,
                indicators=orjson.dumps(
                    [{"code": code, "evidence": "x"} for code in codes]
                ).decode(),
            )
        )
    save_analyses(store, analysed, [])
    return planned


def _matches(row: dict, spec: PostFilter) -> bool:
    """The filter read plainly, as the list documents it."""
    analysis = row["analysis"]
    if spec.source and row["source"] != spec.source:
        return False
    if spec.kind and row["kind"] != spec.kind:
        return False
    if spec.since_ts is not None and row["posted_ts"] < spec.since_ts:
        return False
    if spec.until_ts is not None and row["posted_ts"] >= spec.until_ts:
        return False
    if spec.query and not set(spec.query.split()) <= row["words"]:
        return False
    if spec.city and row["city"] != spec.city:
        return False
    needs_analysis = (
        spec.min_score is not None
        or spec.flag
        or spec.at_risk_only
        or spec.indicator
        or spec.department
    )
    if not needs_analysis:
        return True
    if analysis is None:
        return False
    if spec.min_score is not None:
        labels = [spec.score_label] if spec.score_label else SCORE_LABELS
        if not any(analysis[label] >= spec.min_score for label in labels):
            return False
    if (spec.flag or spec.at_risk_only) and not analysis["flags"]:
        return False
    bits = {"minor": 1, "control": 2, "recruitment": 4}
    if spec.flag in bits and not analysis["flags"] & bits[spec.flag]:
        return False
    if spec.indicator and spec.indicator not in analysis["codes"]:
        return False
    return not (spec.department and row["department"] != spec.department)


def _expected(planned: list[dict], spec: PostFilter) -> list[str]:
    found = [row for row in planned if _matches(row, spec)]
    found.sort(key=lambda row: (row["posted_ts"], row["pk"]), reverse=True)
    return [row["id"] for row in found]


def _paged(store, spec: PostFilter, size: int = 7) -> list[str]:
    seen, after = [], None
    while page := list_posts(store, spec, limit=size, after=after):
        seen += [row["post_id"] for row in page]
        after = (page[-1]["posted_ts"], page[-1]["pk"])
    return seen


APRIL_10, APRIL_20 = 1712707200.0, 1712707200.0 + 10 * DAY
SPECS = [
    PostFilter(),
    PostFilter(source="tiny"),
    PostFilter(source="tiny", min_score=0.5, score_label="control"),
    PostFilter(source="big", min_score=0.9, score_label="minor"),
    PostFilter(source="mid", min_score=0.8),
    PostFilter(source="tiny", flag="any"),
    PostFilter(source="big", flag="minor"),
    PostFilter(source="mid", department="44"),
    PostFilter(source="mid", department="69", flag="control", kind="ad"),
    PostFilter(source="big", min_score=0.5, city="Lille"),
    PostFilter(source="big", at_risk_only=True),
    PostFilter(source="tiny", min_score=0.3, query="logement"),
    PostFilter(source="mid", flag="any", since_ts=APRIL_10, until_ts=APRIL_20),
    PostFilter(min_score=0.6, score_label="recruitment"),
    PostFilter(flag="recruitment", department="59"),
    PostFilter(department="69", kind="message"),
    PostFilter(indicator="age.stated_minor"),
    PostFilter(indicator="control.housing", source="tiny"),
    PostFilter(indicator="control.many_cities", flag="any"),
    PostFilter(indicator="recruit.offer", department="44", min_score=0.4),
    PostFilter(indicator="age.stated_minor", kind="ad", city="Nantes"),
    PostFilter(indicator="control.housing", query="dispo", since_ts=APRIL_10),
    PostFilter(indicator="recruit.offer", at_risk_only=True, source="big"),
    PostFilter(indicator="no.such.code"),
    PostFilter(city="Lyon", since_ts=APRIL_10, until_ts=APRIL_20),
    PostFilter(kind="profile", source="big"),
]


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: repr(spec)[11:80])
def test_every_walk_finds_what_reading_every_post_finds(store, spec):
    planned = _fill(store)
    expected = _expected(planned, spec)
    assert [r["post_id"] for r in list_posts(store, spec, limit=50)] == expected[:50]
    assert _paged(store, spec) == expected
    assert count_posts(store, spec, cap=1000) == len(expected)
    assert count_posts(store, spec, cap=5) == min(len(expected), 6)  # stops past the cap


def test_indicator_rows_follow_rescoring_reanalysis_and_purge(store):
    planned = _fill(store)
    analysed = [row for row in planned if row["analysis"]]
    # scoring rewrites indicators: the filter follows
    changed = analysed[:40]
    save_scores(
        store,
        [
            {
                "post_pk": row["pk"],
                "score_minor": 0.1,
                "score_control": 0.1,
                "score_recruitment": 0.1,
                "flags": 0,
                "indicators": '[{"code":"recruit.offer","evidence":"y"}]',
            }
            for row in changed
        ],
    )
    for row in changed:
        row["analysis"].update(minor=0.1, control=0.1, recruitment=0.1, flags=0)
        row["analysis"]["codes"] = {"recruit.offer"}
    for code in CODES:
        spec = PostFilter(indicator=code)
        assert _paged(store, spec) == _expected(planned, spec)
    # analysed again (a changed post): the old indicators go until it is scored
    again = analysed[40:50]
    save_analyses(
        store,
        [blank_analysis(row["pk"], department=row["department"]) for row in again],
        [],
    )
    gone = {row["pk"] for row in again}
    with store.engine.connect() as connection:
        left = {pk for (pk,) in connection.execute(select(post_indicators.c.post_pk))}
        query = select(post_analysis.c.post_pk, post_analysis.c.source)
        sources = {pk: source for pk, source in connection.execute(query)}
    assert not left & gone
    assert all(sources[row["pk"]] == row["source"] for row in analysed)
    # a retention purge removes the rows of the posts it deletes
    cutoff = min(row["posted_ts"] for row in planned) + 5 * DAY
    plan_or_purge(store, cutoff + 30 * DAY, posts_days=30, dry_run=False)
    with store.engine.connect() as connection:
        dates = connection.execute(select(post_indicators.c.posted_ts)).scalars().all()
    assert dates and min(dates) >= cutoff
