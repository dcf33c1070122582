"""From scores and indicators to flags, each flag carried by a named indicator.

Three rules, in order, per label:
1. A deciding indicator (a stated age under 18, a school level, an explicit third party) flags
   the label whatever the model says; its score is raised to the threshold, so that a list
   sorted by score never shows a flagged post under an unflagged one.
2. Otherwise the model flags at its threshold, but only when an evidence indicator of that label
   fired: a score with no evidence never flags (context alone is not a reason).
3. The flag names the indicator that carries it (`flagged_by`): the deciding one, else the first
   evidence indicator of the label in the post (the post's own text before the network's).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from sentinelle.indicators.catalogue import catalogue
from sentinelle.indicators.indicator import LABELS

# Cues that support a flag but never carry one alone: an obscured phone and one contact in
# several cities are common among independent adults who tour (frequent in one synthetic corpus,
# rare in the other: carried alone they flagged 28% of one corpus's independent adults).
SUPPORT_ONLY = frozenset({"contact.obfuscated", "control.many_cities"})


@cache
def _roles() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(label -> evidence codes, label -> deciding codes)."""
    evidence: dict[str, set[str]] = {label: set() for label in LABELS}
    deciding: dict[str, set[str]] = {label: set() for label in LABELS}
    for spec in catalogue().values():
        if spec.role != "evidence":
            continue
        for label in spec.labels:
            if spec.code not in SUPPORT_ONLY:
                evidence[label].add(spec.code)
            if spec.decides:
                deciding[label].add(spec.code)
    return (
        {label: frozenset(codes) for label, codes in evidence.items()},
        {label: frozenset(codes) for label, codes in deciding.items()},
    )


def evidence_codes(label: str) -> frozenset[str]:
    """Codes that may carry a flag of `label`."""
    return _roles()[0][label]


def deciding_codes(label: str) -> frozenset[str]:
    """Codes that flag `label` on their own."""
    return _roles()[1][label]


def carrier(label: str, codes: Iterable[str], flagged: bool = True) -> tuple[str | None, bool]:
    """(the code that carries a flag of `label` among fired `codes`, whether it decides).

    None when nothing the post shows may carry the flag. `flagged` is the model's decision: a
    deciding code carries a flag even when the model said no.
    """
    fired = list(codes)
    deciding = deciding_codes(label)
    for code in fired:
        if code in deciding:
            return code, True
    if not flagged:
        return None, False
    evidence = evidence_codes(label)
    return next((code for code in fired if code in evidence), None), False


def decide(
    scores: dict[str, float], codes: Iterable[str], thresholds: dict[str, float]
) -> tuple[dict[str, float], dict[str, bool], dict[str, str | None]]:
    """(scores, flags, flagged_by) of one post after the rules above."""
    fired = list(codes)
    final_scores, flags, flagged_by = dict(scores), {}, {}
    for label in LABELS:
        threshold = thresholds[label]
        code, decisive = carrier(label, fired, scores[label] >= threshold)
        if decisive:
            final_scores[label] = max(scores[label], threshold)
        flags[label] = code is not None
        flagged_by[label] = code
    return final_scores, flags, flagged_by


def stored_flagged_by(flags: dict[str, bool], codes: Iterable[str]) -> dict[str, str | None]:
    """`flagged_by` of a stored post, read back from its flags and indicators."""
    fired = list(codes)
    return {label: (carrier(label, fired)[0] if flags.get(label) else None) for label in LABELS}
