"""Entity-level propagation: a minor cue on one post of a network raises its other posts.

This is how an analyst reads a network: if one of its ads states "16 ans", the others are
looked at as possibly the same minor. The raised posts carry a `network.minor_cue` indicator
that names the post and the words the cue came from.
"""

from __future__ import annotations

from sentinelle.indicators.indicator import Indicator
from sentinelle.score.decide import carrier
from sentinelle.score.scoring import PostScore

MINOR_EVIDENCE = (
    "age.stated_minor",
    "age.disguised_minor",
    "youth.language",
    "youth.school",
    "youth.school_level",
)
STRENGTH = 1.0  # a raised post gets this share of the source post's score (same persona)
# A post stating only ages of 20 and over contradicts a minor cue lent by its persona.
ADULT = "age.stated_adult"


def _best_sources(
    scores: list[PostScore], network_ids: list[str | None], threshold: float, givers: list[bool]
):
    best: dict[str, tuple[PostScore, Indicator]] = {}
    for result, network, gives in zip(scores, network_ids, givers, strict=True):
        if network is None or not gives or result.scores["minor"] < threshold:
            continue
        cue = next((i for i in result.indicators if i.code in MINOR_EVIDENCE), None)
        if cue is None:
            continue
        known = best.get(network)
        if known is None or result.scores["minor"] > known[0].scores["minor"]:
            best[network] = (result, cue)
    return best


REVIEW_MARGIN = 0.999  # a raised post without its own cue stays just under the threshold


def propagate_minor(
    scores: list[PostScore],
    network_ids: list[str | None],
    threshold: float,
    *,
    flag_raised: bool = True,
    givers: list[bool] | None = None,
    also_from: list[list[str]] | None = None,
) -> list[PostScore]:
    """New scores where each network's strongest flagged minor cue raises its other posts.

    A raised post that has no minor evidence of its own and states only adult ages is lifted to
    just under the threshold (with `flag_raised=False`, every raised post without its own cue):
    it rises in the review queue with the cue's evidence, but a person decides. `givers` (one
    per post, default all) says which posts may be a source: an ad presenting several people may
    be raised by one of them, but its "16 ans" may be the other's, so it raises no one.
    `also_from` (one list per post) names further keys a post may be raised from: the other
    first names of a multi-person ad.
    """
    givers = givers if givers is not None else [True] * len(scores)
    also_from = also_from if also_from is not None else [[] for _ in scores]
    sources = _best_sources(scores, network_ids, threshold, givers)
    raised = []
    for result, network, gives, more in zip(scores, network_ids, givers, also_from, strict=True):
        found = [sources[key] for key in (network, *more) if key is not None and key in sources]
        found = [source for source in found if source[0] is not result]
        source = max(found, key=lambda source: source[0].scores["minor"], default=None)
        if source is None:
            raised.append(result)
            continue
        origin, cue = source
        lifted = max(result.scores["minor"], STRENGTH * origin.scores["minor"])
        codes = {i.code for i in result.indicators}
        # an adult age of a multi-person ad (gives False) may be the other woman's
        adult = ADULT in codes and gives
        if codes.isdisjoint(MINOR_EVIDENCE) and (not flag_raised or adult):
            lifted = max(result.scores["minor"], min(lifted, REVIEW_MARGIN * threshold))
        evidence = f"{origin.source}/{origin.id}: {cue.evidence}"
        lifted_post = PostScore(
            result.source,
            result.id,
            {**result.scores, "minor": lifted},
            {**result.flags, "minor": lifted >= threshold},
            [*result.indicators, Indicator("network.minor_cue", evidence)],
            result.flagged_by,
        )
        raised.append(_reflag(lifted_post, threshold))
    return raised


def _reflag(result: PostScore, threshold: float) -> PostScore:
    """The minor flag of a raised post again through `score.decide` (a flag keeps its carrier;
    a deciding indicator still flags)."""
    code, decisive = carrier("minor", [i.code for i in result.indicators], result.flags["minor"])
    scores = result.scores
    if decisive:
        scores = {**scores, "minor": max(scores["minor"], threshold)}
    return PostScore(
        result.source,
        result.id,
        scores,
        {**result.flags, "minor": code is not None},
        result.indicators,
        {**result.flagged_by, "minor": code},
    )
