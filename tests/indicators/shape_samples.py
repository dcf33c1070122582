"""Checks shared by the tests of word-gated sentence shapes (`indicators.word_gates`): strings
sampled from each shape hold the words its gate asks for, and the gated search finds what the
shapes searched one by one find, on generated posts and every string of these tests."""

from __future__ import annotations

import ast
import random
from pathlib import Path
from re import _parser

from tests.regex_samples import Alphabet
from tests.regex_samples import sample as sample_pattern

# digits as "7" and spaces as " ": the shapes' words are what count
ALPHABET = Alphabet(digits="7", spaces=" ")


def sample(parsed, rng) -> str:
    return sample_pattern(parsed, rng, ALPHABET)


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
