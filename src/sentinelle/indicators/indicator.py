"""The indicator record: one cue that fired on a post, with the words that fired it."""

from __future__ import annotations

from typing import NamedTuple

LABELS = ("minor", "control", "recruitment")


class Indicator(NamedTuple):
    """A fired indicator: its catalogue code, the evidence text and where it sits.

    `span` is (start, end) in the post text, or None for indicators that come from
    extraction or from the network rather than from one stretch of text. A named tuple, not a
    dataclass: a batch creates millions of them and tuples are several times cheaper to make.
    """

    code: str
    evidence: str
    span: tuple[int, int] | None = None

    def to_export(self) -> dict[str, str]:
        """The export contract's form: {"code": ..., "evidence": ...}."""
        return {"code": self.code, "evidence": self.evidence}
