import numpy as np

from sentinelle.link.batch import link_posts
from sentinelle.link.incremental import build_index, link_new
from tests.link.builders import SMALL_CORPUS, boilerplate_posters, link_input, own_words

TEMPLATE = (
    "{name} nouvelle sur {city} cette semaine, recoit dans un appartement discret pres de la "
    "gare, entree par la cour interieure, sonner au deuxieme, rendez-vous pris la veille"
)


def _existing():
    posts = boilerplate_posters(30)
    posts += [{"text": own_words(200 + i), "phones": ["+33655000001"]} for i in range(3)]
    posts += [{"text": own_words(300 + i), "phones": ["+33655000002"]} for i in range(3)]
    posts += [
        {"text": TEMPLATE.format(name=n, city=c)} for n, c in [("Lea", "Lyon"), ("Ines", "Metz")]
    ]
    result = link_posts(link_input(posts), SMALL_CORPUS)
    return result, build_index(result, SMALL_CORPUS)


def test_new_posts_join_existing_components_by_phone_and_by_text():
    result, index = _existing()
    new = link_input(
        [
            {"text": own_words(400), "phones": ["+33655000001"]},
            {"text": TEMPLATE.format(name="Nour", city="Dijon")},
            {"text": own_words(401), "phones": ["+33655999999"]},
        ]
    )
    linked = link_new(index, new)
    assert linked.labels[0] == result.labels[30]
    assert linked.labels[1] == result.labels[36]
    assert linked.labels[2] not in set(result.labels.tolist())
    assert linked.merged == {}


def test_a_bridging_post_merges_two_components_into_the_smaller_label():
    result, index = _existing()
    first, second = int(result.labels[30]), int(result.labels[33])
    linked = link_new(
        index, link_input([{"text": own_words(500), "phones": ["+33655000001", "+33655000002"]}])
    )
    survivor = min(first, second)
    assert linked.labels[0] == survivor
    assert linked.merged == {max(first, second): survivor}


def test_incremental_agrees_with_a_full_run():
    posts = boilerplate_posters(30) + [
        {"text": TEMPLATE.format(name=n, city=c), "phones": [] if i % 2 else ["+33677000000"]}
        for i, (n, c) in enumerate(
            [("Lea", "Lyon"), ("Ines", "Metz"), ("Jade", "Brest"), ("Eva", "Nice")]
        )
    ]
    full = link_posts(link_input(posts), SMALL_CORPUS)
    base = link_posts(link_input(posts[:32]), SMALL_CORPUS)
    linked = link_new(build_index(base, SMALL_CORPUS), link_input(posts[32:]))
    labels = np.concatenate([base.labels, linked.labels])
    same_full = full.labels[:, None] == full.labels[None, :]
    same_incremental = labels[:, None] == labels[None, :]
    assert (same_full == same_incremental).all()
