"""Score a batch of posts: indicators, features, calibrated probabilities, flags."""

from __future__ import annotations

from dataclasses import dataclass, field

from scipy import sparse

from sentinelle.indicators.entity import entity_indicators
from sentinelle.indicators.indicator import LABELS, Indicator
from sentinelle.indicators.matcher import match_indicators
from sentinelle.records import Extraction, Post
from sentinelle.score.decide import decide
from sentinelle.score.features import FeatureLayout, feature_matrix
from sentinelle.score.model import ScoringModel, default_model
from sentinelle.text.normalize import fold


@dataclass(slots=True)
class PostScore:
    """The export contract's `scores`, `flags` and `indicators` for one post."""

    source: str
    id: str
    scores: dict[str, float]
    flags: dict[str, bool]
    indicators: list[Indicator]
    flagged_by: dict[str, str | None] = field(default_factory=dict)

    def to_export(self) -> dict:
        return {
            "scores": {label: round(self.scores[label], 4) for label in LABELS},
            "flags": dict(self.flags),
            "indicators": [indicator.to_export() for indicator in self.indicators],
        }

    def decided(self, thresholds: dict[str, float]) -> PostScore:
        """This post with flags (and `flagged_by`) after the rules of `score.decide`."""
        scores, flags, flagged_by = decide(
            self.scores, [i.code for i in self.indicators], thresholds
        )
        return PostScore(self.source, self.id, scores, flags, self.indicators, flagged_by)


def _merge_facts(
    entity_facts: list[dict[str, float]], network_features: list[dict[str, float]] | None
) -> list[dict[str, float]]:
    if network_features is None:
        return entity_facts
    return [
        {**own, **(linked or {})}
        for own, linked in zip(entity_facts, network_features, strict=True)
    ]


def post_features(
    layout: FeatureLayout,
    posts: list[Post],
    extractions: list[Extraction],
    network_features: list[dict[str, float]] | None = None,
    network_ids: list[str | None] | None = None,
) -> tuple[sparse.csr_matrix, list[list[Indicator]]]:
    """The feature matrix of a batch and the indicators that fired on each post."""
    folded = [fold(post.text) for post in posts]
    own = [
        match_indicators(post.text, extraction, text)
        for post, extraction, text in zip(posts, extractions, folded, strict=True)
    ]
    linked, facts = entity_indicators(posts, extractions, own, network_ids)
    fired = [mine + theirs for mine, theirs in zip(own, linked, strict=True)]
    facts = _merge_facts(facts, network_features)
    return feature_matrix(layout, posts, folded, extractions, fired, facts), fired


def score_posts(
    posts: list[Post],
    extractions: list[Extraction],
    network_features: list[dict[str, float]] | None = None,
    model: ScoringModel | None = None,
    network_ids: list[str | None] | None = None,
) -> list[PostScore]:
    """Calibrated scores, flags (deciding indicators, else the model's threshold with evidence,
    see `score.decide`) and indicators, one per post.

    Contact-level indicators are computed over this batch: pass every post that may share a
    contact (or the linker's `network_features`, one dict of named numbers per post).
    `network_ids` (the linker's, one per post) let persona facts read the same first name
    across a network, not only behind one contact or photo.
    """
    model = model or default_model()
    if not posts:
        return []
    features, fired = post_features(model.layout, posts, extractions, network_features, network_ids)
    probabilities = model.probabilities(features).tolist()
    results = []
    for post, row, indicators in zip(posts, probabilities, fired, strict=True):
        scores = dict(zip(LABELS, row, strict=True))
        flags = {label: scores[label] >= model.thresholds[label] for label in LABELS}
        result = PostScore(post.source, post.id, scores, flags, indicators)
        results.append(result.decided(model.thresholds))
    return results


def score_text(text: str, kind: str = "ad", model: ScoringModel | None = None) -> PostScore:
    """Score one text without storage (the moderators' API): extraction, then `score_posts`."""
    from sentinelle.extract import extract_post

    post = Post(
        source="api", id="text", kind=kind, text=text, posted_at="1970-01-01T00:00:00+00:00"
    )
    return score_posts([post], [extract_post(post)], None, model)[0]
