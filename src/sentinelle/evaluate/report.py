"""Every evaluation in one report; each part is a function of (store, truths) -> dict."""

from __future__ import annotations

from collections.abc import Callable

from sentinelle.evaluate.extraction import FIELDS, evaluate_extraction
from sentinelle.evaluate.linking import evaluate_linking
from sentinelle.evaluate.phenomena import evaluate_phenomena
from sentinelle.evaluate.scoring import evaluate_stored_scores
from sentinelle.evaluate.truth import latest_truths, read_truth
from sentinelle.indicators.indicator import LABELS
from sentinelle.store import Store

Evaluation = Callable[[Store, list[dict]], dict]

EVALUATIONS: dict[str, Evaluation] = {
    "extraction": evaluate_extraction,
    "linking": evaluate_linking,
    "scoring": evaluate_stored_scores,
    "by_phenomenon": evaluate_phenomena,
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
        if name in ("posts_in_truth", "extraction", "by_phenomenon") or not isinstance(part, dict):
            continue
        lines += ["", name, *_render_part(part, "  ")]
    if "by_phenomenon" in report:
        lines += ["", *_render_phenomena(report["by_phenomenon"])]
    return "\n".join(lines)


def _num(value) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _render_phenomena(part: dict) -> list[str]:
    """Per-form phones, the stated-minor-age flag rate, then one block per phenomenon."""
    lines = ["phones by written form (recall)"]
    for form, m in part["phones_by_form"]["recall_by_written_form"].items():
        lines.append(f"  {form:<12} recall {m['recall']:.4f}  ({m['phones']:,} phones)")
    lines.append("phones by number class")
    for kind, m in part["phones_by_form"]["by_number_class"].items():
        lines.append(
            f"  {kind:<12} precision {m['precision']:.4f}  recall {m['recall']:.4f}  "
            f"F1 {m['f1']:.4f}  (tp {m['tp']:,}, fp {m['fp']:,}, fn {m['fn']:,})"
        )
    fp = part["phones_by_form"]["false_positive_phones_per_10000_posts"]
    lines.append(f"  false-positive phones per 10,000 posts: {fp}")
    stated = part["stated_minor_ages_flagged"]
    lines.append(
        f"minor posts stating an age under 18 flagged minor: {stated['rate']:.4f} "
        f"({stated['flagged']:,} of {stated['posts']:,})"
    )
    if "networks_joining_actors_whose_contacts_disagree" in part:
        bad = part["networks_joining_actors_whose_contacts_disagree"]
        lines.append(
            f"networks joining actors whose contacts disagree: {bad['networks']:,} "
            f"of {bad['of_networks']:,}"
        )
    phenomena = part.get("phenomena") or {}
    if phenomena:
        lines += [
            "",
            "by phenomenon (linking within the phenomenon's posts; flags per label: "
            "precision/recall/false-positive rate)",
            f"  {'phenomenon':<22}{'posts':>6}  {'link P':>6} {'link R':>6} {'ARI':>6} "
            f"{'indep.':>6} {'disagr':>6}  {'phone P':>7} {'phone R':>7} {'FP/10k':>7}  "
            f"{'age P':>6} {'age R':>6}  " + "  ".join(f"{label:<17}" for label in LABELS),
        ]
    for name, m in phenomena.items():
        link, phones = m["linking"], m["extraction"]["phones"]
        ages = m["extraction"].get("stated_ages") or {"precision": 1.0, "recall": 1.0}
        flags = "  ".join(
            "/".join(
                _num(m["scoring"][label][key])
                for key in ("precision", "recall", "false_positive_rate")
            )
            for label in LABELS
        )
        lines.append(
            f"  {name:<22}{m['posts']:>6}  {link['pairwise_precision']:>6.3f} "
            f"{link['pairwise_recall']:>6.3f} {link['adjusted_rand_index']:>6.3f} "
            f"{link['independents_wrongly_merged']:>6.3f} "
            f"{link['networks_joining_actors_whose_contacts_disagree']:>6}  "
            f"{phones['precision']:>7.3f} {phones['recall']:>7.3f} "
            f"{m['extraction']['false_positive_phones_per_10000_posts']:>7.1f}  "
            f"{ages['precision']:>6.3f} {ages['recall']:>6.3f}  {flags}"
        )
    return lines


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
