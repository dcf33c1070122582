"""A post's text cut into segments: plain text, indicator evidence to highlight, and
identifier occurrences to mask. Pure; the template escapes every segment."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sentinelle.privacy.masking import mask_in_text


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kind: str = "plain"  # plain | evidence | identifier
    note: str = ""  # the indicator code(s) for evidence


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    if len(needle.strip()) < 2:
        return []
    return [m.span() for m in re.finditer(re.escape(needle), text, flags=re.IGNORECASE)]


def segments(
    text: str, indicators: list[dict], identifiers_raw: list[str], reveal: bool = False
) -> list[Segment]:
    """Evidence of each indicator marked with its code; raw identifier occurrences masked
    (unless `reveal`). Where they overlap the identifier wins: masking beats highlighting."""
    marks: list[tuple[int, int, str, str]] = []
    for raw in identifiers_raw:
        marks += [(s, e, "identifier", "") for s, e in _spans(text, raw)]
    for indicator in indicators:
        evidence = str(indicator.get("evidence") or "")
        code = str(indicator.get("code") or "")
        marks += [(s, e, "evidence", code) for s, e in _spans(text, evidence)]
    marks.sort(key=lambda m: (m[0], m[2] != "identifier", -(m[1] - m[0])))
    result: list[Segment] = []
    position = 0
    for start, end, kind, note in marks:
        if start < position:
            continue  # overlaps an earlier mark
        if start > position:
            result.append(Segment(text[position:start]))
        piece = text[start:end]
        if kind == "identifier" and not reveal:
            piece = mask_in_text(piece)
        result.append(Segment(piece, kind, note))
        position = end
    if position < len(text):
        result.append(Segment(text[position:]))
    return result
