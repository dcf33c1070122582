"""Hub detection decides a value from its own posts alone (what the Spark linker relies on)."""

import numpy as np

from sentinelle.link.hubs import hub_values
from sentinelle.link.identifiers import Incidence, incidence

MIN_POSTS, MIN_CONTEXTS = 4, 5
POSTS = 316


def _corpus(seed: int):
    """Posters with phones of their own (some on two posts), hotel numbers many of them give,
    a group's phone on its personas' posts, text links inside some posters; and a hotel whose
    guests show a handle of their own only on posts without its number (only the corpus
    counts tell that handle is theirs)."""
    rng = np.random.default_rng(seed)
    phones, handles = [], []
    for post in range(300):
        own = [f"+336{post // 2:05d}"]
        if rng.random() < 0.15:
            own.append(f"+3347200{rng.integers(0, 3)}")  # one of three hotels
        if post % 40 < 6:
            own.append(f"+3361111{post // 40}")  # a group's phone, six personas
        phones.append(own)
        handles.append([f"snap:user{post // 3}"] if rng.random() < 0.3 else [])
    for guest in range(8):  # a hotel whose guests give only a handle, also used elsewhere
        phones.append(["+33472009"])
        handles.append([f"snap:guest{guest}"])
    for guest in range(8):
        phones.append([])
        handles.append([f"snap:guest{guest}"])
    links = (np.arange(0, 300, 10), np.arange(1, 300, 10))
    return {"phone": incidence(phones), "handle": incidence(handles)}, links


def _frequent_posts_only(found: dict[str, Incidence]):
    """Every value of the posts carrying a value seen on enough posts to be a hub, with the
    corpus counts (`totals`), and the original number of each value kept."""
    least = max(MIN_POSTS, MIN_CONTEXTS)
    posts = np.unique(np.concatenate([
        f.post[(f.posts_per_value() >= least)[f.value]] for f in found.values()
    ]))  # fmt: skip
    part, totals, ids = {}, {}, {}
    for kind, f in found.items():
        chosen = np.isin(f.post, posts)
        ids[kind], local = np.unique(f.value[chosen], return_inverse=True)
        part[kind] = Incidence(f.post[chosen], local, [f.values[i] for i in ids[kind]])
        totals[kind] = f.posts_per_value()[ids[kind]]
    return part, totals, ids


def test_hubs_from_the_posts_of_frequent_values_are_the_corpus_hubs():
    for seed in (1, 2, 3):
        found, links = _corpus(seed)
        whole = hub_values(found, links, POSTS, MIN_POSTS, MIN_CONTEXTS)
        assert whole["phone"].sum() >= 2  # hotels are hubs, the group's phones are not
        assert not whole["phone"][found["phone"].values.index("+33611110")]
        assert whole["phone"][found["phone"].values.index("+33472009")]
        part, totals, ids = _frequent_posts_only(found)
        assert len(np.unique(part["phone"].post)) < 150
        found_part = hub_values(part, links, POSTS, MIN_POSTS, MIN_CONTEXTS, totals)
        for kind in found:
            expected = np.zeros(len(found[kind].values), bool)
            expected[ids[kind][found_part[kind]]] = True
            assert (expected == whole[kind]).all(), (seed, kind)
