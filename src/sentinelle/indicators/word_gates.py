"""Which sentence shapes a text may hold, from words every match of a shape contains.

A shape's regular expression opens with alternatives the engine tries at every character; most
posts hold none of the words a shape needs. Each shape lists groups of words (a match holds at
least one word of each group, as a substring); one Aho–Corasick pass over the text finds which
groups it satisfies, and a shape missing a group is not searched. The shapes' tests sample
strings from each pattern and require the words in every one.
"""

from __future__ import annotations

import ahocorasick

Required = tuple[tuple[tuple[str, ...], ...], ...]  # per shape, its groups of words


class WordGates:
    """The words of every shape's groups in one automaton, a bit per group."""

    def __init__(self, required: Required) -> None:
        bits: dict[str, int] = {}
        self.needed: list[int] = []  # per shape, the bits of its groups
        group = 0
        for shape in required:
            mask = 0
            for words in shape:
                for word in words:
                    bits[word] = bits.get(word, 0) | 1 << group
                mask |= 1 << group
                group += 1
            self.needed.append(mask)
        self.machine = ahocorasick.Automaton()
        for word, groups in bits.items():
            self.machine.add_word(word, groups)
        self.machine.make_automaton()

    def open(self, text: str) -> list[bool]:
        """Per shape, whether `text` holds a word of each of its groups (overlaps included:
        "appart" holds "part")."""
        present = 0
        for _, groups in self.machine.iter(text):
            present |= groups
        return [present & needed == needed for needed in self.needed]
