"""Explain one post's scores in words an analyst can check."""

from __future__ import annotations

from sentinelle.indicators.catalogue import catalogue
from sentinelle.indicators.indicator import LABELS
from sentinelle.score.model import ScoringModel
from sentinelle.score.scoring import PostScore

NETWORK_CODES = (
    "control.shared_contact",
    "control.many_cities",
    "recruitment.same_handle",
    "network.minor_cue",
)


def explanation_lines(result: PostScore, model: ScoringModel) -> list[str]:
    """Scores against thresholds, then the post's own indicators, then the network's."""
    specs = catalogue()
    lines = [f"post {result.source}/{result.id}  (model {model.version})", ""]
    for label in LABELS:
        mark = "FLAG" if result.flags[label] else "    "
        threshold = model.thresholds[label]
        lines.append(
            f"  {mark} {label:<12} {result.scores[label]:.3f}  (threshold {threshold:.3f})"
        )
    own = [i for i in result.indicators if i.code not in NETWORK_CODES]
    linked = [i for i in result.indicators if i.code in NETWORK_CODES]
    for title, group in (("Indicators in the post", own), ("From the network", linked)):
        lines += ["", f"{title}:"]
        if not group:
            lines.append("  (none)")
        for indicator in group:
            spec = specs.get(indicator.code)
            role = f" [{spec.role}]" if spec else ""
            lines.append(f"  {indicator.code}{role}: {indicator.evidence!r}")
    return lines
