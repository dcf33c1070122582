"""Small hand-built posts for tests (logistics only)."""

from __future__ import annotations

import orjson


def post_dict(index: int = 1, **overrides) -> dict:
    post = {
        "id": f"p{index:05d}",
        "source": "annonces-test",
        "kind": "ad",
        "text": f"Nouvelle sur Lyon, dispo lundi au jeudi. Appeler 06 12 34 {index % 100:02d} 78",
        "posted_at": "2024-03-13T01:00:00+01:00",
        "url": f"https://annonces-test.example/a/{index}",
        "city": "Lyon",
        "title": "Dispo cette semaine",
        "author": f"compte{index}",
        "image_phashes": ["8f3a5c7e9b1d2f40"],
    }
    post.update(overrides)
    return post


def jsonl(*posts: dict) -> bytes:
    return b"".join(orjson.dumps(p) + b"\n" for p in posts)
