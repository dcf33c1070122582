"""Emerging words: terms whose use rises among flagged or reviewed posts, window by window.

Euphemisms and app names change every few months. A term is proposed when, in some time
window, it appears in enough flagged or reviewed-positive posts ("focus" posts), several times
more often there than in the other posts of the window, and several times more often than in the
focus posts of the windows before: new or rising, and specific to what is flagged. Terms
already in the catalogue, numbers and words with digits (handles, references) are left out.
A person decides: `sentinelle terms accept` adds a term to the site's catalogue.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from sentinelle.text.normalize import fold

WINDOW_DAYS = 7
MIN_FOCUS_POSTS = 5  # in one window
LIFT_OVER_REST = 4.0  # focus rate / rest rate in the window
RISE_OVER_PAST = 4.0  # focus rate / focus rate of the earlier windows
MIN_LENGTH = 4
_WORD = re.compile(r"[a-z]+")


@dataclass(slots=True)
class TermPost:
    """What discovery reads of a post."""

    key: str  # source/id
    text: str
    ts: float
    focus: bool  # flagged, or labelled by a reviewer as minor, control or recruitment


@dataclass(slots=True)
class Proposal:
    """A proposed term: when it rose, how strongly, in which posts."""

    term: str
    first_window: float  # epoch seconds of the start of the first window where it qualified
    focus_posts: int  # focus posts using it in that window
    rest_posts: int
    lift: float
    score: float
    examples: list[str] = field(default_factory=list)  # source/id of focus posts


def terms_of(text: str) -> set[str]:
    """Word unigrams and bigrams of folded text, without digits or very short words."""
    words = _WORD.findall(fold(text).replace("'", " "))
    kept = [word if len(word) >= MIN_LENGTH else None for word in words]
    found = {word for word in kept if word}
    for left, right in pairwise(words):
        if len(left) >= 3 and len(right) >= 3:
            found.add(f"{left} {right}")
    return found


def _known_terms() -> set[str]:
    """Words never proposed: the catalogue's terms and their words and word pairs, first names
    (personal data, and a persona's name rises with its ads) and place names (a city rises with
    a tour)."""
    from sentinelle.indicators.catalogue import catalogue
    from sentinelle.link.personas import FIRST_NAMES
    from sentinelle.places.gazetteer import gazetteer

    known = set(FIRST_NAMES) | {key for key in gazetteer().by_key if " " not in key}
    for spec in catalogue().values():
        for term in spec.terms:
            words = _WORD.findall(fold(term))
            known.add(" ".join(words))
            known.update(word for word in words if len(word) >= MIN_LENGTH)
            known.update(f"{left} {right}" for left, right in pairwise(words))
    return known


def _excluded(term: str, known: set[str]) -> bool:
    return term in known or any(word in known for word in term.split())


def discover(
    posts: list[TermPost],
    window_days: int = WINDOW_DAYS,
    limit: int = 20,
    examples: int = 3,
    known: set[str] | None = None,
) -> list[Proposal]:
    """Proposals, strongest first; pure (give `known` to skip the catalogue lookup)."""
    if not posts:
        return []
    known = _known_terms() if known is None else known
    width = window_days * 86400.0
    start = min(post.ts for post in posts)
    windows: dict[int, list[TermPost]] = defaultdict(list)
    for post in posts:
        windows[int((post.ts - start) // width)].append(post)
    past_focus: Counter[str] = Counter()
    past_focus_total = 0
    best: dict[str, Proposal] = {}
    for index in sorted(windows):
        members = windows[index]
        focus_counts: Counter[str] = Counter()
        rest_counts: Counter[str] = Counter()
        users: dict[str, list[str]] = defaultdict(list)
        for post in members:
            terms = {term for term in terms_of(post.text) if not _excluded(term, known)}
            (focus_counts if post.focus else rest_counts).update(terms)
            if post.focus:
                for term in terms:
                    if len(users[term]) < examples:
                        users[term].append(post.key)
        n_focus = sum(post.focus for post in members)
        n_rest = len(members) - n_focus
        for term, count in focus_counts.items():
            if count < MIN_FOCUS_POSTS or term in best:
                continue
            rate = count / n_focus
            rest_rate = (rest_counts[term] + 0.5) / (n_rest + 1)
            past_rate = (past_focus[term] + 0.5) / (past_focus_total + 1)
            lift = rate / rest_rate
            if lift >= LIFT_OVER_REST and rate / past_rate >= RISE_OVER_PAST:
                best[term] = Proposal(
                    term,
                    start + index * width,
                    count,
                    rest_counts[term],
                    round(lift, 2),
                    round(count * math.log(lift), 2),
                    users[term],
                )
        past_focus.update(focus_counts)
        past_focus_total += n_focus
    ranked = sorted(best.values(), key=lambda p: (-p.score, p.term))
    return _drop_parts(ranked)[:limit]


def _drop_parts(ranked: list[Proposal]) -> list[Proposal]:
    """A bigram rising with one of its own words says one thing: keep the word (the new thing
    is the word, "sur moskey" only places it)."""
    words = {proposal.term for proposal in ranked if " " not in proposal.term}
    return [p for p in ranked if " " not in p.term or not set(p.term.split()) & words]
