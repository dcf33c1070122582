"""Quality per phenomenon and per phone-number form, from the truth's optional fields.

The stress profile tags each truth record with the `phenomena` it exercises (shared
templates, edited templates, foreign numbers, stated minor ages...). Overall figures hide where
a method fails; the same figures restricted to the posts of one phenomenon show it. Truths
without `phenomena` (the demo profile, reviewers' labels) still get the per-form phone figures,
the stated-minor-age flag rate and the count of networks that join actors whose contacts
disagree.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import numpy as np
import phonenumbers

from sentinelle.evaluate.linking import pairwise_scores
from sentinelle.evaluate.metrics import Counts
from sentinelle.indicators.indicator import LABELS

PHONE_FORMS = ("plain", "obfuscated", "foreign", "unallocated")
NUMBER_CLASSES = ("french", "foreign", "unallocated")


@lru_cache(maxsize=65_536)
def number_class(e164: str) -> str:
    """`foreign` (not +33), `unallocated` (+33 outside today's plan) or `french`."""
    if not e164.startswith("+33"):
        return "foreign"
    try:
        valid = phonenumbers.is_valid_number(phonenumbers.parse(e164))
    except phonenumbers.NumberParseException:
        valid = False
    return "french" if valid else "unallocated"


def phone_form(e164: str, tricks: list[str]) -> str:
    """How a truth phone is written: foreign, unallocated, obfuscated (tricks) or plain."""
    kind = number_class(e164)
    if kind != "french":
        return kind
    return "obfuscated" if tricks else "plain"


def phone_forms(exported: dict[tuple[str, str], dict], truths: list[dict]) -> dict:
    """Recall per written form; precision/recall/F1 per number class; false positives per
    10,000 posts (each extracted phone the truth does not list)."""
    recall = {form: Counts() for form in PHONE_FORMS}
    by_class = {kind: Counts() for kind in NUMBER_CLASSES}
    posts = false_positives = 0
    for truth in truths:
        found_post = exported.get((truth["source"], truth["id"]))
        if found_post is None:
            continue
        posts += 1
        found, want = set(found_post.get("phones") or []), list(truth.get("phones") or [])
        tricks = truth.get("phone_tricks") or [[] for _ in want]
        for phone, used in zip(want, tricks, strict=False):
            recall[phone_form(phone, used)].add(found & {phone}, {phone})
        for kind in NUMBER_CLASSES:
            by_class[kind].add(
                {p for p in found if number_class(p) == kind},
                {p for p in want if number_class(p) == kind},
            )
        false_positives += len(found - set(want))
    return {
        "recall_by_written_form": {
            form: {"recall": round(c.recall, 4), "phones": c.true_positives + c.false_negatives}
            for form, c in recall.items()
        },
        "by_number_class": {kind: c.as_dict() for kind, c in by_class.items()},
        "false_positive_phones_per_10000_posts": round(false_positives * 10_000 / max(posts, 1), 2),
    }


def stated_minor_age_flag_rate(exported: dict, truths: list[dict]) -> dict:
    """Share of minor posts stating an age under 18 that are flagged `minor` (target: 1)."""
    stated = [
        t
        for t in truths
        if (t["source"], t["id"]) in exported
        and (t.get("labels") or {}).get("minor")
        and any(isinstance(a, int) and a < 18 for a in t.get("stated_ages") or [])
    ]
    flagged = sum(bool(exported[(t["source"], t["id"])]["flags"].get("minor")) for t in stated)
    rate = flagged / len(stated) if stated else 1.0
    return {"posts": len(stated), "flagged": flagged, "rate": round(rate, 4)}


def _contacts(truths: list[dict]) -> dict[str, set[str]]:
    """Each actor's contacts over all its posts (phones and messaging handles)."""
    contacts: dict[str, set[str]] = defaultdict(set)
    for truth in truths:
        contacts[truth["actor"]].update(truth.get("phones") or [])
        contacts[truth["actor"]].update(truth.get("handles") or [])
    return contacts


def disagreeing_networks(actors: np.ndarray, labels: np.ndarray, contacts: dict) -> set[str]:
    """Networks holding two actors that both give contacts and share none."""
    members: dict[str, set[str]] = defaultdict(set)
    for actor, label in zip(actors, labels, strict=True):
        if not label.startswith("alone-"):
            members[label].add(actor)
    bad = set()
    for label, held in members.items():
        given = [contacts[a] for a in held if contacts[a]]
        if len(given) < 2:
            continue
        if any(a.isdisjoint(b) for i, a in enumerate(given) for b in given[i + 1 :]):
            bad.add(label)
    return bad


def _wrongly_merged(actors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Per post: its network holds posts of another actor."""
    held: dict[str, set[str]] = defaultdict(set)
    for actor, label in zip(actors, labels, strict=True):
        held[label].add(actor)
    return np.array([len(held[label]) > 1 for label in labels], dtype=bool)


def linked_elsewhere(mask: np.ndarray, actors: np.ndarray, labels: np.ndarray) -> dict:
    """Of the slice's posts whose actor also posts outside the slice (a group's recruitment
    offers beside its ads), how many share a network with one of those other posts."""
    outside = {
        (a, label)
        for a, label, inside in zip(actors, labels, mask, strict=True)
        if not inside and not label.startswith("alone-")
    }
    elsewhere = {a for a, inside in zip(actors, mask, strict=True) if not inside}
    index = [i for i in np.flatnonzero(mask) if actors[i] in elsewhere]
    linked = sum((actors[i], labels[i]) in outside for i in index)
    share = round(linked / len(index), 4) if index else None
    return {"posts": len(index), "linked": linked, "share": share}


def _scoring_slice(rows: list[tuple[dict, dict]]) -> dict:
    report = {}
    for label in LABELS:
        truth = np.array([bool((t.get("labels") or {}).get(label)) for t, _ in rows])
        flag = np.array([bool(e["flags"].get(label)) for _, e in rows])
        tp, fp = int((truth & flag).sum()), int((~truth & flag).sum())
        fn, tn = int((truth & ~flag).sum()), int((~truth & ~flag).sum())
        report[label] = {
            "positives": tp + fn,
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None,
            "false_positive_rate": round(fp / (fp + tn), 4) if fp + tn else None,
        }
    return report


def compare_phenomena(exported: dict[tuple[str, str], dict], truths: list[dict]) -> dict:
    """The per-phenomenon report; pure (exported posts as `export posts` writes them)."""
    known = [t for t in truths if (t["source"], t["id"]) in exported]
    report: dict = {
        "phones_by_form": phone_forms(exported, known),
        "stated_minor_ages_flagged": stated_minor_age_flag_rate(exported, known),
    }
    if not known:
        return report
    rows = [exported[(t["source"], t["id"])] for t in known]
    actors = np.array([t["actor"] for t in known])
    labels = np.array([r.get("network_id") or f"alone-{i}" for i, r in enumerate(rows)])
    kinds = np.array([t.get("actor_kind") or "" for t in known])
    contacts = _contacts(known)
    bad = disagreeing_networks(actors, labels, contacts)
    networks = {label for label in labels if not label.startswith("alone-")}
    report["networks_joining_actors_whose_contacts_disagree"] = {
        "networks": len(bad),
        "of_networks": len(networks),
    }
    merged = _wrongly_merged(actors, labels)
    tags = sorted({p for t in known for p in t.get("phenomena") or []})
    phenomena = {}
    for tag in tags:
        mask = np.array([tag in (t.get("phenomena") or ()) for t in known])
        phenomena[tag] = _slice(tag, mask, known, rows, actors, labels, kinds, merged, bad)
    if phenomena:
        report["phenomena"] = phenomena
    return report


def _slice(tag, mask, known, rows, actors, labels, kinds, merged, bad) -> dict:
    index = np.flatnonzero(mask)
    scores = pairwise_scores(actors[index], labels[index])
    independents = mask & (kinds == "independent")
    benign = mask & (kinds == "benign")
    sub_truths = [known[i] for i in index]
    sub_exported = {(t["source"], t["id"]): rows[i] for t, i in zip(sub_truths, index, strict=True)}
    phones = phone_forms(sub_exported, sub_truths)
    counts, ages = Counts(), Counts()
    for t, i in zip(sub_truths, index, strict=True):
        counts.add(set(rows[i].get("phones") or []), set(t.get("phones") or []))
        ages.add(set(rows[i].get("stated_ages") or []), set(t.get("stated_ages") or []))
    return {
        "posts": int(mask.sum()),
        "linking": {
            "pairwise_precision": round(scores.precision, 4),
            "pairwise_recall": round(scores.recall, 4),
            "adjusted_rand_index": round(scores.ari, 4),
            "true_pairs": scores.true_pairs,
            "independents_wrongly_merged": round(
                float(merged[independents].mean()) if independents.any() else 0.0, 4
            ),
            # benign posters merged with another actor (shared offers, venues' mentions)
            "benign_wrongly_merged": round(
                float(merged[benign].mean()) if benign.any() else 0.0, 4
            ),
            "networks_joining_actors_whose_contacts_disagree": len(
                {labels[i] for i in index} & bad
            ),
            "linked_to_own_actor_elsewhere": linked_elsewhere(mask, actors, labels),
        },
        "extraction": {
            "phones": counts.as_dict(),
            "stated_ages": ages.as_dict(),
            "false_positive_phones_per_10000_posts": phones[
                "false_positive_phones_per_10000_posts"
            ],
        },
        "scoring": _scoring_slice([(known[i], rows[i]) for i in index]),
    }


def evaluate_phenomena(store, truths: list[dict]) -> dict:
    """`sentinelle evaluate` part: figures per phenomenon and per phone form."""
    from sentinelle.export.posts import iter_export

    exported = {(obj["source"], obj["id"]): obj for obj in iter_export(store)}
    return compare_phenomena(exported, truths)
