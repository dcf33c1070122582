"""The indicator catalogue: codes, descriptions, terms and sources, kept as data per language.

Why data: analysts and reviewers must be able to read (and argue with) what fires and why,
and add vocabulary without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from sentinelle.indicators.indicator import LABELS

LANGUAGES = ("fr", "en")
ROLES = ("evidence", "context")


@dataclass(slots=True, frozen=True)
class IndicatorSpec:
    """One catalogue entry (terms are merged across languages under one code)."""

    code: str
    labels: tuple[str, ...]
    role: str
    description: str
    source: str
    terms: tuple[str, ...]
    # A deciding indicator flags its labels whatever the model says (a stated age of 15, a
    # school level, an explicit third party): the model ranks the rest, it cannot outvote these.
    decides: bool = False


# Indicators computed by rules over the extraction or the network, not by terms.
RULE_INDICATORS = (
    IndicatorSpec(
        "age.stated_minor",
        ("minor",),
        "evidence",
        "An age under 18 stated in the text.",
        "Extraction of stated ages.",
        (),
        True,
    ),
    IndicatorSpec(
        "youth.several_cues",
        ("minor",),
        "evidence",
        "Youth cues of two kinds or more (youth words, school life, youth emoji, an age hedge)"
        " in one ad of the escort kind that states no adult age; a student's words not counted.",
        "French field reports on minors in prostitution; held-out corpora (minors stating no"
        " age were rarely flagged on one cue).",
        (),
        True,
    ),
    IndicatorSpec(
        "youth.claimed_18",
        ("minor",),
        "evidence",
        "A stated age of 18 or 19 beside a pupil's words (lycée, collège, brevet, récré, parents"
        " kept in the dark) in one ad of the escort kind that states no age of 20 or over.",
        "French field reports on minors in prostitution (minors advertised as 18); held-out"
        " corpora (minors claiming 18 with youth cues were rarely flagged).",
        (),
        True,
    ),
    IndicatorSpec(
        "age.stated_18_19",
        ("minor",),
        "context",
        "A stated age of 18 or 19, where minors are often disguised.",
        "Published studies of escort ads (ages at the legal threshold).",
        (),
    ),
    IndicatorSpec(
        "age.stated_adult",
        ("minor",),
        "context",
        "Only adult ages (20 and over) stated.",
        "Extraction of stated ages.",
        (),
    ),
    IndicatorSpec(
        "benign.service",
        ("minor", "control", "recruitment"),
        "context",
        "A pupil's kind of service offered or sought (tutoring, homework help, babysitting, pet"
        " care, an internship) in a post showing nothing of the escort or dating kind: its youth"
        " cues (school level, school, youth words) are set aside, as they say who the poster is.",
        "Held-out corpora: pupils' tutoring ads were flagged minor on their school level.",
        (),
    ),
    IndicatorSpec(
        "contact.obfuscated",
        ("control", "minor"),
        "evidence",
        "A phone number written to evade detection (letters, spacing, words).",
        "Published studies of escort ads (obscured contact numbers predictive).",
        (),
    ),
    IndicatorSpec(
        "control.shared_contact",
        ("control",),
        "evidence",
        "One phone or handle used under several names.",
        "Analysts' practice; network linking.",
        (),
    ),
    IndicatorSpec(
        "control.many_cities",
        ("control",),
        "evidence",
        "One contact advertised in several cities.",
        "Network linking.",
        (),
    ),
    IndicatorSpec(
        "recruitment.same_handle",
        ("recruitment", "control"),
        "evidence",
        "The contact also posts recruitment messages.",
        "Network linking.",
        (),
    ),
    IndicatorSpec(
        "control.agency_handle",
        ("control",),
        "evidence",
        "A contact named for a business or a function (agence, vip, planning, booking), not a"
        " person: an account run for someone.",
        "Police reports on pimping networks (ads placed through agency-style accounts).",
        (),
    ),
    IndicatorSpec(
        "control.several_personas",
        ("control",),
        "evidence",
        "One phone or handle presents several first names: several people offered through one"
        " contact.",
        "Published studies of escort ads (plural persons and shared contacts in controlled ads).",
        (),
    ),
    IndicatorSpec(
        "persona.stated_minor",
        ("minor",),
        "evidence",
        "Another ad of the same first name, sharing a contact or photo, states an age under 18.",
        "Analysts' practice: one ad's stated age is read for the same person's other ads.",
        (),
    ),
    IndicatorSpec(
        "persona.third_party",
        ("control",),
        "evidence",
        "Another ad of the same first name in the same network says a third party books, answers"
        " or takes a share for her.",
        "Analysts' practice: who runs a woman's ads is a fact about her, not about one ad.",
        (),
    ),
    IndicatorSpec(
        "network.minor_cue",
        ("minor",),
        "evidence",
        "A minor cue on another post of the same network.",
        "Entity propagation.",
        (),
    ),
)


def _load_language(language: str) -> list[dict]:
    text = resources.files("sentinelle.indicators").joinpath(f"{language}.yaml").read_text("utf-8")
    return yaml.safe_load(text)["indicators"]


def _check(entry: dict, language: str) -> None:
    missing = {"code", "labels", "role", "description", "source", "terms"} - entry.keys()
    if missing:
        raise ValueError(f"{language}.yaml entry {entry.get('code')!r} lacks {sorted(missing)}")
    if entry["role"] not in ROLES or not set(entry["labels"]) <= set(LABELS):
        raise ValueError(f"{language}.yaml entry {entry['code']!r}: role or labels not known")
    if entry.get("decides") and entry["role"] != "evidence":
        raise ValueError(f"{language}.yaml entry {entry['code']!r}: only evidence decides a flag")


@cache
def catalogue() -> dict[str, IndicatorSpec]:
    """Every indicator by code: the term indicators of all languages, then the rule ones."""
    merged: dict[str, IndicatorSpec] = {}
    for language in LANGUAGES:
        for entry in _load_language(language):
            _check(entry, language)
            known = merged.get(entry["code"])
            terms = tuple(str(term) for term in entry["terms"])
            if known is not None:
                terms = known.terms + terms
            merged[entry["code"]] = IndicatorSpec(
                entry["code"],
                tuple(entry["labels"]),
                entry["role"],
                entry["description"],
                entry["source"],
                terms,
                bool(entry.get("decides")) or (known is not None and known.decides),
            )
    for spec in RULE_INDICATORS:
        merged[spec.code] = spec
    _merge_site_terms(merged)
    return merged


def _merge_site_terms(merged: dict[str, IndicatorSpec]) -> None:
    """Add the terms analysts accepted on this site to their indicators."""
    from dataclasses import replace

    from sentinelle.indicators.site_terms import load_site_terms

    for entry in load_site_terms():
        spec = merged.get(entry.get("code"))
        if spec is None or spec in RULE_INDICATORS:  # rules match no words
            continue
        merged[spec.code] = replace(spec, terms=(*spec.terms, str(entry["term"])))


def codes() -> list[str]:
    """Every indicator code in a stable order (the feature order of the models)."""
    return sorted(catalogue())
