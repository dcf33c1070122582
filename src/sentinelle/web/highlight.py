"""A post's text cut into segments: plain text, indicator evidence to highlight, and
identifier occurrences to mask. Pure; the template escapes every segment."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup, escape

from sentinelle.privacy.masking import mask_in_text
from sentinelle.privacy.recognise import identifier_spans


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
    """Evidence of each indicator marked with its code; every identifier the extractor
    recognises in the text, however written, masked (unless `reveal`), and the post's known
    written forms `identifiers_raw` too. Masking wins over highlighting where they overlap."""
    # One label per character: (kind, note, span id); identifiers are laid last so they win.
    labels: list[tuple[str, str, int]] = [("plain", "", -1)] * len(text)
    for indicator in indicators:
        code = str(indicator.get("code") or "")
        for start, end in _spans(text, str(indicator.get("evidence") or "")):
            for i in range(start, end):
                labels[i] = ("evidence", code, -1)
    for span_id, (start, end) in enumerate(identifier_spans(text, identifiers_raw)):
        for i in range(start, end):
            labels[i] = ("identifier", "", span_id)
    result: list[Segment] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and labels[i] == labels[start]:
            continue
        kind, note, _span = labels[start]
        piece = text[start:i]
        if kind == "identifier" and not reveal:
            piece = mask_in_text(piece)
        result.append(Segment(piece, kind, note))
        start = i
    return result


def cut_segments(items: list[Segment], limit: int) -> list[Segment]:
    """The first `limit` characters of already masked segments (a masked span cut short
    stays masked)."""
    kept: list[Segment] = []
    left = limit
    for item in items:
        if left <= 0:
            break
        kept.append(
            item if len(item.text) <= left else Segment(item.text[:left], item.kind, item.note)
        )
        left -= len(item.text)
    return kept


def _fold(char: str) -> str:
    """One character without accents, lower case (one for one, so offsets stay aligned)."""
    base = unicodedata.normalize("NFD", char)[:1] or char
    return base.lower()[:1] or char


def highlight_terms(text: str, query: str | None) -> Markup:
    """`text` escaped, with each word of the text search marked (case and accents ignored, as
    the search matches them)."""
    words = {w for w in (query or "").split() if len(w) >= 2}
    if not text or not words:
        return Markup(escape(text or ""))
    folded = "".join(_fold(c) for c in text)
    marks = [False] * len(text)
    for word in words:
        needle = "".join(_fold(c) for c in word)
        for match in re.finditer(re.escape(needle), folded):
            for i in range(*match.span()):
                marks[i] = True
    out, start = [], 0
    for i in range(1, len(text) + 1):
        if i < len(text) and marks[i] == marks[start]:
            continue
        piece = escape(text[start:i])
        out.append(f'<mark class="term">{piece}</mark>' if marks[start] else str(piece))
        start = i
    return Markup("".join(out))
