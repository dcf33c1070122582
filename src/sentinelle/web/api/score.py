"""`POST /api/score`: score a text without storing it, for platform moderators."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from sentinelle.auth.roles import Actor
from sentinelle.score.model import default_model
from sentinelle.score.scoring import score_text
from sentinelle.web.api.models import ScoreIn, ScoreOut
from sentinelle.web.api.text_safety import check_storable
from sentinelle.web.security import api

router = APIRouter(prefix="/api", tags=["score"])


def score(text: str, kind: str) -> dict:
    """The scoring step's answer in the export contract's shape, with each label's threshold,
    the indicator that carries each flag (`flagged_by`) and the model's version."""
    model = default_model()
    result = score_text(text, kind, model)
    return {
        **result.to_export(),
        "threshold": {label: round(value, 4) for label, value in model.thresholds.items()},
        "flagged_by": dict(result.flagged_by),
        "model": model.version,
    }


@router.post("/score", response_model=ScoreOut)
def score_post(body: ScoreIn, actor: Annotated[Actor, Depends(api("api.score"))]) -> dict:
    """Scores, flags and indicators for one text (not stored, not logged beyond the request).

    `threshold` gives each label's operating threshold and `flagged_by` the indicator behind
    each flag: a stated age under 18, a school level or an explicit third party flags whatever
    the score; otherwise a flag needs the score at the threshold and an evidence indicator."""
    check_storable(body.text, "text")
    return score(body.text, body.kind)
