"""How well linking recovers the true actors: pairwise precision and recall, ARI, itineraries."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.metrics import adjusted_rand_score

from sentinelle.link.distinct import distinct


@dataclass(frozen=True, slots=True)
class PairwiseScores:
    """Same-actor decisions over all post pairs."""

    precision: float
    recall: float
    ari: float
    true_pairs: int
    predicted_pairs: int


def pairwise_scores(truth: np.ndarray, predicted: np.ndarray) -> PairwiseScores:
    """Pairwise precision/recall of "same actor" and the adjusted Rand index.

    `predicted` labels every post (a post alone in its component has its own label).
    """
    truth = np.unique(truth, return_inverse=True)[1]
    predicted = np.unique(predicted, return_inverse=True)[1]
    both = _pairs(
        np.unique(truth * (predicted.max(initial=0) + 1) + predicted, return_counts=True)[1]
    )
    true_pairs = _pairs(np.bincount(truth))
    predicted_pairs = _pairs(np.bincount(predicted))
    return PairwiseScores(
        precision=both / predicted_pairs if predicted_pairs else 1.0,
        recall=both / true_pairs if true_pairs else 1.0,
        ari=float(adjusted_rand_score(truth, predicted)),
        true_pairs=int(true_pairs),
        predicted_pairs=int(predicted_pairs),
    )


def wrongly_merged_share(
    truth: np.ndarray, predicted: np.ndarray, independent: np.ndarray
) -> float:
    """Share of independents' posts put in a network holding another actor's posts."""
    truth = np.unique(truth, return_inverse=True)[1]
    predicted = np.unique(predicted, return_inverse=True)[1]
    actors_per_label = np.bincount(
        distinct(predicted * (truth.max(initial=0) + 1) + truth) // (truth.max(initial=0) + 1),
        minlength=predicted.max(initial=0) + 1,
    )
    merged = independent & (actors_per_label[predicted] > 1)
    return float(merged.sum() / max(independent.sum(), 1))


def _pairs(counts: np.ndarray) -> int:
    counts = counts.astype(np.int64)
    return int((counts * (counts - 1) // 2).sum())


def stays(cities: list[str | None]) -> list[str]:
    """Cities in time order with consecutive repeats collapsed (unknown cities skipped)."""
    sequence: list[str] = []
    for city in cities:
        if city and (not sequence or sequence[-1] != city):
            sequence.append(city)
    return sequence


def recovered_share(true_stays: list[str], found_stays: list[str]) -> float:
    """Share of the true stays found in order (longest common subsequence)."""
    if not true_stays:
        return 1.0
    previous = [0] * (len(found_stays) + 1)
    for city in true_stays:
        current = [0]
        for index, found in enumerate(found_stays):
            best = previous[index] + 1 if city == found else max(previous[index + 1], current[-1])
            current.append(best)
        previous = current
    return previous[-1] / len(true_stays)


def compare_linking(posts: list[dict], truths: dict[tuple[str, str], dict]) -> dict:
    """Linking quality; `posts` are stored posts (source, id, network_id, city, posted_ts)."""
    known = [p for p in posts if (p["source"], p["id"]) in truths]
    truth_rows = [truths[(p["source"], p["id"])] for p in known]
    actors = np.array([t["actor"] for t in truth_rows])
    labels = np.array([p["network_id"] or f"alone-{i}" for i, p in enumerate(known)])
    scores = pairwise_scores(actors, labels)
    kinds = np.array([t.get("actor_kind") for t in truth_rows])
    contactless = np.array([not (t.get("phones") or t.get("handles")) for t in truth_rows], bool)
    report = {
        "pairwise_precision": round(scores.precision, 4),
        "pairwise_recall": round(scores.recall, 4),
        "adjusted_rand_index": round(scores.ari, 4),
        "independents_wrongly_merged": round(
            wrongly_merged_share(actors, labels, kinds == "independent"), 4
        ),
        "benign_wrongly_merged": round(wrongly_merged_share(actors, labels, kinds == "benign"), 4),
        # independents who give no contact at all: text (and photos) are all that separates
        # them from others copying the same ad
        "contactless_independents_wrongly_merged": round(
            wrongly_merged_share(actors, labels, (kinds == "independent") & contactless), 4
        ),
        "contactless_independent_posts": int(((kinds == "independent") & contactless).sum()),
        "itinerary_stays_recovered": _itinerary_recovery(known, truth_rows, labels),
        "posts": len(known),
    }
    return report


def _itinerary_recovery(known: list[dict], truth_rows: list[dict], labels: np.ndarray) -> float:
    """Mean over true groups of the share of their city stays the matched network recovers."""
    order = sorted(range(len(known)), key=lambda i: known[i]["posted_ts"])
    by_actor: dict[str, list[int]] = {}
    by_label: dict[str, list[int]] = {}
    for i in order:
        if truth_rows[i].get("actor_kind") == "group":
            by_actor.setdefault(truth_rows[i]["actor"], []).append(i)
        by_label.setdefault(labels[i], []).append(i)
    shares = []
    for members in by_actor.values():
        if len(members) < 2:
            continue
        values, counts = np.unique(labels[members], return_counts=True)
        matched = by_label[values[np.argmax(counts)]]
        true_stays = stays([truth_rows[i].get("city") for i in members])
        shares.append(recovered_share(true_stays, stays([known[i]["city"] for i in matched])))
    return round(float(np.mean(shares)), 4) if shares else 1.0


def evaluate_linking(store, truths: list[dict]) -> dict:
    """`sentinelle evaluate` part: linking quality of the store against the truth."""
    from sentinelle.store.networks import linked_posts

    by_key = {(t["source"], t["id"]): t for t in truths}
    return compare_linking(linked_posts(store), by_key)
