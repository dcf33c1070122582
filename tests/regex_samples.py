"""Strings sampled from a regular expression, for tests that must hold wherever a pattern
matches (a cheap hint before a slow pattern, a word gate before a sentence shape): a random
branch, repeat count and class member at each step of the parsed pattern."""

from __future__ import annotations

import random
from dataclasses import dataclass
from re import _constants as c


@dataclass(frozen=True)
class Alphabet:
    """What classes, categories and negations are drawn from."""

    digits: str = "0123456789٣۷"  # ASCII and other Unicode decimal digits
    spaces: str = " \t\n\u00a0\u2009\u3000\x0b"
    letters: str = "abcdeéèàçiïlmnorstuyzABCDELMNOSÉß"
    others: str = "-.,;:!?()'’/+@#€$ "  # what a negated category gives

    def category(self, value, rng: random.Random) -> str:
        if value is c.CATEGORY_DIGIT:
            return rng.choice(self.digits)
        if value is c.CATEGORY_SPACE:
            return rng.choice(self.spaces)
        if value is c.CATEGORY_WORD:
            return rng.choice(self.letters + self.digits + "_")
        return rng.choice(self.others)


def sample(parsed, rng: random.Random, alphabet: Alphabet = Alphabet()) -> str:
    """One string following `parsed` (`re._parser.parse`). Assertions and word boundaries are
    left out: keep a sample only where the pattern matches it, when that matters."""
    out = []
    for op, value in parsed:
        if op is c.LITERAL:
            out.append(chr(value))
        elif op is c.NOT_LITERAL:
            out.append(rng.choice([char for char in " a1-" if ord(char) != value]))
        elif op is c.ANY:
            out.append(rng.choice(alphabet.letters + alphabet.spaces))
        elif op is c.IN:
            choices = [entry for entry in value if entry[0] is not c.NEGATE]
            if len(choices) < len(value):  # a negated class: anything it does not hold
                pool = alphabet.letters + alphabet.digits + alphabet.spaces + ".,@/"
                out.append(rng.choice(pool))
                continue
            kind, item = rng.choice(choices)
            if kind is c.LITERAL:
                out.append(chr(item))
            elif kind is c.RANGE:
                out.append(chr(rng.randint(*item)))
            else:
                out.append(alphabet.category(item, rng))
        elif op is c.CATEGORY:
            out.append(alphabet.category(value, rng))
        elif op is c.BRANCH:
            out.append(sample(rng.choice(value[1]), rng, alphabet))
        elif op is c.SUBPATTERN:
            out.append(sample(value[3], rng, alphabet))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, inner = value
            count = rng.randint(low, min(high, low + 3))
            out.extend(sample(inner, rng, alphabet) for _ in range(count))
        elif op is c.ATOMIC_GROUP:
            out.append(sample(value, rng, alphabet))
        elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
            raise AssertionError(f"no sampler for {op}")
    return "".join(out)
