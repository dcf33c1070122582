"""Issue #10's cases: templates shared by groups, edited templates, disagreement, chaining."""

import random

import numpy as np

from sentinelle.link.batch import link_posts
from sentinelle.link.config import LinkConfig
from tests.link.builders import link_input, own_words

RECRUITMENT = (
    "Tu veux te faire de l'argent vite ? Appart fourni sur {city}, on s'occupe de tout "
    "(annonces, clients, securite). Ecris a {handle} pour commencer des cette semaine",
    "Recherche filles motivees pour travailler sur {city}, logement offert, gains rapides "
    "chaque semaine, deplacements payes, ecris vite a {handle} pour les details",
    "Besoin d'argent rapidement ? Nous fournissons le logement a {city} et la publicite, "
    "tu gardes ta part, tout est organise pour toi, contact {handle} sans attendre",
)
CITIES = ("Lyon", "Metz", "Reims", "Tours", "Nantes", "Lille", "Rennes", "Brest")


def _shared_template_groups(groups: int) -> tuple[list[dict], list[int]]:
    """Small networks, each with its own phone and controller handle and its own ads, each
    also posting recruitment offers copied from the same three texts."""
    posts, truth = [], []
    for group in range(groups):
        handle = f"telegram:boss{group:03d}x"
        phone = f"+336120{group:05d}"
        for ad in range(3):
            posts.append({"text": own_words(1000 * group + ad, 12), "phones": [phone]})
            truth.append(group)
        posts[-1]["handles"] = [handle]
        for offer in range(2):
            text = RECRUITMENT[(group + offer) % 3].format(
                city=CITIES[(group + offer) % len(CITIES)], handle="@" + handle.split(":")[1]
            )
            posts.append({"text": text, "handles": [handle]})
            truth.append(group)
    return posts, truth


def test_a_template_shared_by_groups_with_different_contacts_does_not_merge_them():
    posts, truth = _shared_template_groups(40)
    result = link_posts(link_input(posts))
    truth = np.array(truth)
    for label in np.unique(result.labels):
        assert len(set(truth[result.labels == label].tolist())) == 1
    for group in range(40):
        assert len(set(result.labels[truth == group].tolist())) == 1
    # the copies are kept as a relation between networks, never as a merge
    left, right = result.templates
    assert len(left) > 0
    assert (result.labels[left] != result.labels[right]).all()


BASE = [
    "studio calme au fond de l'impasse des glycines",
    "entree discrete par le portail vert",
    "parking gratuit juste derriere la boulangerie",
    "rendez-vous confirme la veille par message",
    "douche et serviettes propres a disposition",
    "horaires souples le week-end aussi",
]
SYNONYMS = {"calme": "tranquille", "gratuit": "offert", "souples": "flexibles", "propres": "nettes"}


def _edited(version: int) -> str:
    """The poster's template with small edits: a synonym, a sentence dropped, the order
    changed, a typo, another name, city and price."""
    sentences = list(BASE)
    if version % 2:
        sentences = sentences[3:] + sentences[:3]
    if version % 3 == 1:
        sentences.pop(version % len(sentences))
    words = " . ".join(sentences).split()
    for index in range(version % 4, len(words), 7):
        words[index] = SYNONYMS.get(words[index], words[index])
    if version % 3 == 2:
        words[5] = words[5][:2] + words[5][3:]  # a typo
    name, city = ("Lea", "Nour", "Ines", "Jade")[version % 4], CITIES[version % len(CITIES)]
    return f"{name} sur {city}. {' '.join(words)}. {80 + 10 * version} euros."


def test_an_edited_template_links_without_any_identifier():
    posts = [{"text": _edited(version)} for version in range(8)]
    posts += [{"text": own_words(50 + i, 14), "phones": [f"+3361100{i:04d}"]} for i in range(60)]
    result = link_posts(link_input(posts))
    assert len(set(result.labels[:8].tolist())) == 1
    assert not set(result.labels[:8].tolist()) & set(result.labels[8:].tolist())


def test_contacts_that_disagree_stop_a_text_merge_that_no_contacts_allow():
    # two posts sharing half their wording: alike enough to link, not alike enough to
    # overcome two different phones
    texts = ["Lea sur Lyon. " + " . ".join(BASE), "Nour sur Metz. " + " . ".join(BASE[:4])]
    texts[1] += " . " + own_words(9, 10)
    background = [
        {"text": own_words(300 + i, 14), "phones": [f"+3361300{i:04d}"]} for i in range(60)
    ]
    loose = link_posts(link_input([{"text": t} for t in texts] + background))
    assert loose.labels[0] == loose.labels[1]
    apart = [{"text": t, "phones": [f"+3361400000{i}"]} for i, t in enumerate(texts)]
    tight = link_posts(link_input(apart + background))
    assert tight.labels[0] != tight.labels[1]
    refused = tight.edges.hub & (tight.edges.kind == 4)  # kept as evidence, flagged not used
    assert refused.sum() == 1


def test_identical_texts_join_a_group_that_rotates_phones():
    text = own_words(77, 16)
    posts = [{"text": f"{name} {text}", "phones": [f"+336150000{i}"]}
             for i, name in enumerate(("Lea", "Nour", "Ines"))]  # fmt: skip
    posts += [{"text": own_words(400 + i, 14), "phones": [f"+3361600{i:04d}"]} for i in range(60)]
    result = link_posts(link_input(posts))
    assert len(set(result.labels[:3].tolist())) == 1


def test_disagreement_needs_the_configured_text_level():
    text = own_words(78, 16)
    posts = [{"text": text, "phones": ["+33615000001"]}, {"text": text, "phones": ["+33615000002"]}]
    posts += [{"text": own_words(500 + i, 14)} for i in range(20)]
    assert link_posts(link_input(posts)).labels[0] == link_posts(link_input(posts)).labels[1]
    never = LinkConfig(disagree_min_score=1.1)  # no text is strong enough
    result = link_posts(link_input(posts), never)
    assert result.labels[0] != result.labels[1]


def _edited_with_phone(rng: random.Random, template: list[str], phone: str) -> str:
    """One version of a poster's ad: a sentence dropped, the rest reordered, a synonym
    swapped, a typo, another name, city and price; the phone is written in the text but not
    extracted (a range for fiction, outside the plan)."""
    sentences = list(template)
    sentences.pop(rng.randrange(len(sentences)))
    rng.shuffle(sentences)
    words = " . ".join(sentences).split()
    for i, word in enumerate(words):
        words[i] = SYNONYMS.get(word, word) if rng.random() < 0.5 else word
    typo = rng.randrange(len(words))
    words[typo] = words[typo][:2] + words[typo][3:]
    name, city = rng.choice(("Lea", "Nour", "Ines", "Jade")), rng.choice(CITIES)
    price = rng.choice((80, 100, 120, 150, 200))
    return f"{name} sur {city}. {' '.join(words)}. {price} euros. Appelle-moi au {phone}"


def test_an_edited_template_whose_phone_extraction_missed_links():
    # one poster edits its template in every ad (a sentence dropped, the rest reordered,
    # synonyms, a typo, another name, city and price) and writes a number that extraction did
    # not read; other posters give their own phones and wording
    rng = random.Random(7)
    posts = [{"text": _edited_with_phone(rng, BASE, "06 39 98 41 27")} for _ in range(8)]
    posts += [{"text": own_words(50 + i, 14), "phones": [f"+3361100{i:04d}"]} for i in range(60)]
    result = link_posts(link_input(posts))
    assert len(set(result.labels[:8].tolist())) == 1
    assert not set(result.labels[:8].tolist()) & set(result.labels[8:].tolist())


def test_groups_pasting_one_offer_beside_their_own_written_numbers_do_not_merge():
    posts, truth = _shared_template_groups(40)
    for post in posts:
        if post.get("phones"):
            digits = post["phones"][0][4:]
            post["text"] += f" tel 06 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
    result = link_posts(link_input(posts))
    truth = np.array(truth)
    for label in np.unique(result.labels):
        assert len(set(truth[result.labels == label].tolist())) == 1
