"""Flags explained on the page: each indicator's name and catalogue description, each score
against the threshold at which the model flags it."""

from __future__ import annotations

from functools import cache

LABELS = ("minor", "control", "recruitment")


@cache
def _catalogue() -> dict:
    from sentinelle.indicators.catalogue import catalogue

    return catalogue()


def indicator_name(code: str) -> str:
    """control.many_cities -> "Many cities": readable without knowing the codes."""
    return code.rpartition(".")[2].replace("_", " ").capitalize() or code


def explain_indicator(item: dict) -> dict:
    """The indicator with `name`, `description` and the labels it speaks for."""
    code = str(item.get("code") or "")
    spec = _catalogue().get(code)
    return {
        **item,
        "name": indicator_name(code),
        "description": spec.description if spec else "",
        "labels": list(spec.labels) if spec else [],
        "role": spec.role if spec else "",
    }


def indicator_choices() -> list[tuple[str, str]]:
    """(code, "Name: description") for the indicator picklist, sorted by code."""
    return [
        (code, f"{indicator_name(code)} — {spec.description}")
        for code, spec in sorted(_catalogue().items())
    ]


@cache
def thresholds() -> dict[str, float]:
    """The shipped model's flag thresholds per label (empty when no model ships)."""
    try:
        from sentinelle.score.model import default_model

        return dict(default_model().thresholds)
    except (FileNotFoundError, OSError, ValueError, KeyError):
        return {}
