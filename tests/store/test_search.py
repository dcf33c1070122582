"""Posts by identifier: the rows and the count agree, with and without the flagged-only rule."""

from __future__ import annotations

from analysis_factories import blank_analysis
from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.store.browse import PostFilter, list_posts
from sentinelle.store.posts import save_analyses, save_posts
from sentinelle.store.search import posts_carrying

PHONES = ("+33611111111", "+33622222222", "+33633333333")


def _fill(store, count: int = 40) -> None:
    batch = []
    for i in range(count):
        post, ts = validate_post(
            {
                "id": f"p{i:03d}",
                "source": "s",
                "kind": "ad",
                "text": f"annonce {i}",
                "posted_at": f"2024-06-{1 + i % 28:02d}T10:{i % 60:02d}:00Z",
            }
        )
        batch.append((post, ts, content_hash(post)))
    save_posts(store, batch)
    rows, identifiers = [], []
    for i, record in enumerate(list_posts(store, PostFilter(), limit=count)):
        carried = [PHONES[i % 3]] + ([PHONES[0]] if i % 4 == 0 else [])
        rows.append(blank_analysis(record["pk"], flags=2 if i % 5 == 0 else 0))
        identifiers += [
            {"post_pk": record["pk"], "kind": "phone", "value": v} for v in set(carried)
        ]
    save_analyses(store, rows, identifiers)


def test_count_is_the_posts_carrying_any_value(store):
    _fill(store)
    for values in ([PHONES[0]], [PHONES[1]], list(PHONES), ["+33699999999"]):
        for at_risk_only in (False, True):
            rows, total = posts_carrying(store, values, at_risk_only=at_risk_only)
            assert total == len(rows), (values, at_risk_only)
            assert all(set(row["matched"]) <= set(values) for row in rows)
    assert posts_carrying(store, [PHONES[0]])[1] == len(
        {i for i in range(40) if i % 3 == 0 or i % 4 == 0}
    )
    assert posts_carrying(store, [PHONES[0]], at_risk_only=True)[1] == len(
        {i for i in range(40) if (i % 3 == 0 or i % 4 == 0) and i % 5 == 0}
    )
