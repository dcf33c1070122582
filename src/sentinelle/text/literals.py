"""Words from a fixed list found in a text as a regular expression alternation finds them.

`re.finditer` over "snapchat|snap|sc|..." tries every word at every character; one
Aho–Corasick pass finds the same matches when the alternation lists longer words first:
leftmost first, at that position the longest word (words matching at one position are
prefixes of one another), none overlapping the match before.
"""

from __future__ import annotations

import ahocorasick


def literal_automaton(words: list[str] | tuple[str, ...]) -> ahocorasick.Automaton:
    """An automaton of `words`, for `leftmost_longest`."""
    machine = ahocorasick.Automaton()
    for word in words:
        machine.add_word(word, len(word))
    machine.make_automaton()
    return machine


def leftmost_longest(machine: ahocorasick.Automaton, text: str) -> list[tuple[int, int]]:
    """(start, end) of each match, in order, as `re.finditer` over the words longest first."""
    found = sorted((end + 1 - length, -length) for end, length in machine.iter(text))
    spans = []
    reached = 0
    for start, negative in found:
        if start >= reached:
            reached = start - negative
            spans.append((start, reached))
    return spans
