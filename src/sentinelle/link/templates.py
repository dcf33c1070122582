"""Why two texts were linked: the template they share and the slots where they differ.

Computed on demand (when an analyst looks at a network), from the two texts themselves, so
linking a million posts never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from sentinelle.link.shingles import tokens

SLOT = "{…}"


@dataclass(frozen=True, slots=True)
class TextEvidence:
    template: str  # shared words, with SLOT where the texts differ
    slots: list[tuple[str, str]]  # (what the first text says, what the second says)


def explain(first: str, second: str) -> TextEvidence:
    """The shared template of two texts and their differing slots, word by word (folded)."""
    a, b = tokens(first), tokens(second)
    parts: list[str] = []
    slots: list[tuple[str, str]] = []
    for op, a_start, a_end, b_start, b_end in SequenceMatcher(
        None, a, b, autojunk=False
    ).get_opcodes():
        if op == "equal":
            parts.append(" ".join(a[a_start:a_end]))
        else:
            parts.append(SLOT)
            slots.append((" ".join(a[a_start:a_end]), " ".join(b[b_start:b_end])))
    return TextEvidence(" ".join(parts), slots)
