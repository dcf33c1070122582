import numpy as np

from sentinelle.link.rarity import ShingleRarity
from sentinelle.link.shingles import shingle_texts

COPIED = "appart fourni sur place on s'occupe de tout annonces clients securite ecris vite"
OWN = "studio au fond de l'impasse des glycines entree par le portail vert derriere"


def test_text_many_contact_groups_use_is_a_common_template_and_weighs_nothing_as_own():
    # five groups each post the copied offer once and their own text five times
    texts, groups = [], []
    for group in range(5):
        texts += [COPIED] + [f"{OWN} {group}"] * 5
        groups += [group] * 6
    shingles = shingle_texts(texts)
    rarity = ShingleRarity(12, boilerplate_floor=1000, template_groups=4, template_share=0.3)
    rarity.add(shingles)
    rarity.add_groups(shingles, np.array(groups))
    copied = rarity.slot_weights(own=True)[shingles.of(0) & 4095]
    own = rarity.slot_weights(own=True)[shingles.of(1) & 4095]
    assert (copied == 0).all()  # five groups, one post each: a common template
    assert (own > 0).any()  # five groups too, but each in all its posts: their own wording
    assert (rarity.slot_weights()[shingles.of(0) & 4095] > 0).all()  # still alike as shapes


def test_posts_without_identifiers_do_not_count_as_groups():
    shingles = shingle_texts([COPIED] * 6)
    rarity = ShingleRarity(12, boilerplate_floor=1000, template_groups=4)
    rarity.add(shingles)
    rarity.add_groups(shingles, np.full(6, -1))
    assert not rarity.template_slots().any()
