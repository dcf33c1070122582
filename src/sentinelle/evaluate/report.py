"""Every evaluation in one report; each part is a function of (store, truths) -> dict."""

from __future__ import annotations

from collections.abc import Callable

from sentinelle.evaluate.extraction import FIELDS, evaluate_extraction
from sentinelle.evaluate.linking import evaluate_linking
from sentinelle.evaluate.scoring import evaluate_stored_scores
from sentinelle.evaluate.truth import latest_truths, read_truth
from sentinelle.store import Store

Evaluation = Callable[[Store, list[dict]], dict]

EVALUATIONS: dict[str, Evaluation] = {
    "extraction": evaluate_extraction,
    "linking": evaluate_linking,
    "scoring": evaluate_stored_scores,
}


def evaluate_all(store: Store, truth_path: str) -> dict:
    truths = latest_truths(list(read_truth(truth_path)))
    report: dict = {"posts_in_truth": len(truths)}
    for name, evaluation in EVALUATIONS.items():
        report[name] = evaluation(store, truths)
    return report


def render_text(report: dict) -> str:
    lines = [f"posts in truth: {report['posts_in_truth']:,}", "", "extraction"]
    extraction = report["extraction"]
    for name in FIELDS:
        m = extraction[name]
        lines.append(
            f"  {name:<12} precision {m['precision']:.4f}  recall {m['recall']:.4f}  "
            f"F1 {m['f1']:.4f}  (tp {m['tp']:,}, fp {m['fp']:,}, fn {m['fn']:,})"
        )
    if extraction["posts_missing_from_store"]:
        lines.append(
            f"  posts of the truth missing from the store: "
            f"{extraction['posts_missing_from_store']:,}"
        )
    for name, part in report.items():
        if name in ("posts_in_truth", "extraction") or not isinstance(part, dict):
            continue
        lines += ["", name, *_render_part(part, "  ")]
    return "\n".join(lines)


def _render_part(part: dict, indent: str) -> list[str]:
    lines = []
    for key, value in part.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}")
            lines += _render_part(value, indent + "  ")
        elif isinstance(value, float):
            lines.append(f"{indent}{key}: {value:.4f}")
        else:
            lines.append(f"{indent}{key}: {value}")
    return lines
