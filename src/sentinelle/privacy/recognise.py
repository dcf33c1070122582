"""Masking by recognition: find every identifier a displayed text carries, however written.

Masking only the written forms that extraction kept for a post leaves a second occurrence
written differently in clear ("0679139938" in the title, "06.79.13.99.38" in the text). Here
every span of shown text goes through the extractor's own public functions (so whatever
extraction learns to read, masking masks), plus e-mail addresses, the identifiers the post is
known to carry, and a last net for long digit runs the extractor would not read as a phone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sentinelle.extract.handles import find_handles, find_mentions
from sentinelle.extract.phones import find_phones
from sentinelle.privacy.masking import mask_in_text

_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
# Digit-like characters: any Unicode decimal digit, keycap marks, circled and super/subscript.
_DIGITISH = (
    r"\d⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉⓪①②③④⑤⑥⑦⑧⑨❶❷❸❹❺❻❼❽❾➀➁➂➃➄➅➆➇➈➊➋➌➍➎➏➐➑➒"
    "\ufe0f\u20e3"
)
# A run of digit-like characters joined by short separators (and O/o/l/I between digits).
_JOIN = r"[ .\-/_*|·•\u00a0\u202f\u2009]{1,3}"
_DIGIT_CLUSTER = re.compile(rf"\+?[{_DIGITISH}](?:[{_DIGITISH}OolI]|{_JOIN}(?=[{_DIGITISH}]))*")
_CLUSTER_DIGITS = 9  # fewer digits than any phone number the workspace would hide
_NAME_EDGE = r"[\w.]"


def _count_digits(cluster: str) -> int:
    count = 0
    for char in cluster:
        if char.isdigit() or unicodedata.category(char) == "No":
            count += 1
    return count


def identifier_spans(text: str, known: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of every phone, handle and e-mail in `text`.

    `known`: written forms or handle names the post is already known to carry, masked too
    wherever they occur (case ignored).
    """
    if not text:
        return []
    spans: list[tuple[int, int]] = []
    needles: set[str] = {k for k in known if k and len(k.strip()) >= 3}
    for hit in find_phones(text):
        needles.add(hit.raw)
    handles = find_handles(text)
    names = [handle.partition(":")[2] for handle in handles] + find_mentions(text, handles)
    for name in names:
        if len(name) >= 3:
            spans += _word_spans(text, name)
    for needle in needles:
        spans += [m.span() for m in re.finditer(re.escape(needle), text, flags=re.IGNORECASE)]
    if "@" in text:
        spans += [m.span() for m in _EMAIL.finditer(text)]
    spans = _merge(spans)
    # The last net: long digit runs the extractor did not read (a number it does not know),
    # where they do not touch what it read (a price or an age written right after a phone).
    for match in _DIGIT_CLUSTER.finditer(text):
        start, end = match.span()
        if _count_digits(match.group()) >= _CLUSTER_DIGITS and not any(
            s < end and start < e for s, e in spans
        ):
            spans.append((start, end))
    return _merge(spans)


def _word_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Occurrences of a handle name standing as a word (not inside a longer name)."""
    pattern = rf"(?<!{_NAME_EDGE}){re.escape(name)}(?!\w)"
    return [m.span() for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mask_text(text: str | None, known: Iterable[str] = ()) -> str:
    """`text` with every recognised identifier masked (first and last character kept)."""
    if not text:
        return text or ""
    spans = identifier_spans(text, known)
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(mask_in_text(text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)
