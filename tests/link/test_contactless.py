import random

import numpy as np

from sentinelle.link.batch import link_posts
from sentinelle.link.contactless import average_linkage
from tests.link.builders import SMALL_CORPUS, link_input

# a shared lexicon: every sentence is common, a poster's template is a combination of them
ROLES = (
    ("Salut c'est {name}.", "Moi c'est {name}.", "Coucou, {name} ici.", "Je suis {name}."),
    ("Nouvelle sur {city}.", "De passage vers {city}.", "Installée à {city}.", "À {city}."),
    ("Dispo {hours}.", "Je reçois {hours}.", "Joignable {hours}.", "Rendez-vous {hours}."),
    ("Appartement calme et propre.", "Logement discret près de la gare.",
     "Studio au rez-de-chaussée.", "Lieu tranquille sans voisins."),
    ("Respect et hygiène exigés.", "Pas de numéros masqués.",
     "Réponse rapide aux messages polis.", "Prévenir trente minutes avant."),
    ("Paiement sur place uniquement.", "Pas de négociation sur les prix.",
     "Tarif fixe, pas de discussion.", "Participation demandée à l'avance."),
)  # fmt: skip
NAMES = ("Ilona", "Bianca", "Daria", "Kenza", "Mirela", "Stella", "Tamara", "Roxana", "Paola")
CITIES = ("Lyon", "Lille", "Nantes", "Rennes", "Dijon", "Metz", "Tours", "Brest", "Nice")
OTHER_NAMES = ("Alba", "Carla", "Dalia", "Eliza", "Gabi", "Ines", "Joy", "Lin", "Mei", "Noa")
OTHER_CITIES = ("Paris", "Toulouse", "Bordeaux", "Grenoble", "Reims", "Caen", "Nancy", "Pau")
HOURS = ("de 10h à 22h", "le soir", "toute la journée", "de 14h à minuit", "le matin")
NONE = ("Réponds à l'annonce.", "Messagerie du site.", "Bouton message.")


def _ad(rng, template: list[int], names: tuple[str, ...], city: str, contact: str = "") -> str:
    sentences = [ROLES[role][variant] for role, variant in enumerate(template)]
    if rng.random() < 0.5:  # an edit: one sentence dropped
        sentences.pop(rng.randrange(1, len(sentences)))
    text = " ".join(sentences) + " " + (contact or rng.choice(NONE))
    return text.format(name=rng.choice(names), city=city, hours=rng.choice(HOURS))


def _corpus(seed: int = 3) -> tuple[list[dict], list[str]]:
    rng = random.Random(seed)
    posts, actors = [], []
    for group in range(3):  # groups that give no contact, each with its own template
        template = [rng.randrange(4) for _ in ROLES]
        names, cities = tuple(rng.sample(NAMES, 2)), rng.sample(CITIES, 2)
        for index in range(8):
            posts.append({"text": _ad(rng, template, names, cities[index // 4])})
            actors.append(f"g{group}")
    for poster in range(80):  # posters with a phone, each reusing a template of its own
        template = [rng.randrange(4) for _ in ROLES]
        name, city = rng.choice(OTHER_NAMES), rng.choice(OTHER_CITIES)
        phone = f"+336120{poster:05d}"
        for _ in range(rng.randint(3, 5)):
            text = _ad(rng, template, (name,), city, f"Appelle le 0{phone[3:]}.")
            posts.append({"text": text, "phones": [phone]})
            actors.append(f"p{poster}")
    return posts, actors


def test_an_edited_template_without_contacts_links_and_groups_stay_apart():
    posts, actors = _corpus()
    result = link_posts(link_input(posts), SMALL_CORPUS)
    labels = result.labels
    for group in range(3):
        members = [i for i, a in enumerate(actors) if a == f"g{group}"]
        assert len(set(labels[members].tolist())) == 1, group
    group_labels = {int(labels[actors.index(f"g{g}")]) for g in range(3)}
    assert len(group_labels) == 3
    others = [i for i, a in enumerate(actors) if a.startswith("p")]
    assert not group_labels & set(labels[others].tolist())


def test_average_linkage_stops_where_groups_are_no_longer_alike_on_average():
    # two tight triangles joined by one fairly similar pair: average linkage keeps them apart
    left = np.array([0, 0, 1, 3, 3, 4, 2])
    right = np.array([1, 2, 2, 4, 5, 5, 3])
    similarity = np.array([0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.5])
    labels = average_linkage(6, left, right, similarity, 0.2)
    assert len(set(labels[:3].tolist())) == 1
    assert len(set(labels[3:].tolist())) == 1
    assert labels[0] != labels[3]


def test_posts_from_two_author_accounts_are_not_grouped_by_wording():
    # one group's edited template, posted from two accounts: an account is a contact, so
    # the grouping of posts without contacts must not join the two (they disagree)
    posts, actors = _corpus()
    for index, actor in enumerate(actors):
        if actor == "g0":
            posts[index]["author"] = "acc-left" if index < 4 else "acc-right"
    labels = link_posts(link_input(posts), SMALL_CORPUS).labels
    left = {int(labels[i]) for i in range(4)}
    right = {int(labels[i]) for i in range(4, 8)}
    assert len(left) == 1 and len(right) == 1
    assert left != right
