"""Scoring throughput: indicators + features + predict, single core, posts per second.

Run: PYTHONPATH=src python bench/bench_score.py [N_POSTS [MODEL_DIR]]
Uses the demo generator's posts when it is installed, else logistics-only templates. Extraction
is timed apart, for scale: it is the core pipeline's main cost per post.
"""

from __future__ import annotations

import random
import resource
import sys
import time

from sentinelle.extract import extract_posts
from sentinelle.records import Post
from sentinelle.score.model import default_model, load_model
from sentinelle.score.scoring import score_posts

BATCH = 5000
TEMPLATES = (
    "{name} 19 ans dispo à {city}, appelez mon ami au 06 {a} {b} {c} {d} 🍭",
    "Nouvelle sur {city}, {name} indépendante, massage relaxant, contact direct 07 {a} {b} {c} {d}",
    "On recrute des filles motivées sur {city}, pack logement sécurité, 50/50, mp pour infos",
    "Cherche colocataire à {city}, chambre meublée, 450€ charges comprises, 06 {a} {b} {c} {d}",
    "Plusieurs filles dispo {city}, photos 100% réelles, réservation par snap resa_{a}",
)


def template_posts(count: int, seed: int) -> list[Post]:
    rng = random.Random(seed)
    names, cities = ("Léa", "Nour", "Inès", "Jade"), ("Lyon", "Lille", "Nantes", "Metz")
    posts = []
    for index in range(count):
        digits = {key: f"{rng.randrange(100):02d}" for key in "abcd"}
        text = rng.choice(TEMPLATES).format(
            name=rng.choice(names), city=rng.choice(cities), **digits
        )
        posts.append(Post("bench", str(index), "ad", text, "2024-03-01T10:00:00+01:00", author="x"))
    return posts


def demo_posts(count: int, seed: int) -> list[Post] | None:
    try:
        from sentinelle.demo import generate
    except ImportError:
        return None
    fields = ("source", "id", "kind", "text", "posted_at", "url", "city", "title", "author")
    return [Post(**{name: post.get(name) for name in fields}) for post, _ in generate(count, seed)]


def main(count: int, model_dir: str | None) -> None:
    posts = demo_posts(count, 99_001) or template_posts(count, 99_001)
    started = time.perf_counter()
    extractions = extract_posts(posts)
    extraction_seconds = time.perf_counter() - started
    model = load_model(model_dir) if model_dir else default_model()
    score_posts(posts[:100], extractions[:100], None, model)  # warm the automaton and caches
    started = time.perf_counter()
    for start in range(0, len(posts), BATCH):
        score_posts(posts[start : start + BATCH], extractions[start : start + BATCH], None, model)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mean_chars = sum(len(post.text) for post in posts) / len(posts)
    print(f"posts {len(posts):,} (mean {mean_chars:.0f} chars), batch {BATCH}")
    print(f"scoring: {len(posts) / seconds:,.0f} posts/s single core ({seconds:.2f} s)")
    print(
        f"extraction (for scale): {len(posts) / extraction_seconds:,.0f} posts/s; "
        f"scoring adds {seconds / extraction_seconds:.0%} of extraction time"
    )
    print(f"peak RSS: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 100_000,
        sys.argv[2] if len(sys.argv) > 2 else None,
    )
