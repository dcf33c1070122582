"""The scoring step of `analyze`: calibrated scores, flags and indicators for analysed posts.

Runs after linking, over whole networks at a time (see `store.scoring`), so that contact-level
indicators and the propagation of a minor cue inside a network see every post they concern.
"""

from __future__ import annotations

from typing import NamedTuple

import orjson

from sentinelle.export.posts import FLAG_BITS
from sentinelle.indicators.entity import persona_names, presents_several
from sentinelle.indicators.indicator import LABELS, Indicator
from sentinelle.records import Extraction, Post
from sentinelle.score.model import default_model
from sentinelle.score.propagation import propagate_control, propagate_minor
from sentinelle.score.scoring import score_posts
from sentinelle.store.posts import posts_from_rows
from sentinelle.store.scoring import extraction_from_row


class PersonaKey(NamedTuple):
    """Whom a post advertises, for propagation: its persona key, whether its minor cue may
    spread, and the other personas a multi-person ad may be raised from."""

    key: str | None
    gives: bool
    also: list[str]


def _persona_key(
    post: Post,
    extraction: Extraction,
    network_id: str | None,
    fired: list[Indicator] | None = None,
) -> PersonaKey:
    """Who a post advertises: its network and the first name it gives.

    A minor cue spreads to the other posts of the same persona in a network, not to the whole
    network: a group advertises adults and minors side by side. An ad presenting several people
    by name ("Nina & Ana") or by two ages may be raised by any of its first names' personas, but
    gives nothing: its "16 ans" may be the other woman's. One that names one woman ("Maya, on
    est 2 filles") is hers. `fired`: the indicators scoring found, so
    the matcher is not run a second time.
    """
    names = persona_names(post) if network_id is not None else []
    if not names:
        return PersonaKey(None, False, [])
    keys = [f"{network_id}/{name}" for name in names]
    # "Maya ... on est 2 filles" names one woman: her cues are counted with her other ads, unless
    # it states two ages (one is the other woman's) or names the other woman too
    ages = {stated.age for stated in extraction.stated_ages}
    if (len(keys) > 1 or len(ages) > 1) and presents_several(post, extraction, fired):
        return PersonaKey(keys[0], False, keys[1:])
    return PersonaKey(keys[0], True, [])


def score_batch(rows: list[tuple]) -> list[dict]:
    """Rows of `iter_scoring_rows` in, score rows for `save_scores` out; pure, runs in workers."""
    if not rows:
        return []
    model = default_model()
    pairs = posts_from_rows([row[:12] for row in rows])
    extractions = [extraction_from_row(row) for row in rows]
    networks = [row[-1] for row in rows]
    scored = score_posts([post for _, post in pairs], extractions, None, model, networks)
    keyed = [
        _persona_key(post, extraction, row[-1], result.indicators)
        for (_, post), extraction, result, row in zip(pairs, extractions, scored, rows, strict=True)
    ]
    scored = propagate_minor(
        scored,
        [persona.key for persona in keyed],
        model.thresholds["minor"],
        flag_raised=True,
        givers=[persona.gives for persona in keyed],
        also_from=[persona.also for persona in keyed],
    )
    scored = propagate_control(
        scored,
        [persona.key for persona in keyed],
        model.thresholds["control"],
        givers=[persona.gives for persona in keyed],
    )
    out = []
    for (pk, _), result in zip(pairs, scored, strict=True):
        flags = sum(bit for label, bit in FLAG_BITS.items() if result.flags[label])
        out.append(
            {
                "post_pk": pk,
                **{f"score_{label}": float(result.scores[label]) for label in LABELS},
                "flags": flags,
                "indicators": orjson.dumps(
                    [indicator.to_export() for indicator in result.indicators]
                ).decode(),
            }
        )
    return out
