"""What a post without contacts states about its poster: price, ages, first names, communes.

Shingles turn every number into one slot token, so two copies of one ad at 100 € and 250 €
look alike however the prices differ. Between posts giving no contact these facts are the
evidence left: a poster keeps her price (two posts stating different prices are probably two
posters), a person keeps her age (one first name with two ages is two persons), and a group's
ads rotate first names but keep their price. Read only for posts giving no contact (a few per
cent of a corpus), with the extraction stage's own readers.
"""

from __future__ import annotations

import numpy as np
import orjson

from sentinelle.extract.ages import _BIRTH_BEFORE as _BIRTH
from sentinelle.extract.ages import find_ages
from sentinelle.extract.prices import find_prices
from sentinelle.link.identifiers import Incidence, incidence
from sentinelle.link.personas import personas
from sentinelle.places.mentions import find_places

KINDS = ("price", "age", "name", "city")


def stated_facets(text: str) -> list[str]:
    """ "price:150", "age:23", "name:Léa", "city:Lyon" for each price, age, first name and
    commune the text states."""
    found = [f"price:{p.amount:g}" for p in find_prices(text) if p.unit is None]
    found += [f"age:{a.age}" for a in find_ages(text, None)]
    found += [f"name:{name}" for name in personas(text)]
    found += [f"city:{place.city}" for place in find_places(text)]
    return list(dict.fromkeys(found))


def stored_facets(prices: list[dict], ages: list[dict], places: list[dict], text: str) -> list[str]:
    """`stated_facets` from what extraction stored (`post_analysis` prices, stated_ages and
    mentions' places, as JSON), so the text is read again only for first names (extraction
    keeps none) and, in the few posts stating a birth year ("née en 2008": extraction reads it
    with the posting date, `stated_facets` without), for ages, which are then read as
    `stated_facets` reads them."""
    found = [f"price:{p['amount']:g}" for p in prices if p.get("unit") is None]
    if any(_from_birth_year(a["evidence"]) for a in ages):
        found += [f"age:{a.age}" for a in find_ages(text, None)]
    else:
        found += [f"age:{a['age']}" for a in ages]
    found += [f"name:{name}" for name in personas(text)]
    found += [f"city:{place['city']}" for place in places]
    return list(dict.fromkeys(found))


def _from_birth_year(evidence: str) -> bool:
    """An age read from a birth year: its evidence ends with the year after a birth cue."""
    head, year = evidence[:-4], evidence[-4:]
    return year.isdigit() and year[:2] in ("19", "20") and bool(_BIRTH.match(head.lower()))


def facet_incidence(
    texts: list[str], read: np.ndarray, extraction: list[tuple[str, str, str]] | None = None
) -> Incidence:
    """The facets of the posts numbered in `read` (others get none), over every post; from
    the stored `extraction` (prices, stated_ages, mentions JSON per post) when given."""
    per_post: list[list[str]] = [[] for _ in texts]
    for post in np.asarray(read, np.int64).tolist():
        if extraction is None:
            per_post[post] = stated_facets(texts[post])
        else:
            prices, ages, mentions = (orjson.loads(column) for column in extraction[post])
            places = mentions.get("places") or []
            per_post[post] = stored_facets(prices, ages, places, texts[post])
    return incidence(per_post)


def facets_of(facets: Incidence, posts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The facets of `posts` (post numbers, ascending) as (row in `posts`, value code, kind
    index in `KINDS`)."""
    row = np.searchsorted(posts, facets.post)
    inside = (row < len(posts)) & (posts[np.minimum(row, len(posts) - 1)] == facets.post)
    kind_of = np.fromiter(
        (KINDS.index(v.partition(":")[0]) for v in facets.values), np.int64, len(facets.values)
    )
    value = facets.value[inside]
    return row[inside], value, kind_of[value]


def compare(
    facets: tuple[np.ndarray, np.ndarray, np.ndarray], count: int, left, right
) -> tuple[np.ndarray, np.ndarray]:
    """Per pair of rows and per kind (columns in `KINDS` order): `states` (both sides state
    one of that kind) and `agrees` (they share one)."""
    row, value, kind = facets
    states = np.zeros((len(left), len(KINDS)), bool)
    agrees = np.zeros((len(left), len(KINDS)), bool)
    for k in range(len(KINDS)):
        mine = kind == k
        has = np.bincount(row[mine], minlength=count) > 0
        states[:, k] = has[left] & has[right]
        agrees[:, k] = _share(row[mine], value[mine], count, left, right)
    return states, agrees


def _share(row: np.ndarray, value: np.ndarray, count: int, left, right) -> np.ndarray:
    """Per pair: the left row carries a value the right row carries too."""
    if len(row) == 0 or len(left) == 0:
        return np.zeros(len(left), bool)
    order = np.argsort(row, kind="stable")
    row, value = row[order], value[order]
    sizes = np.bincount(row, minlength=count)
    starts = np.cumsum(sizes) - sizes
    width = sizes[left]
    pair = np.repeat(np.arange(len(left)), width)
    step = np.arange(width.sum()) - np.repeat(np.cumsum(width) - width, width)
    wanted = value[starts[left][pair] + step]
    held = np.sort(row * (value.max() + 1) + value)
    key = right[pair] * (value.max() + 1) + wanted
    found = held[np.minimum(np.searchsorted(held, key), len(held) - 1)] == key
    return np.bincount(pair, weights=found, minlength=len(left)) > 0
