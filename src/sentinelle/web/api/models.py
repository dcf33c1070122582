"""API bodies as the input contract defines them; the OpenAPI schema is generated from these."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["ad", "social_post", "profile", "message"]


class PostIn(BaseModel):
    """One post in the input contract; unknown fields are kept."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1, max_length=500)
    source: str = Field(min_length=1, max_length=200)
    kind: Kind
    text: str = Field(max_length=100_000)
    posted_at: str = Field(max_length=40, examples=["2024-03-13T01:00:00+01:00"])
    url: str | None = None
    city: str | None = None
    title: str | None = None
    author: str | None = None
    image_phashes: list[str] = Field(default_factory=list, max_length=100)


class ScoreIn(BaseModel):
    text: str = Field(max_length=100_000)
    kind: Kind = "ad"


class StoredOut(BaseModel):
    stored: int
    duplicates: int
    updated: int


class ScoreOut(BaseModel):
    scores: dict[str, float]
    flags: dict[str, bool]
    indicators: list[dict]
    threshold: dict[str, float] = Field(default_factory=dict)
    flagged_by: dict[str, str | None] = Field(default_factory=dict)
    model: str | None = None
