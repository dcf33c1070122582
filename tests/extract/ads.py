"""Synthetic classified ads (logistics only) holding phones and the numbers that are not phones.

Used by the recall/precision test and by `bench/bench_extract.py`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from tests.extract.writing import foreign_mobile, french_mobile, hard_tricks, obscured, plain

_NAMES = ("Léa", "Nour", "Inès", "Jade", "Maya", "Chloé", "Sarah", "Yasmine", "Emma", "Lina")
_CITIES = ("Lyon", "Marseille", "Nice", "Lille", "Nantes", "Rennes", "Toulouse", "Metz", "Dijon")
_GREETINGS = ("Bonjour", "Slt", "Coucou", "Bonsoir", "Hello", "Nouvelle sur {city}")
_CONTACTS = ("Contact: {phone}", "appelle au {phone}", "tel {phone}", "📞 {phone}", "{phone}")
_HANDLES = ("snap: {h}", "👻 {h}", "sc @{h}", "mon tg @{h}", "insta {h}", "t.me/{h}")
_TRAPS = (
    "{price}€ la nuit",
    "1h {price}",
    "30min {small}€",
    "{price} roses",
    "dispo du {day:02d}/{month:02d} au {day2:02d}/{month:02d}",
    "le {day:02d}/{month:02d}/2024",
    "de {hour}h à {hour2}h",
    "{hour}h-{hour3}h",
    "dispo 7j/7 24h/24",
    "{age} ans",
    "née en {year}",
    "appartement {postcode} {city}",
    "réf {order}",
    "commande n° {order}",
    "2 copines dispo",
    "{hour}:30 ou {hour2}:00",
)
_LOGISTICS = (
    "de passage à {city}",
    "je reçois dans un appartement calme près de la gare",
    "disponible en semaine et le week-end, réservation la veille",
    "merci de me contacter uniquement par message",
    "nouvelle dans la ville pour quelques jours seulement",
    "logement sur place, accès facile en tram",
    "appartement propre et discret",
    "parking facile",
    "pas de numéro masqué",
    "réponse rapide",
    "déplacement possible",
    "rdv dans le calme",
)


@dataclass(frozen=True, slots=True)
class Ad:
    """An ad's text, the numbers it really holds, and how each was written."""

    text: str
    phones: tuple[str, ...]
    tricks: tuple[tuple[str, ...], ...]


def ads(count: int, seed: int = 7, hard_share: float = 0.3) -> Iterator[Ad]:
    """`count` ads; `hard_share` of their phones are written with hard tricks."""
    rng = random.Random(seed)
    for _ in range(count):
        yield _ad(rng, hard_share)


def _ad(rng: random.Random, hard_share: float) -> Ad:
    slots = _slots(rng)
    parts = [rng.choice(_GREETINGS).format(**slots), f"{rng.choice(_NAMES)} {slots['age']} ans"]
    parts += [rng.choice(_TRAPS).format(**slots) for _ in range(rng.randint(1, 3))]
    parts += [rng.choice(_LOGISTICS).format(**slots) for _ in range(rng.randint(2, 4))]
    phones, tricks = [], []
    for _ in range(rng.choice([0, 1, 1, 1, 1, 1, 1, 2])):
        e164, writing, used = _phone(rng, hard_share)
        if e164 in phones:
            continue
        phones.append(e164)
        tricks.append(used)
        parts.append(rng.choice(_CONTACTS).format(phone=writing))
    for _ in range(rng.randint(0, 2)):
        parts.append(
            rng.choice(_HANDLES).format(h=f"{rng.choice(_NAMES)[:3]}_{rng.randint(1, 99)}")
        )
    rng.shuffle(parts)
    return Ad(rng.choice([". ", " - ", "\n", " "]).join(parts), tuple(phones), tuple(tricks))


def _phone(rng: random.Random, hard_share: float) -> tuple[str, str, tuple[str, ...]]:
    if rng.random() < 0.08:
        e164 = foreign_mobile(rng)
        return e164, plain(e164, rng), ()
    e164 = french_mobile(rng)
    if rng.random() < hard_share:
        used = hard_tricks(rng)
        return e164, obscured(e164, used, rng), used
    return e164, plain(e164, rng), ()


def _slots(rng: random.Random) -> dict[str, object]:
    hour = rng.randint(8, 14)
    return {
        "city": rng.choice(_CITIES),
        "price": rng.choice([80, 100, 120, 150, 200, 250, 300, 500]),
        "small": rng.choice([50, 60, 70, 80]),
        "day": rng.randint(1, 28),
        "day2": rng.randint(1, 28),
        "month": rng.randint(1, 12),
        "hour": hour,
        "hour2": hour + rng.randint(4, 9),
        "hour3": rng.randint(1, 6),
        "age": rng.randint(19, 39),
        "year": rng.randint(1985, 2005),
        "postcode": rng.choice(["75015", "69003", "13001", "06000", "59000", "01000"]),
        "order": rng.randint(10**6, 10**10),
    }
