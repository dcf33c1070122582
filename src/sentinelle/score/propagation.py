"""Persona-level propagation: a minor cue repeated across a persona's ads raises all of them.

This is how an analyst reads a network: if the ads of one first name in a network state
"16 ans", or keep saying "toute jeune", the others are looked at as the same minor. One ad is
not enough: an adult writes a youth word now and then, and one flagged ad among sixty of an
adult's once lent its cue to all of them. The raised posts carry a `network.minor_cue`
indicator that names the post and the words the cue came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sentinelle.indicators.indicator import Indicator
from sentinelle.score.decide import carrier, deciding_codes
from sentinelle.score.scoring import PostScore

MINOR_EVIDENCE = (
    "age.stated_minor",
    "age.disguised_minor",
    "age.not_yet_adult",
    "youth.language",
    "youth.school",
    "youth.school_level",
)
# What a persona's ads are counted for: the cues above and youth emoji (one ad's emoji says
# little; the same person's ads showing 🍭 in one, "toute jeune" in another say more).
PERSONA_CUES = (*MINOR_EVIDENCE, "youth.emoji")
# What says an age under 18 outright: one such ad backs its persona on its own.
STATED = frozenset({"age.stated_minor", "youth.school_level", "age.not_yet_adult"})
STRENGTH = 1.0  # a raised post gets this share of the source post's score (same persona)
# A post stating only ages of 20 and over contradicts a minor cue lent by its persona.
ADULT = "age.stated_adult"
# A cue must repeat over the persona's ads, in varied words (two or more), in a quarter of them.
REPEATED_CUES = 2
CUE_SHARE = 0.25
# A persona whose ads say it this often is read as a minor even where an ad claims an adult age
# (ages are raised in ads; an adult's youth word is rare, one ad in twenty in one corpus).
STRONG_SHARE = 0.34
REVIEW_MARGIN = 0.999  # a raised post without its own cue stays just under the threshold


@dataclass(slots=True)
class _Persona:
    """What the single-person ads of one persona say: how many, with a cue, stating an age."""

    posts: int = 0
    cues: list[PostScore] = field(default_factory=list)
    stated: int = 0
    words: set[str] = field(default_factory=set)  # the cues' words, folded

    def backed(self) -> bool:
        """Its cue is the person's, not a word once used nor one phrase of a template."""
        return bool(self.stated) or (self._varied() and len(self.cues) >= CUE_SHARE * self.posts)

    def strong(self) -> bool:
        """Its cue outweighs an adult age an ad claims (one "16 ans" among adult ages may be
        another woman of the same first name)."""
        varied = self._varied() and len(self.cues) >= STRONG_SHARE * self.posts
        return self.stated >= REPEATED_CUES or varied

    def _varied(self) -> bool:
        # "jeune étudiante" in every ad of an adult's template is one cue, not a repeated one
        return len(self.cues) >= REPEATED_CUES and len(self.words) >= REPEATED_CUES


def _cue(result: PostScore, codes=MINOR_EVIDENCE) -> Indicator | None:
    return next((i for i in result.indicators if i.code in codes), None)


def _personas(
    scores: list[PostScore], keys: list[str | None], givers: list[bool]
) -> dict[str, _Persona]:
    personas: dict[str, _Persona] = {}
    for result, key, gives in zip(scores, keys, givers, strict=True):
        if key is None or not gives:
            continue
        persona = personas.setdefault(key, _Persona())
        persona.posts += 1
        if _cue(result, PERSONA_CUES) is not None:
            persona.cues.append(result)
            persona.words.update(
                i.evidence.casefold() for i in result.indicators if i.code in PERSONA_CUES
            )
            persona.stated += any(i.code in STATED for i in result.indicators)
    return personas


@dataclass(slots=True)
class _Source:
    origin: PostScore
    cue: Indicator
    score: float
    persona: _Persona


def _sources(personas: dict[str, _Persona], threshold: float) -> dict[str, _Source]:
    """Per backed persona, the ad its cue is shown from (the highest minor score) and the
    score it lends: that ad's if flagged, else the threshold (the persona, not one ad,
    carries the cue)."""
    sources = {}
    for key, persona in personas.items():
        if not persona.cues or not persona.backed():
            continue
        origin = max(persona.cues, key=lambda result: result.scores["minor"])
        score = max(origin.scores["minor"], threshold)
        sources[key] = _Source(origin, _cue(origin, PERSONA_CUES), score, persona)  # type: ignore[arg-type]
    return sources


def propagate_minor(
    scores: list[PostScore],
    network_ids: list[str | None],
    threshold: float,
    *,
    flag_raised: bool = True,
    givers: list[bool] | None = None,
    also_from: list[list[str]] | None = None,
) -> list[PostScore]:
    """New scores where each persona's repeated minor cue raises its other posts.

    `network_ids` are the persona keys (network and first name). A persona lends its cue when
    one of its ads states an age under 18 or a school level, or when its ads repeat a minor
    cue (see `_Persona.backed`). A raised post that has no minor evidence of its own and states
    only adult ages is lifted to just under the threshold unless the persona's cue is strong
    (with `flag_raised=False`, every raised post without its own cue): it rises in the review
    queue with the cue's evidence, but a person decides. `givers` (one per post, default all)
    says which posts count in a persona: an ad presenting several people may be raised by one
    of them, but its "16 ans" may be the other's, so it lends nothing. `also_from` (one list
    per post) names further keys a post may be raised from: the other first names of a
    multi-person ad.
    """
    givers = givers if givers is not None else [True] * len(scores)
    also_from = also_from if also_from is not None else [[] for _ in scores]
    sources = _sources(_personas(scores, network_ids, givers), threshold)
    raised = []
    for result, network, gives, more in zip(scores, network_ids, givers, also_from, strict=True):
        found = [sources[key] for key in (network, *more) if key is not None and key in sources]
        # the ad a cue is shown from is raised too when no ad of its persona was flagged
        found = [s for s in found if s.origin is not result or s.score > result.scores["minor"]]
        source = max(found, key=lambda source: source.score, default=None)
        if source is None:
            raised.append(result)
            continue
        lifted = max(result.scores["minor"], STRENGTH * source.score)
        codes = {i.code for i in result.indicators}
        # an adult age of a multi-person ad (gives False) may be the other woman's
        adult = ADULT in codes and gives and not source.persona.strong()
        if codes.isdisjoint(MINOR_EVIDENCE) and (not flag_raised or adult):
            lifted = max(result.scores["minor"], min(lifted, REVIEW_MARGIN * threshold))
        cues, posts = len(source.persona.cues), source.persona.posts
        evidence = (
            f"{source.origin.source}/{source.origin.id}: {source.cue.evidence}"
            f" (a minor cue in {cues} of {posts} ads)"
        )
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


def propagate_control(
    scores: list[PostScore],
    persona_keys: list[str | None],
    threshold: float,
    givers: list[bool] | None = None,
) -> list[PostScore]:
    """New scores where a persona's explicit third party ("c'est mon manager qui répond") flags
    its other ads: who runs a woman's ads does not change from one ad to the next, and the
    ads that do not say it read like an independent's. Only single-person ads lend it (a duo's
    manager may be the other woman's); any ad of the persona may be raised."""
    givers = givers if givers is not None else [True] * len(scores)
    deciding = deciding_codes("control")
    sources: dict[str, tuple[PostScore, Indicator]] = {}
    for result, key, gives in zip(scores, persona_keys, givers, strict=True):
        said = next((i for i in result.indicators if i.code in deciding), None)
        if key is not None and gives and said is not None:
            sources.setdefault(key, (result, said))
    raised = []
    for result, key in zip(scores, persona_keys, strict=True):
        source = sources.get(key) if key is not None else None
        if source is None or result.flags["control"]:
            raised.append(result)
            continue
        origin, said = source
        evidence = f"{origin.source}/{origin.id}: {said.evidence}"
        raised.append(
            PostScore(
                result.source,
                result.id,
                {**result.scores, "control": max(result.scores["control"], threshold)},
                {**result.flags, "control": True},
                [*result.indicators, Indicator("persona.third_party", evidence)],
                {**result.flagged_by, "control": "persona.third_party"},
            )
        )
    return raised
