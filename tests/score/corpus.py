"""A small labelled corpus built in code for the scoring tests (not the demo generator).

Five kinds of actor, as the demo generator has them: a group that controls minors, a group
that controls adults, independent adults, recruiters, and benign look-alike ads.
"""

from __future__ import annotations

import random

from sentinelle.records import Extraction, PhoneHit, Post, StatedAge

CITIES = ("Lyon", "Lille", "Nantes", "Rennes", "Dijon", "Metz", "Tours", "Nice")
NAMES = ("Léa", "Nour", "Inès", "Jade", "Lina", "Sarah", "Chloé", "Maya", "Emma", "Zoé")

MINOR_GROUP = (
    "{name} {age} ans toute jeune 🍭 dispo à {city}, appelez mon ami au {phone}",
    "Petite jeune débutante sur {city}, {age} ans, réservation par {phone} 🧸",
    "Nouvelle fille chaque semaine, {name} {age}a fraîche, contact unique "
    "pour toutes les filles {phone}",
    "{name} lycéenne dispo après les cours à {city}, appelez mon manager {phone}",
)
ADULT_GROUP = (
    "{name} {age} ans dispo à {city}, nos filles vous attendent, réservation par {phone}",
    "Plusieurs filles dispo {city}, photos 100% réelles, appelez mon ami {phone}",
    "{name} {age} ans, pas de mauvaise surprise, notre agence répond au {phone}, {city}",
)
INDEPENDENT = (
    "{name} {age} ans, indépendante, je travaille seule à {city}, massage relaxant {phone}",
    "Escort indépendante {name} {age} ans sur {city}, je gère moi-même mes rdv {phone}",
    "{name}, femme mûre {age} ans, de passage à {city}, contact direct {phone}",
)
RECRUITER = (
    "On recrute des filles motivées sur {city}, pack logement sécurité, 50/50, mp pour infos",
    "Plan sous 💰 argent facile, logement fourni et sécurité assurée, écris-moi sur snap",
    "Tu veux te faire de l'argent ? pack complet dispo, gagne jusqu'à 3000€ "
    "la semaine, dm pour infos",
)
BENIGN = (
    "Cherche colocataire à {city}, chambre meublée, 450€ charges comprises, contact {phone}",
    "Recrute serveuse motivée pour restaurant à {city}, CDI, envoyer CV",
    "Cours particuliers de maths pour lycéens à {city}, 20€ de l'heure, {phone}",
    "Baby-sitting après l'école à {city}, étudiante sérieuse, {phone}",
)

KINDS = {
    "minor_group": (MINOR_GROUP, {"minor": True, "control": True, "recruitment": False}, "group"),
    "adult_group": (ADULT_GROUP, {"minor": False, "control": True, "recruitment": False}, "group"),
    "independent": (
        INDEPENDENT,
        {"minor": False, "control": False, "recruitment": False},
        "independent",
    ),
    "recruiter": (RECRUITER, {"minor": False, "control": False, "recruitment": True}, "recruiter"),
    "benign": (BENIGN, {"minor": False, "control": False, "recruitment": False}, "benign"),
}


def _phone(rng: random.Random) -> str:
    return "06" + "".join(str(rng.randrange(10)) for _ in range(8))


def make_corpus(n_actors: int, seed: int) -> tuple[list[Post], list[Extraction], list[dict]]:
    """Posts, their extraction (built alongside, not by the extractor) and truth rows."""
    rng = random.Random(seed)
    posts, extractions, truths = [], [], []
    for actor in range(n_actors):
        kind = rng.choice(list(KINDS))
        templates, labels, actor_kind = KINDS[kind]
        phone = _phone(rng)
        for number in range(rng.randint(2, 5)):
            age = rng.randint(15, 17) if kind == "minor_group" else rng.randint(19, 45)
            name = rng.choice(NAMES)
            text = rng.choice(templates).format(
                name=name, age=age, city=rng.choice(CITIES), phone=phone
            )
            post_id = f"{seed}-{actor}-{number}"
            posts.append(
                Post("corpus", post_id, "ad", text, "2024-03-01T10:00:00+01:00", author=name)
            )
            hits = [PhoneHit("+33" + phone[1:], phone)] if phone in text else []
            ages = [StatedAge(age, f"{age} ans")] if f"{age} ans" in text else []
            extractions.append(Extraction(phones=hits, stated_ages=ages))
            truths.append(
                {
                    "source": "corpus",
                    "id": post_id,
                    "labels": dict(labels),
                    "actor": f"{seed}-{actor}",
                    "actor_kind": actor_kind,
                }
            )
    return posts, extractions, truths
