"""Benchmark the gazetteer: first-use cost, find_places and locate throughput, peak memory.

Synthetic posts only (logistics text: city, availability, contact, price, housing).
Run: PYTHONPATH=src python bench/bench_places.py [--posts N]
Times are CPU time of this process (the machine is shared; wall time would count the waits).
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import timeit

from sentinelle.extract.places import find_places, locate
from sentinelle.places.gazetteer import gazetteer
from sentinelle.places.mentions import automaton

# About 300 characters of logistics text naming no commune.
PLAIN = (
    "Bonjour, nouvelle annonce. Disponible du lundi au vendredi de 10h à 22h, appartement "
    "discret et propre, parking facile juste devant. Déplacement possible à l'hôtel. Pas de "
    "numéro masqué, pas de SMS, appelez directement au 06 12 34 56 78. Tarifs sur demande, "
    "paiement en espèces. Réponse rapide 💬"
)
TEMPLATES = (
    "Nouvelle sur {city}, dispo de {start}h à {end}h, appartement calme, parking proche. "
    "{price}€ la demi-heure, contact par SMS au 07 {digits}.",
    "De passage à {city} ({department}) jusqu'à dimanche, ensuite {other}. Hôtel, "
    "réservation la veille. Tarif {price}€.",
    "Dispo ce soir secteur {city}, déplacement possible vers {other}. Appel uniquement.",
)


def synthetic_posts(count: int, seed: int = 7) -> list[tuple[str | None, str]]:
    """(city field, text) pairs: a third name a city in the text, a third in the field only."""
    rng = random.Random(seed)
    towns = sorted(
        (c for c in gazetteer().communes.values() if c.population >= 20_000),
        key=lambda c: c.code,
    )
    posts: list[tuple[str | None, str]] = []
    for index in range(count):
        town, other = rng.choice(towns), rng.choice(towns)
        if index % 3 == 0:
            posts.append((None, PLAIN))
        elif index % 3 == 1:
            posts.append((f"{town.name} ({town.department})", PLAIN))
        else:
            text = rng.choice(TEMPLATES).format(
                city=town.name,
                other=other.name,
                department=town.department,
                start=rng.randint(8, 14),
                end=rng.randint(18, 23),
                price=rng.choice((80, 100, 150)),
                digits=rng.randint(10**7, 10**8 - 1),
            )
            posts.append((None, text))
    return posts


def _rate(label: str, count: int, seconds: float) -> None:
    print(f"{label:<34} {count / seconds:>12,.0f} posts/s  {seconds / count * 1e6:8.2f} µs/post")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=30_000)
    args = parser.parse_args()

    started = time.process_time()
    gazetteer()
    loaded = time.process_time()
    automaton()
    built = time.process_time()
    print(f"gazetteer load (first use)         {loaded - started:8.3f} s")
    print(f"automaton build (first use)        {built - loaded:8.3f} s")
    names = f"{len(gazetteer().communes):,} / {len(automaton()):,}"
    print(f"communes / free-text names         {names}")

    # Best of several rounds: the machine is shared, and the best round is the code's own cost.
    rounds = timeit.repeat(
        lambda: find_places(PLAIN), number=1_000, repeat=20, timer=time.process_time
    )
    _rate(f"find_places, {len(PLAIN)} chars, no match", 1_000, min(rounds))

    posts = synthetic_posts(args.posts)
    started = time.process_time()
    found = sum(bool(find_places(text)) for _, text in posts)
    _rate("find_places, mixed posts", len(posts), time.process_time() - started)
    started = time.process_time()
    located = sum(locate(city, text) is not None for city, text in posts)
    _rate("locate, mixed posts", len(posts), time.process_time() - started)
    print(f"posts with a place found: find_places {found:,}, locate {located:,} of {len(posts):,}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the process)  {peak:8.1f} MB")


if __name__ == "__main__":
    main()
