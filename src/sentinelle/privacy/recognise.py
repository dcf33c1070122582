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
_WORD_CHAR = re.compile(r"\w")


def _odd_case_characters() -> frozenset[str] | None:
    """Characters whose case-insensitive matching in `re` is not plain lower-case equality
    (ſ matches s, ı matches i, final sigma...), and İ, whose lower case is two characters;
    None when this Python does not say (every search then goes through `re`)."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:  # pragma: no cover - a Python without the table
        return None
    odd = {chr(c) for c, more in _EXTRA_CASES.items() for c in (c, *more) if c > 127}
    return frozenset(odd | {"İ"})


_ODD_CASE = _odd_case_characters()


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
    lowered = _plain_lower(text)
    for name in names:
        if len(name) >= 3:
            spans += _word_spans(text, name, lowered)
    for needle in needles:
        spans += _literal_spans(text, needle, lowered)
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


def _plain_lower(text: str) -> str | None:
    """`text` in lower case when a case-insensitive `re` search in it is plain equality of
    lower-case characters (no odd-case character, same length); else None."""
    if _ODD_CASE is None:
        return None
    lowered = text.lower()
    if len(lowered) != len(text) or not _ODD_CASE.isdisjoint(lowered):
        return None
    return lowered


def _occurrences(text: str, needle: str, lowered: str | None):
    """Start offsets where `re` would find `needle` (case ignored) scanning `text` from the
    left, each tried in turn; `lowered` from `_plain_lower(text)`. Found with str.find when
    both are plain: compiling a pattern per needle cost most of a cold page's masking (a
    network's posts carry hundreds of written forms, more than `re`'s cache holds)."""
    low = _plain_lower(needle) if lowered is not None else None
    if low is None:
        pattern = re.compile(re.escape(needle), flags=re.IGNORECASE)
        yield from (m.start() for m in pattern.finditer(text))
        return
    start = lowered.find(low)
    while start != -1:
        yield start
        start = lowered.find(low, start + 1)


def _literal_spans(text: str, needle: str, lowered: str | None) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of `needle`, case ignored (as `re.finditer` finds them)."""
    spans: list[tuple[int, int]] = []
    for start in _occurrences(text, needle, lowered):
        if not spans or start >= spans[-1][1]:
            spans.append((start, start + len(needle)))
    return spans


def _word_spans(text: str, name: str, lowered: str | None = None) -> list[tuple[int, int]]:
    """Occurrences of a handle name standing as a word (not inside a longer name)."""
    if lowered is None or _plain_lower(name) is None:
        pattern = rf"(?<!{_NAME_EDGE}){re.escape(name)}(?!\w)"
        return [m.span() for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    spans: list[tuple[int, int]] = []
    for start in _occurrences(text, name, lowered):
        end = start + len(name)
        if spans and start < spans[-1][1]:
            continue
        before = text[start - 1] if start else ""
        if before and (before == "." or _WORD_CHAR.match(before)):
            continue
        if end < len(text) and _WORD_CHAR.match(text, end):
            continue
        spans.append((start, end))
    return spans


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
