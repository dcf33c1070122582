"""Does the scoring model transfer? Train on one corpus, test on others, per label.

Run: PYTHONPATH=src python bench/score_transfer.py --train DIR/demo101 --test DIR/stress9001 ...
Each name is a prefix: NAME.jsonl (posts) and NAME.truth.jsonl (truth), as written by
`sentinelle demo-data --output NAME.jsonl --truth NAME.truth.jsonl [--profile stress]`.
Knobs (n-gram block weight, indicator weight, regularisation) are the training module's
constants, overridable here to compare feature sets.
"""

from __future__ import annotations

import argparse
import json
import time

from sentinelle.extract import extract_posts
from sentinelle.score import training
from sentinelle.score.corpus import join_truth, read_posts, read_truth
from sentinelle.score.heldout import evaluate_model

COLUMNS = ("roc_auc", "precision", "recall", "f1", "fpr_independent_adults",
           "fpr_benign_lookalikes", "stated_minor_flagged")  # fmt: skip


def load(name: str):
    corpus = join_truth(read_posts(f"{name}.jsonl"), read_truth(f"{name}.truth.jsonl"))
    return corpus, extract_posts(corpus.posts)


def merge(parts):
    corpus, extractions = parts[0]
    for other, more in parts[1:]:
        corpus.posts += other.posts
        corpus.labels += other.labels
        corpus.actors += other.actors
        corpus.actor_kinds += other.actor_kinds
        extractions = extractions + more
    return corpus, extractions


def cell(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="+", required=True)
    parser.add_argument("--test", nargs="+", required=True)
    parser.add_argument("--ngram-weight", type=float, default=training.NGRAM_WEIGHT)
    parser.add_argument("--indicator-weight", type=float, default=training.INDICATOR_WEIGHT)
    parser.add_argument(
        "--save", help="save the trained model, its card holding the test figures, here"
    )
    parser.add_argument("--version", help="the saved model's version (default: dated)")
    parser.add_argument("--description", help="the card's data line (default: the train names)")
    parser.add_argument("--json", help="write the figures as JSON to this file")
    args = parser.parse_args()
    training.NGRAM_WEIGHT = args.ngram_weight
    training.INDICATOR_WEIGHT = args.indicator_weight
    started = time.perf_counter()
    corpus, extractions = merge([load(name) for name in args.train])
    description = args.description or " + ".join(args.train)
    model = training.train_model(
        corpus.posts, extractions, corpus.labels, corpus.actors, None, 0, description
    )
    model.version = args.version or model.version
    thresholds = json.dumps({k: round(v, 3) for k, v in model.thresholds.items()})
    seconds = time.perf_counter() - started
    print(f"trained on {len(corpus.posts)} posts in {seconds:.0f}s; thresholds {thresholds}")
    figures = {}
    for name in args.test:
        test, test_extractions = load(name)
        report = evaluate_model(test, test_extractions, model)
        figures[name] = report
        print(f"\n{name} ({report['posts']} posts)")
        print("| label | " + " | ".join(COLUMNS) + " |")
        for label, row in report["metrics"].items():
            print(f"| {label} | " + " | ".join(cell(row.get(c)) for c in COLUMNS) + " |")
    if args.save:
        from pathlib import Path

        from sentinelle.score.model import save_model

        model.card["evaluations"] = [
            {"description": f"{name} (never used in training)", "metrics": report["metrics"]}
            for name, report in figures.items()
        ]
        save_model(model, Path(args.save))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(figures, out, indent=1, default=float)


if __name__ == "__main__":
    main()
