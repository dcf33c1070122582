"""Flagged posts written straight into a store, for outreach tests (logistics text only)."""

from __future__ import annotations

import time

import orjson
from sqlalchemy import select

from sentinelle.ingest.pipeline import content_hash
from sentinelle.ingest.validate import validate_post
from sentinelle.store.posts import save_analyses, save_posts
from sentinelle.store.schema import posts


def add_flagged(store, specs: list[dict]) -> dict[str, int]:
    """Posts from specs (id, phone, age, day, flags, city, department): post id -> pk."""
    batch = []
    for spec in specs:
        record = {
            "id": spec["id"],
            "source": spec.get("source", "annonces-test"),
            "kind": "ad",
            "text": f"Moi c'est Léa, nouvelle sur {spec.get('city', 'Lyon')}, dispo ce soir. "
            f"Contact {spec.get('phone') or 'par message'}.",
            "posted_at": f"2024-03-{spec.get('day', 1):02d}T10:00:00+01:00",
            "city": spec.get("city", "Lyon"),
        }
        post, ts = validate_post(record)
        batch.append((post, ts, content_hash(post)))
    save_posts(store, batch)
    with store.engine.connect() as connection:
        pks = {r.post_id: r.pk for r in connection.execute(select(posts.c.pk, posts.c.post_id))}
    rows, identifiers = [], []
    for spec in specs:
        pk, phone, age = pks[spec["id"]], spec.get("phone"), spec.get("age")
        e164 = "+33" + phone.replace(" ", "")[1:] if phone else None
        rows.append(
            {
                "post_pk": pk,
                "phones": orjson.dumps([{"e164": e164, "raw": phone}] if phone else []).decode(),
                "handles": "[]",
                "stated_ages": orjson.dumps(
                    [{"age": age, "evidence": f"{age} ans"}] if age else []
                ).decode(),
                "prices": "[]",
                "mentions": "{}",
                "city": spec.get("city", "Lyon"),
                "department": spec.get("department", "69"),
                "obfuscated_phones": 0,
                "score_minor": 0.9 if age and age < 18 else 0.1,
                "score_control": 0.5,
                "score_recruitment": 0.0,
                "flags": spec.get("flags", 1 if age and age < 18 else 2),
                "indicators": '[{"code": "control.housing_security", "evidence": "logement"}]',
                "network_id": spec.get("network_id"),
                "analyzed_at": time.time(),
            }
        )
        if e164:
            identifiers.append({"post_pk": pk, "kind": "phone", "value": e164})
    save_analyses(store, rows, identifiers)
    return pks
