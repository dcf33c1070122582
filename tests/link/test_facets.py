"""The stated facts of posts without contacts, taken from what extraction stored, are the facts
read from the text: linking gives the same networks without reading prices, ages and places
twice."""

from __future__ import annotations

import numpy as np
import pytest

from sentinelle.extract import extract_post
from sentinelle.link.facets import facet_incidence, stated_facets
from sentinelle.link.prepare import link_text
from sentinelle.pipeline.analyze import analysis_rows
from sentinelle.records import Post

POSTS = [
    (None, "Coucou, Léa ici, 23 ans. De passage à Lyon. Tarif 150€, 2h : 280€."),
    ("Carla, 13 • Lyon", "Carla, née en 2012, de passage. Réponds à l'annonce."),
    (None, "Carla, 13 • Lyon Carla, née en 2012, de passage. Messagerie du site."),
    ("Mirela, 1️⃣6️⃣ ans", "Installée à Nantes, 100 euros la demi-heure, 200 € le rendez-vous."),
    ("Nouvelle", "Bianca 19 ans, Lille ou Roubaix, dispo le soir. 120€"),
    (None, "Studio au rez-de-chaussée, code postal 69003, le 01/05/2026 de 14h30 à 23h45."),
]


def stored(title: str | None, text: str) -> tuple[str, str, str]:
    """What `analyze` stores for the post: prices, stated_ages and mentions as JSON text."""
    post = Post("tableau-local", "1", "ad", text, "2026-05-01T10:00:00+02:00", title=title)
    row = analysis_rows([(1, post)], [extract_post(post)], 0.0)[0][0]
    return row["prices"], row["stated_ages"], row["mentions"]


@pytest.mark.parametrize(("title", "text"), POSTS)
def test_facets_from_the_stored_extraction_are_the_facets_read_from_the_text(title, text) -> None:
    texts = [link_text(title, text)]
    read = np.array([0])
    from_text = facet_incidence(texts, read)
    from_store = facet_incidence(texts, read, [stored(title, text)])
    assert set(from_store.values) == set(from_text.values) == set(stated_facets(texts[0]))


def test_only_the_posts_asked_for_get_facets() -> None:
    texts = [link_text(title, text) for title, text in POSTS]
    found = facet_incidence(texts, np.array([1, 3]), [stored(t, x) for t, x in POSTS])
    assert set(found.post.tolist()) == {1, 3}
