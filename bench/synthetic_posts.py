"""Synthetic posts for the linking benchmark: groups on a template, independents on boilerplate.

Logistics only (city, availability, contact, price). Every actor gets a ground-truth label so
the benchmark can check that speed did not cost quality.
"""

from __future__ import annotations

import random

import numpy as np

from sentinelle.link.inputs import LinkInput

CITIES = ["Lyon", "Paris", "Marseille", "Lille", "Nantes", "Rennes", "Nice", "Toulouse",
          "Bordeaux", "Grenoble", "Dijon", "Metz", "Reims", "Tours", "Angers", "Brest"]  # fmt: skip
NAMES = ["Lea", "Nour", "Ines", "Sarah", "Jade", "Lina", "Emma", "Chloe", "Yasmine", "Eva",
         "Manon", "Clara", "Lola", "Julia", "Maya", "Zoe"]  # fmt: skip
BOILERPLATE = ["dispo 7j/7", "discrete et souriante", "pas de sms", "appel uniquement",
               "bonjour messieurs", "nouvelle en ville", "rdv en semaine", "numero masque refuse",
               "tarif a voir par tel", "deplacement possible", "bisous", "a bientot"]  # fmt: skip
WORDS = [f"{a}{b}" for a in ("ka", "lo", "mi", "ra", "to", "ve", "zu", "pe", "no", "su", "fa",
         "gi", "ho", "ju") for b in ("ri", "na", "mo", "lu", "te", "sa", "po", "ke", "di", "va",
         "bo", "ce", "xu")]  # fmt: skip


def synthetic_posts(count: int, seed: int = 0) -> tuple[LinkInput, np.ndarray]:
    """`count` posts and the true actor of each (groups then independents, shuffled in time)."""
    rng = random.Random(seed)
    texts, phones, handles, actors, cities = [], [], [], [], []
    actor = 0
    while len(texts) < count:
        if rng.random() < 0.15:
            _group_posts(rng, actor, texts, phones, handles, actors, cities)
        else:
            _independent_posts(rng, actor, texts, phones, handles, actors, cities)
        actor += 1
    _add_hotel_hubs(rng, phones, actors)
    order = np.random.default_rng(seed).permutation(len(texts))[:count]
    posts = LinkInput(
        post_pk=np.arange(count, dtype=np.int64),
        texts=[texts[i] for i in order],
        phones=[phones[i] for i in order],
        handles=[handles[i] for i in order],
        phashes=[[] for _ in order],
    )
    return posts, np.asarray(actors)[order]


def _group_posts(rng, actor, texts, phones, handles, actors, cities) -> None:
    template = " ".join(rng.choices(WORDS, k=14))
    phone = f"+336{actor:08d}"
    city = rng.choice(CITIES)
    for _ in range(rng.randint(8, 60)):
        if rng.random() < 0.1:
            city = rng.choice(CITIES)
        name, price = rng.choice(NAMES), rng.randint(8, 30) * 10
        boiler = " ".join(rng.choices(BOILERPLATE, k=2))
        texts.append(f"{name} {template} {city} {price} roses {boiler}")
        phones.append([phone] if rng.random() < 0.6 else [])
        handles.append([f"snapchat:grp{actor}"] if rng.random() < 0.3 else [])
        actors.append(actor)
        cities.append(city)


def _independent_posts(rng, actor, texts, phones, handles, actors, cities) -> None:
    own = " ".join(rng.choices(WORDS, k=6))
    phone = f"+337{actor:08d}"
    name, city = rng.choice(NAMES), rng.choice(CITIES)
    for _ in range(rng.randint(1, 3)):
        boiler = " ".join(rng.choices(BOILERPLATE, k=4))
        texts.append(f"{name} {boiler} {own} {city}")
        phones.append([phone])
        handles.append([])
        actors.append(actor)
        cities.append(city)


def _add_hotel_hubs(rng, phones, actors) -> None:
    """A few hotel numbers that many unrelated independents also list."""
    hotels = max(1, len(phones) // 5000)
    for post in rng.sample(range(len(phones)), hotels * 60):
        phones[post] = [*phones[post], f"+334{rng.randrange(hotels):08d}"]
