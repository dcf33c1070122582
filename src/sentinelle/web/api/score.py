"""`POST /api/score`: score a text without storing it, for platform moderators."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from sentinelle.auth.roles import Actor
from sentinelle.score.scoring import score_text
from sentinelle.web.api.models import ScoreIn, ScoreOut
from sentinelle.web.api.text_safety import check_storable
from sentinelle.web.security import api

router = APIRouter(prefix="/api", tags=["score"])


def score(text: str, kind: str) -> dict:
    """The scoring step's answer in the export contract's shape."""
    return score_text(text, kind).to_export()


@router.post("/score", response_model=ScoreOut)
def score_post(body: ScoreIn, actor: Annotated[Actor, Depends(api("api.score"))]) -> dict:
    """Scores, flags and indicators for one text (not stored, not logged beyond the request)."""
    check_storable(body.text, "text")
    return score(body.text, body.kind)
