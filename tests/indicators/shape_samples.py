"""Checks shared by the tests of word-gated sentence shapes (`indicators.word_gates`): strings
sampled from each shape hold the words its gate asks for, and the gated search finds what the
shapes searched one by one find, on generated posts and every string of these tests."""

from __future__ import annotations

import ast
import random
from pathlib import Path
from re import _constants as c
from re import _parser


def sample(parsed, rng) -> str:
    """One string following a parsed pattern: a random branch, repeat count and class member
    at each step (assertions and word boundaries are left out; the words are what count)."""
    out = []
    for op, value in parsed:
        if op is c.LITERAL:
            out.append(chr(value))
        elif op is c.IN:
            kind, item = rng.choice([entry for entry in value if entry[0] is not c.NEGATE])
            if kind is c.LITERAL:
                out.append(chr(item))
            elif kind is c.RANGE:
                out.append(chr(rng.randint(*item)))
            else:  # a category: \d is the only one the shapes use in a class
                out.append("7")
        elif op is c.BRANCH:
            out.append(sample(rng.choice(value[1]), rng))
        elif op is c.SUBPATTERN:
            out.append(sample(value[3], rng))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, inner = value
            out.extend(sample(inner, rng) for _ in range(rng.randint(low, min(high, low + 3))))
        elif op is c.CATEGORY:
            out.append("7" if value is c.CATEGORY_DIGIT else " ")
        elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
            raise AssertionError(f"no sampler for {op}")
    return "".join(out)


def assert_gates_hold(patterns, required, seed: int = 16, samples: int = 600) -> None:
    """Every string sampled from each pattern contains a word of each of its gate's groups."""
    rng = random.Random(seed)
    assert len(required) == len(patterns)
    for pattern, groups in zip(patterns, required, strict=True):
        parsed = _parser.parse(pattern.pattern)
        for _ in range(samples):
            text = sample(parsed, rng)
            missing = [words for words in groups if not any(word in text for word in words)]
            assert not missing, (pattern.pattern[:60], text, missing)


def gated_search_texts(demo_seed: int, stress_seed: int) -> list[tuple[str, str, str]]:
    """(text, matching form, source of the offsets) of 1,500 demo and 1,500 stress posts and
    of every string constant in these tests."""
    from sentinelle.demo.corpus import generate
    from sentinelle.demo.stress.world import generate_stress
    from sentinelle.indicators.matcher import _matching_form
    from sentinelle.text.normalize import fold

    texts = [post["text"] for post, _ in generate(1500, seed=demo_seed)]
    texts += [post["text"] for post, _ in generate_stress(1500, seed=stress_seed)]
    for path in sorted(Path(__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
    found = []
    for text in texts:
        folded = fold(text)
        found.append((text, _matching_form(folded), text if len(folded) == len(text) else folded))
    return found
