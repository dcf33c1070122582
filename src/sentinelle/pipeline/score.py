"""The scoring step of `analyze`: calibrated scores, flags and indicators for analysed posts.

Runs after linking, over whole networks at a time (see `store.scoring`), so that contact-level
indicators and the propagation of a minor cue inside a network see every post they concern.
"""

from __future__ import annotations

import orjson

from sentinelle.export.posts import FLAG_BITS
from sentinelle.indicators.entity import presents_several
from sentinelle.indicators.indicator import LABELS
from sentinelle.link.personas import personas
from sentinelle.records import Extraction, Post
from sentinelle.score.model import default_model
from sentinelle.score.propagation import propagate_minor
from sentinelle.score.scoring import score_posts
from sentinelle.store.posts import posts_from_rows
from sentinelle.store.scoring import extraction_from_row


def _persona_key(
    post: Post, extraction: Extraction, network_id: str | None
) -> tuple[str | None, bool]:
    """Who a post advertises, its network and the first name it gives, and whether its minor
    cue may spread to that persona.

    A minor cue spreads to the other posts of the same persona in a network, not to the whole
    network: a group advertises adults and minors side by side. An ad presenting several people
    ("2 copines", two names and two ages) may be raised by its first name's persona, but gives
    nothing: its "16 ans" may be the other woman's.
    """
    if network_id is None:
        return None, False
    names = personas(f"{post.title or ''}\n{post.text}")
    if not names:
        return None, False
    return f"{network_id}/{names[0]}", not presents_several(post, extraction)


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
        _persona_key(post, extraction, row[-1])
        for (_, post), extraction, row in zip(pairs, extractions, rows, strict=True)
    ]
    scored = propagate_minor(
        scored,
        [key for key, _ in keyed],
        model.thresholds["minor"],
        flag_raised=True,
        givers=[gives for _, gives in keyed],
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
