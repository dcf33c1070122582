"""Train the three models: logistic regression, isotonic calibration on held-out scores,
thresholds chosen for precision.

Calibration and thresholds use out-of-fold scores, with folds by actor: the posts of one group
never sit on both sides, so the figures are not flattered by near-duplicates, and every post
serves calibration (groups are few, and one split alone gave unstable thresholds).
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime

import numpy as np
from scipy import sparse
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.isotonic import IsotonicRegression
from sklearn.model_selection import GroupKFold

from sentinelle.indicators.entity import ENTITY_FACTS
from sentinelle.indicators.indicator import LABELS
from sentinelle.records import Extraction, Post
from sentinelle.score.features import FeatureLayout
from sentinelle.score.metrics import label_metrics
from sentinelle.score.model import ScoringModel, calibrate
from sentinelle.score.ngrams import fit_idf, tfidf
from sentinelle.score.scoring import post_features

# Operating points: the share of flagged posts that must be right on the calibration split.
TARGET_PRECISION = {"minor": 0.90, "control": 0.92, "recruitment": None}  # None: best F1
REGULARISATION = 4.0
# The catalogue's prior: an evidence indicator of a label raises that label's score. Weights
# are pulled towards this value, not towards 0, so an indicator a training corpus rarely shows
# (a stress corpus's minors state their age; a demo minor shows youth words) keeps what the
# research says of it, and a corpus that shows it among negatives can still learn otherwise.
EVIDENCE_PRIOR = 1.0
TIE_BREAK = 0.01  # share of the raw sigmoid in a score (`model.calibrate`)
NGRAM_WEIGHT = 0.0  # no character n-grams: they learn one corpus's phrasing (docs/scoring.md)
INDICATOR_WEIGHT = 2.0
FOLDS = 4


def choose_threshold(probabilities: np.ndarray, truth: np.ndarray, target: float | None) -> float:
    """The operating threshold: the lowest one whose precision reaches `target`, or the best-F1
    one when `target` is None.

    The result sits halfway down to the next lower score seen, so that a new post whose
    interpolated score lands just under a step is not lost to the step's exact value.
    """
    candidates = np.unique(probabilities)[::-1]
    ordered = np.sort(probabilities)
    positives = np.sort(probabilities[truth])
    flagged = len(ordered) - np.searchsorted(ordered, candidates, side="left")
    hits = len(positives) - np.searchsorted(positives, candidates, side="left")
    precision = hits / flagged
    recall = hits / max(int(truth.sum()), 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(hits > 0, 2 * precision * recall / (precision + recall), 0.0)
    if target is None:
        chosen = int(np.argmax(f1))
    else:
        reaching = np.flatnonzero(precision >= target)
        chosen = int(reaching[-1]) if len(reaching) else 0
    lower = candidates[chosen + 1] if chosen + 1 < len(candidates) else candidates[chosen]
    return float(max((candidates[chosen] + lower) / 2, 0.05))


def _fit(
    features, truth: np.ndarray, seed: int, weights: np.ndarray | None = None, prior=None
) -> tuple[np.ndarray, float]:
    """L2 logistic regression on the columns the posts use, penalised towards `prior` (the
    catalogue's prior weights; 0 where it says nothing), objective as liblinear's with C.
    Deterministic: `seed` is kept for the callers' signature (liblinear's shuffling used it)."""
    # an indicator the corpus never shows keeps the catalogue's prior
    coef = np.zeros(features.shape[1], np.float32) if prior is None else prior.astype(np.float32)
    if truth.all() or not truth.any():
        return coef, 0.0
    used = np.unique(features.indices)
    matrix = features[:, used].tocsr().astype(np.float64)
    mean = np.zeros(len(used)) if prior is None else np.asarray(prior, np.float64)[used]
    sample = np.ones(len(truth)) if weights is None else np.asarray(weights, np.float64)
    sign = np.where(truth, 1.0, -1.0)

    def objective(params: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = params[:-1], params[-1]
        margin = sign * (matrix @ w + b)
        loss = np.logaddexp(0.0, -margin)
        slope = -sign * sample * REGULARISATION * expit(-margin)
        gap = w - mean
        value = 0.5 * (gap @ gap + b * b) + REGULARISATION * (sample @ loss)
        return value, np.concatenate([gap + matrix.T @ slope, [b + slope.sum()]])

    start = np.concatenate([mean, [0.0]])
    found = minimize(objective, start, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    if not found.success:  # the weights are still the best found; say so, do not hide it
        warnings.warn(f"logistic fit did not converge: {found.message}", stacklevel=2)
    coef[used] = found.x[:-1]
    return coef, float(found.x[-1])


def evidence_prior(layout: FeatureLayout, label: str) -> np.ndarray:
    """Prior weights of one label: `EVIDENCE_PRIOR` on the label's evidence indicators."""
    from sentinelle.score.decide import evidence_codes

    prior = np.zeros(layout.width, np.float64)
    offset = 1 << layout.ngram_bits
    evidence = evidence_codes(label)
    for index, code in enumerate(layout.indicator_codes):
        if code in evidence:
            prior[offset + index] = EVIDENCE_PRIOR
    return prior


def _out_of_fold(
    features, truth: np.ndarray, groups: list[str], seed: int, weights: np.ndarray | None, prior
) -> np.ndarray:
    """Each post's raw score from a model that never saw its actor (cross-fitting by actor)."""
    raw = np.zeros(len(truth))
    folds = min(FOLDS, len(set(groups)))
    for fit_rows, held_rows in GroupKFold(n_splits=folds).split(features, groups=groups):
        fit_weights = weights[fit_rows] if weights is not None else None
        coef, intercept = _fit(features[fit_rows], truth[fit_rows], seed, fit_weights, prior)
        raw[held_rows] = features[held_rows] @ coef + intercept
    return raw


def _calibrate(
    raw: np.ndarray, truth: np.ndarray, weights: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    isotonic = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
    isotonic.fit(raw, truth, sample_weight=weights)
    return np.asarray(isotonic.X_thresholds_, np.float64), np.asarray(
        isotonic.y_thresholds_, np.float64
    )


def _rule_masks(fired, label: str) -> tuple[np.ndarray, np.ndarray]:
    """(posts a deciding indicator flags, posts with evidence that may carry a flag)."""
    from sentinelle.score.decide import deciding_codes, evidence_codes

    deciding, evidence = deciding_codes(label), evidence_codes(label)
    decided = np.array([any(i.code in deciding for i in row) for row in fired], bool)
    evidenced = np.array([any(i.code in evidence for i in row) for row in fired], bool)
    return decided, evidenced


def train_model(
    posts: list[Post],
    extractions: list[Extraction],
    labels: list[dict[str, bool]],
    groups: list[str] | None = None,
    network_features: list[dict[str, float]] | None = None,
    seed: int = 0,
    description: str = "",
    layout: FeatureLayout | None = None,
    weights: np.ndarray | None = None,
) -> ScoringModel:
    """Fit, calibrate and threshold the minor, control and recruitment models.

    `weights` (one per post) let reviewed labels weigh over generated truth."""
    linked_names = sorted({name for facts in network_features or [] for name in facts or {}})
    if layout is None:
        layout = FeatureLayout(ngram_weight=NGRAM_WEIGHT, indicator_weight=INDICATOR_WEIGHT)
        if NGRAM_WEIGHT == 0:  # catalogue, facts and network only
            layout.ngram_sizes, layout.ngram_bits = (), 0
    layout.network_names = (*ENTITY_FACTS, *linked_names)
    counts, fired = post_features(layout, posts, extractions, network_features)
    width = 1 << layout.ngram_bits
    layout.idf = fit_idf(counts[:, :width])
    features = sparse.hstack(
        [tfidf(counts[:, :width], layout.idf), counts[:, width:]], format="csr"
    )
    groups = groups if groups is not None else [str(row) for row in range(len(posts))]
    coefs, intercepts, calibration, thresholds, metrics = [], [], {}, {}, {}
    for label in LABELS:
        truth = np.array([bool(row.get(label)) for row in labels])
        prior = evidence_prior(layout, label)
        raw = _out_of_fold(features, truth, groups, seed, weights, prior)
        calibration[label] = _calibrate(raw, truth.astype(float), weights)
        probabilities = calibrate(raw, calibration[label], TIE_BREAK)
        # The threshold decides only posts that have evidence and no deciding indicator: the
        # rules of `score.decide` settle the others, so they must not pull the threshold.
        decided, evidenced = _rule_masks(fired, label)
        open_rows = evidenced & ~decided
        if open_rows.any() and truth[open_rows].any():
            thresholds[label] = choose_threshold(
                probabilities[open_rows], truth[open_rows], TARGET_PRECISION[label]
            )
        else:
            thresholds[label] = choose_threshold(probabilities, truth, TARGET_PRECISION[label])
        flagged = decided | (evidenced & (probabilities >= thresholds[label]))
        metrics[label] = label_metrics(probabilities, truth, thresholds[label], flagged)
        coef, intercept = _fit(features, truth, seed, weights, prior)
        coefs.append(coef)
        intercepts.append(intercept)
    trained_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    card = {
        "trained_at": trained_at,
        "description": description,
        "posts": len(posts),
        "actors": len(set(groups)),
        "folds": FOLDS,
        "positives": {label: int(sum(bool(row.get(label)) for row in labels)) for label in LABELS},
        "calibration_metrics": metrics,
        "target_precision": TARGET_PRECISION,
        "regularisation": REGULARISATION,
        "evidence_prior": EVIDENCE_PRIOR,
    }
    return ScoringModel(
        version=f"score-{trained_at[:10]}-{len(posts)}",
        layout=layout,
        weights=np.stack(coefs, axis=1),
        intercepts=np.array(intercepts, np.float32),
        calibration=calibration,
        thresholds=thresholds,
        card=card,
        tie_break=TIE_BREAK,
    )
