"""The model card: what a model was trained on, how well it does, where it draws the line."""

from __future__ import annotations

from sentinelle.indicators.indicator import LABELS

_METRICS = (
    "threshold",
    "roc_auc",
    "precision",
    "recall",
    "f1",
    "ece",
    "fpr_independent_adults",
    "fpr_benign_lookalikes",
    "stated_minor_flagged",
    "positives",
    "posts",
)


def _cell(value) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def metrics_table(metrics: dict[str, dict]) -> list[str]:
    """A markdown table, one row per label."""
    lines = ["| label | " + " | ".join(_METRICS) + " |", "|---" * (len(_METRICS) + 1) + "|"]
    for label in LABELS:
        row = metrics.get(label, {})
        lines.append(f"| {label} | " + " | ".join(_cell(row.get(name)) for name in _METRICS) + " |")
    return lines


def _ngram_text(layout) -> str:
    if not layout.ngram_sizes:
        return "no character n-grams: "
    return f"hashed character 3-4-gram TF-IDF (2^{layout.ngram_bits} buckets), "


def _solver_text(card: dict) -> str:
    prior = card.get("evidence_prior")
    if prior is None:
        return f"liblinear, C={card.get('regularisation')}"
    return (
        f"L2, C={card.get('regularisation')}, evidence indicators' weights pulled towards "
        f"{prior} instead of 0: the catalogue's prior"
    )


def _tie_text(model) -> str:
    if not getattr(model, "tie_break", 0.0):
        return ""
    return f", plus {model.tie_break} of the raw score's sigmoid (no ties inside a step)"


def render_card(model) -> str:
    """Markdown model card for `model` (a ScoringModel)."""
    card = model.card
    lines = [
        f"# Model card: {model.version}",
        "",
        f"- Trained: {card.get('trained_at')}",
        f"- Data: {card.get('description') or 'not given'}",
        f"- Posts: {card.get('posts')} from {card.get('actors')} actors; calibration and "
        f"thresholds on out-of-fold scores ({card.get('folds')} folds by actor), final fit on all",
        f"- Positives: {card.get('positives')}",
        "- Model: one logistic regression per label ("
        f"{_solver_text(card)}) over {_ngram_text(model.layout)}"
        f"{len(model.layout.indicator_codes)} catalogue "
        f"indicators, post facts and network facts ({', '.join(model.layout.network_names)}); "
        f"isotonic calibration on out-of-fold scores{_tie_text(model)}. Flags: deciding "
        "indicators, else the "
        "threshold with an evidence indicator (`flagged_by`).",
        "",
        "## Thresholds (operating points)",
        "",
        "Minor and control: the lowest threshold whose precision reaches "
        f"{card.get('target_precision', {}).get('minor')} (minor) and "
        f"{card.get('target_precision', {}).get('control')} (control) out of fold "
        "(precision first: independent adults must not be flagged). "
        "Recruitment: the threshold of best F1. "
        "Chosen on the posts the rules leave open. Precision and recall at each threshold, "
        "on held-out data, are in the evaluation tables below.",
        "",
        *(f"- {label}: {model.thresholds[label]:.3f}" for label in LABELS),
        "",
        "## Out of fold, by actor (same generator seed as training)",
        "",
        *metrics_table(card.get("calibration_metrics", {})),
    ]
    evaluation = card.get("evaluation")
    if evaluation:
        lines += ["", f"## Evaluation: {evaluation.get('description', '')}", ""]
        lines += metrics_table(evaluation.get("metrics", {}))
    for extra in card.get("evaluations", []):
        lines += ["", f"## Evaluation: {extra.get('description', '')}", ""]
        lines += metrics_table(extra.get("metrics", {}))
    comparison = card.get("review_comparison")
    if comparison:
        from sentinelle.score.reviews import comparison_lines

        lines += ["", *comparison_lines(comparison)]
    lines += [
        "",
        "## Limits",
        "",
        "Trained on synthetic posts from the demo generator: the figures say how well the model",
        "separates the generator's classes, not how it does on real posts. Retrain on reviewers'",
        "labels (`sentinelle train --truth`) before relying on it.",
        "Movement language is context only. A stated age under 18, a school level or an",
        "explicit third party flags whatever the score; any other flag needs the score at the",
        "threshold and an evidence indicator of the label (`flagged_by` names it).",
        "",
    ]
    return "\n".join(lines)
