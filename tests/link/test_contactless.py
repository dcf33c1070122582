import dataclasses
import random

import numpy as np

from sentinelle.link.batch import link_posts
from sentinelle.link.contactless import _weighed, average_linkage, photos_disagree, photos_of
from sentinelle.link.facets import facet_incidence, facets_of, stated_facets
from sentinelle.link.identifiers import incidence
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


COPIER_NAMES = ("Aline", "Berta", "Chloé", "Delia", "Emma", "Flora", "Greta", "Hanna", "Irina",
                "Jade", "Katia", "Lena", "Maya", "Nina", "Olga", "Petra", "Rosa", "Sonia",
                "Tina", "Ursula", "Vera", "Wanda", "Xena", "Yola", "Zoé", "Agnès", "Brune",
                "Célia", "Diane", "Elsa")  # fmt: skip
COPIER_CITIES = ("Amiens", "Annecy", "Avignon", "Bayonne", "Besançon", "Calais", "Chartres",
                 "Colmar", "Dunkerque", "Évreux", "Laval", "Limoges", "Lorient", "Mâcon",
                 "Niort", "Orléans", "Périgueux", "Poitiers", "Quimper", "Roanne", "Saintes",
                 "Sète", "Tarbes", "Troyes", "Valence", "Vannes", "Vichy", "Albi", "Agen",
                 "Blois")  # fmt: skip


def _copiers(seed: int = 5, photos: bool = True) -> tuple[list[dict], list[str]]:
    """Thirty independents giving no contact, each copying one of three common ads with her
    own name and city (and, with `photos`, a photo of her own), beside the groups of `_corpus`."""
    rng = random.Random(seed)
    posts, actors = _corpus(seed)
    boilerplates = [[rng.randrange(4) for _ in ROLES] for _ in range(3)]
    for poster in range(30):
        template = boilerplates[poster % 3]
        name, city = COPIER_NAMES[poster], COPIER_CITIES[poster]
        photo = f"{rng.getrandbits(64):016x}"
        for _ in range(rng.randint(2, 4)):
            sentences = [ROLES[role][variant] for role, variant in enumerate(template)]
            text = " ".join(sentences) + " " + rng.choice(NONE)
            post = {"text": text.format(name=name, city=city, hours=rng.choice(HOURS))}
            if photos:
                post["phashes"] = [photo]
            posts.append(post)
            actors.append(f"c{poster}")
    return posts, actors


def _merged_copiers(labels, actors) -> int:
    """Copiers whose posts share a network with another actor's posts."""
    owners: dict[int, set[str]] = {}
    for label, actor in zip(labels.tolist(), actors, strict=True):
        owners.setdefault(label, set()).add(actor)
    merged = {
        actor
        for label, actor in zip(labels.tolist(), actors, strict=True)
        if actor.startswith("c") and len(owners[label]) > 1
    }
    return len(merged)


def test_posters_copying_a_common_ad_without_contacts_stay_apart_by_their_photos():
    posts, actors = _copiers(photos=True)
    labels = link_posts(link_input(posts), SMALL_CORPUS).labels
    copiers: dict[int, set[str]] = {}
    for label, actor in zip(labels.tolist(), actors, strict=True):
        if actor.startswith("c"):
            copiers.setdefault(label, set()).add(actor)
    # no network holds more than a few copiers (before photos counted, 30 copies were one)
    assert max(len(held) for held in copiers.values()) <= 3
    assert sum(len(held) == 1 for held in copiers.values()) >= 20
    for poster in range(30):  # her own posts share her photo: one network
        assert len({int(labels[i]) for i, a in enumerate(actors) if a == f"c{poster}"}) == 1


def test_without_photos_asking_for_own_slots_keeps_more_copies_apart():
    posts, actors = _copiers(photos=False)
    merged = {}
    for slot_min in (0, 3):
        config = dataclasses.replace(SMALL_CORPUS, contactless_slot_min=slot_min)
        merged[slot_min] = _merged_copiers(link_posts(link_input(posts), config).labels, actors)
    # copies of one ad look alike: grouped by wording alone, 30 were merged (13 with the
    # own-slot test); a shape with 10+ near copies in 5+ towns, filled in two towns with no
    # first name or age stated by both, is two posters (`_weighed`, `shared`)
    assert merged[0] <= 5
    assert merged[3] <= merged[0]


def test_photos_disagree_only_when_both_show_photos_and_none_is_alike():
    # rows 0 and 1 show the same photo re-encoded (2 bits apart), row 2 another, row 3 none
    row = np.array([0, 1, 1, 2])
    hashes = np.array([0xF0F0, 0xF0F3, 0xAAAA0000, 0x0F0F0F0F0F0F], np.uint64)
    left, right = np.array([0, 0, 0, 2]), np.array([1, 2, 3, 3])
    assert photos_disagree((row, hashes), 4, left, right, 3).tolist() == [False, True, False, False]


def test_photos_of_maps_image_incidences_to_rows_of_the_posts_without_contacts():
    images = incidence([["00000000000000ff"], [], ["0000000000000001", "00000000000000ff"]])
    row, hashes = photos_of(images, np.array([1, 2]))
    assert row.tolist() == [1, 1]
    assert sorted(hashes.tolist()) == [1, 255]
    row, hashes = photos_of(images, np.zeros(0, np.int64))  # every post gives a contact
    assert len(row) == len(hashes) == 0


def _stating(posts: list[dict], actors: list[str], seed: int = 7) -> list[dict]:
    """The posts with each actor's own price and each first name's own age stated: a copier
    states hers; a group keeps one price while its persons' ages differ."""
    rng = random.Random(seed)
    prices: dict[str, int] = {}
    ages: dict[str, int] = {}
    stated = []
    for post, actor in zip(posts, actors, strict=True):
        price = prices.setdefault(actor, rng.choice((80, 100, 120, 150, 200, 250, 300)))
        name = next((n for n in NAMES + COPIER_NAMES if n in post["text"]), "")
        age = ages.setdefault(f"{actor}:{name}", rng.randint(19, 39))
        stated.append({**post, "text": f"{post['text']} {age} ans. Tarif {price}€."})
    return stated


def test_a_group_rotating_persons_of_different_ages_at_one_price_still_links():
    posts, actors = _copiers(photos=False)
    labels = link_posts(link_input(_stating(posts, actors)), SMALL_CORPUS).labels
    for group in range(3):
        members = [i for i, a in enumerate(actors) if a == f"g{group}"]
        assert len(set(labels[members].tolist())) == 1, group


BASE = 0.04  # a plain similarity low enough that no factor reaches the cap of 1


def _weigh(texts: list[str], left: list[int], right: list[int]) -> np.ndarray:
    """`_weighed` on a plain similarity of `BASE` for each pair of `texts`."""
    posts = np.arange(len(texts))
    facets = facets_of(facet_incidence(texts, posts), posts)
    return _weighed(np.full(len(left), BASE), facets, len(texts), np.array(left), np.array(right))


def test_two_copies_stating_other_prices_ages_and_cities_weigh_little():
    texts = [
        "Salut c'est Léa, 23 ans. Nouvelle sur Lyon. Tarif 150€.",
        "Salut c'est Léa, 23 ans. Nouvelle sur Lyon cette semaine. Tarif 150 euros.",
        "Salut c'est Sofia, 31 ans. Nouvelle sur Nantes. Tarif 200€.",
        "Salut c'est Inès, 20 ans. Nouvelle sur Lyon. Tarif 150€.",
        "Salut c'est Léa, 35 ans. Nouvelle sur Lyon. Tarif 150€.",
        "Salut. Nouvelle sur Lyon. Réponds à l'annonce.",
    ]
    same, copy, rotated, two_leas, bare = _weigh(texts, [0, 0, 0, 0, 5], [1, 2, 3, 4, 1])
    assert same > 5 * BASE  # one persona, one price, one town: far more than the wording says
    assert copy < 0.06 * BASE  # another price, age, name and city: another poster
    assert copy < rotated < same  # a group's other person, same price and city
    assert two_leas < rotated  # one first name with two ages: two persons
    assert bare < BASE  # nothing stated on one side: wording must be stronger


def test_one_persona_in_two_towns_weighs_more_than_a_first_name_or_a_town_alone():
    texts = [
        "Coucou c'est Kenza, 22 ans. Installée à Rouen pour 3 jours.",
        "Kenza ici, 22 ans, posée à Toulon ce week-end.",
        "Coucou c'est Kenza, 30 ans. Installée à Nantes pour 3 jours.",
        "Coucou c'est Sirine, 22 ans. Installée à Rouen jusqu'à dimanche.",
    ]
    persona, namesake, townmate = _weigh(texts, [0, 0, 0], [1, 2, 3])
    assert persona > 2 * BASE  # one first name with one age across two towns: one persona
    assert namesake < BASE  # one first name with two ages: two persons
    assert townmate < persona  # another person in the same town


def test_stated_facets_read_price_age_name_and_city():
    facets = stated_facets("Coucou, Léa ici, 23 ans. De passage à Lyon. Tarif 150€, 2h : 280€.")
    assert {"price:150", "age:23", "name:Léa", "city:Lyon"} <= set(facets)
    assert "price:280" not in facets  # a price for a duration is not the poster's price


OFFER = (
    "Bonjour, je loue une chambre meublée de {size} m² à {city}, {price} € par mois charges "
    "comprises. Proche commerces et transports en commun. Cuisine et salle de bain partagées. "
    "Disponible à partir du {day}/09. Merci de répondre par la messagerie du site."
)
TOWNS = (
    "Lyon", "Lille", "Nantes", "Rennes", "Dijon", "Metz", "Tours", "Brest", "Nice", "Paris",
    "Toulouse", "Bordeaux", "Grenoble", "Reims", "Caen", "Nancy", "Pau", "Angers", "Limoges",
    "Amiens", "Orléans", "Rouen", "Poitiers", "Besançon",
)  # fmt: skip


def test_a_room_offer_many_posters_fill_without_contacts_does_not_make_them_one_network():
    # 40 unrelated posters fill one shared offer with their own town, size, price and date
    # (towns and prices coincide by chance) and re-post it; the text-only groups of `_corpus`
    # re-post their own edited template: they still link, the offer's posters do not
    rng = random.Random(11)
    posts, actors = _corpus()
    for poster in range(40):
        slots = {"city": rng.choice(TOWNS), "size": rng.choice((9, 12, 15, 20)),
                 "price": rng.choice((400, 450, 500)), "day": rng.randint(1, 28)}  # fmt: skip
        for _ in range(rng.randint(1, 3)):
            posts.append({"text": OFFER.format(**slots)})
            actors.append(f"o{poster}")
    labels = link_posts(link_input(posts), SMALL_CORPUS).labels
    offered = [i for i, a in enumerate(actors) if a.startswith("o")]
    for label in set(labels[offered].tolist()):
        assert len({actors[i] for i in np.flatnonzero(labels == label)}) == 1
    for group in range(3):
        members = [i for i, a in enumerate(actors) if a == f"g{group}"]
        assert len(set(labels[members].tolist())) == 1, group
