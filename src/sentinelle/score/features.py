"""Feature matrices for the three models: indicators, character n-grams, extraction, network.

Layout of a row: [hashed n-gram TF-IDF | indicator counts | post facts | network facts].
The layout is recorded in the saved model so a model never reads features of another layout.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from sentinelle.indicators.catalogue import codes
from sentinelle.indicators.indicator import Indicator
from sentinelle.records import POST_KINDS, Extraction, Post
from sentinelle.score.ngrams import hashed_ngram_counts, tfidf

POST_FACTS = (
    *(f"kind.{kind}" for kind in POST_KINDS),
    "phones",
    "phones.obfuscated",
    "handles",
    "prices",
    "price.log_min",
    "price.short_unit",
    "emoji",
    "length.log",
    *(
        f"age.min_{bucket}"
        for bucket in ("none", "under_12", "12_15", "16", "17", "18", "19", "20_25", "over_25")
    ),
)


@dataclass(slots=True)
class FeatureLayout:
    """What the columns mean: n-gram sizes and buckets, indicator codes, named facts."""

    ngram_sizes: tuple[int, ...] = (3, 4)
    ngram_bits: int = 17
    indicator_codes: tuple[str, ...] = field(default_factory=lambda: tuple(codes()))
    network_names: tuple[str, ...] = ()
    idf: np.ndarray | None = None
    # Block weights: under L2 regularisation a smaller n-gram block costs the model more to
    # lean on, so it leans on the catalogue, which generalises beyond one corpus's phrasing.
    ngram_weight: float = 1.0
    indicator_weight: float = 1.0

    @property
    def width(self) -> int:
        return (
            (1 << self.ngram_bits)
            + len(self.indicator_codes)
            + len(POST_FACTS)
            + len(self.network_names)
        )


def _post_facts(post: Post, extraction: Extraction) -> list[float]:
    kind = [1.0 if post.kind == name else 0.0 for name in POST_KINDS]
    amounts = [price.amount for price in extraction.prices if price.amount > 0]
    short = any(price.unit and "min" in price.unit for price in extraction.prices)
    ages = [stated.age for stated in extraction.stated_ages]
    return [
        *kind,
        float(len(extraction.phones)),
        float(sum(hit.obfuscated for hit in extraction.phones)),
        float(len(extraction.handles)),
        float(len(extraction.prices)),
        math.log1p(min(amounts)) if amounts else 0.0,
        float(short),
        math.log1p(len(extraction.emoji)),
        math.log1p(len(post.text)) / 8,
        *_age_bucket(min(ages) if ages else None),
    ]


def _age_bucket(youngest: int | None) -> list[float]:
    """One-hot youngest stated age: the model learns how far "18 ans" is from "16 ans".

    Under 12 is its own bucket: a child mentioned by someone else (babysitting, tutoring).
    """
    if youngest is None:
        index = 0
    elif youngest < 12:
        index = 1
    elif youngest <= 15:
        index = 2
    elif youngest <= 19:
        index = youngest - 13
    else:
        index = 7 if youngest <= 25 else 8
    return [float(i == index) for i in range(9)]


def _dense_block(
    layout: FeatureLayout,
    posts: list[Post],
    extractions: list[Extraction],
    indicators: list[list[Indicator]],
    network_features: list[dict[str, float]] | None,
) -> np.ndarray:
    code_index = {code: i for i, code in enumerate(layout.indicator_codes)}
    n_codes, n_facts = len(code_index), len(POST_FACTS)
    block = np.zeros((len(posts), n_codes + n_facts + len(layout.network_names)), np.float32)
    for row, (post, extraction, fired) in enumerate(
        zip(posts, extractions, indicators, strict=True)
    ):
        for indicator in fired:
            column = code_index.get(indicator.code)
            if column is not None:
                block[row, column] = 1.0
        block[row, n_codes : n_codes + n_facts] = _post_facts(post, extraction)
        if network_features is not None:
            facts = network_features[row] or {}
            for i, name in enumerate(layout.network_names):
                block[row, n_codes + n_facts + i] = math.log1p(max(facts.get(name, 0.0), 0.0))
    return block


def feature_matrix(
    layout: FeatureLayout,
    posts: list[Post],
    folded_texts: list[str],
    extractions: list[Extraction],
    indicators: list[list[Indicator]],
    network_features: list[dict[str, float]] | None = None,
) -> sparse.csr_matrix:
    """The model input for a batch of posts (`layout.idf` must be fitted)."""
    if layout.ngram_sizes:
        counts = hashed_ngram_counts(folded_texts, layout.ngram_sizes, layout.ngram_bits)
        ngrams = tfidf(counts, layout.idf) if layout.idf is not None else counts
    else:  # no n-gram block: one empty column keeps the layout's arithmetic
        ngrams = sparse.csr_matrix((len(posts), 1 << layout.ngram_bits), dtype=np.float32)
    if layout.ngram_weight != 1.0:
        ngrams.data *= layout.ngram_weight
    dense = _dense_block(layout, posts, extractions, indicators, network_features)
    dense[:, : len(layout.indicator_codes)] *= layout.indicator_weight
    return sparse.hstack([ngrams, sparse.csr_matrix(dense)], format="csr", dtype=np.float32)


def column_names(layout: FeatureLayout) -> list[str]:
    """Names of the non-hashed columns, in order (for the model card and explanations)."""
    return [
        *(f"indicator:{code}" for code in layout.indicator_codes),
        *(f"post:{name}" for name in POST_FACTS),
        *(f"network:{name}" for name in layout.network_names),
    ]
