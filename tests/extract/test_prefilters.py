"""The cheap tests that let extraction skip a slow pattern never skip one that would match.

Each slow pattern opens with alternatives or a look-behind, so the regex engine tries it at
every character; a hint (a part every match of it holds) is searched first, and a text
without the hint is not searched. These tests require the hint wherever the slow pattern
matches: in strings sampled from the slow pattern itself (every branch, repeat and class,
with odd spaces and digits), in generated demo and stress posts and in every string of the
extraction tests. The Aho–Corasick replacements of word alternations must find exactly what
the alternation finds.
"""

from __future__ import annotations

import ast
import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from re import _parser

import pytest

from sentinelle.extract import ages, handles, mentions, phone_cues
from sentinelle.text.literals import leftmost_longest
from tests.regex_samples import Alphabet, sample

TESTS = Path(__file__).resolve().parent
_SPACES, _DIGITS, _LETTERS = Alphabet.spaces, Alphabet.digits, Alphabet.letters

# slow pattern, the test that must hold wherever it matches
PREFILTERS: dict[str, tuple[re.Pattern[str], Callable[[str], object]]] = {
    "age range": (ages._AGE_RANGE, ages._RANGE_HINT.search),
    "written age": (ages._WRITTEN, ages._word_then_unit),
    "name, age": (ages._NAME_AGE, ages._NAME_AGE_HINT.search),
    "person of an age": (ages._PERSON_OF, ages._OF_NUMBER.search),
    "I'm 16": (ages._I_AM_EN, ages._AM_NUMBER.search),
    "name before platform": (handles._NAME_THEN_PLATFORM, handles._PLATFORM_AFTER_NAME.search),
    "url": (mentions._URL, mentions._URL_HINT.search),
}


def _context(rng: random.Random) -> str:
    return "".join(
        rng.choice(_LETTERS + _SPACES + _DIGITS + ".,(") for _ in range(rng.randint(0, 4))
    )


@pytest.mark.parametrize("name", PREFILTERS)
def test_the_hint_stands_in_every_sampled_match(name: str) -> None:
    slow, hint = PREFILTERS[name]
    parsed = _parser.parse(slow.pattern, slow.flags)
    rng = random.Random(1616)
    matched = 0
    for _ in range(3000):
        text = _context(rng) + sample(parsed, rng) + _context(rng)
        for form in (text, text.lower()):
            if slow.search(form):
                matched += 1
                assert hint(form), (name, form)
    assert matched >= 300  # the samples do exercise the pattern


@cache
def _texts() -> tuple[str, ...]:
    """Generated demo and stress posts (title and text, as extraction reads them) and every
    string of the extraction tests."""
    from sentinelle.demo.corpus import generate
    from sentinelle.demo.stress.world import generate_stress

    posts = [post for post, _ in generate(1500, seed=161)]
    posts += [post for post, _ in generate_stress(1500, seed=162)]
    texts = [f"{p['title']}\n\n{p['text']}" if p.get("title") else p["text"] for p in posts]
    for path in sorted(TESTS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append(node.value)
    return tuple(texts)


def test_the_hints_stand_wherever_the_patterns_match_in_posts_and_test_texts() -> None:
    fired = dict.fromkeys(PREFILTERS, 0)
    for text in _texts():
        for form in (text, text.lower()):
            for name, (slow, hint) in PREFILTERS.items():
                if slow.search(form):
                    fired[name] += 1
                    assert hint(form), (name, form)
    assert all(fired.values()), fired


def test_the_regex_spaces_are_the_spaces_written_ages_walk_back_over() -> None:
    """`_word_then_unit` steps back over `str.isspace` characters where `_WRITTEN` has `\\s+`."""
    space = re.compile(r"\s")
    assert all(bool(space.match(chr(code))) == chr(code).isspace() for code in range(0x110000))


def _as_alternation(words) -> re.Pattern[str]:
    return re.compile("|".join(sorted((re.escape(word) for word in words), key=len, reverse=True)))


@pytest.mark.parametrize(
    ("words", "machine"),
    [
        (tuple(mentions._PLATFORM_WORDS), mentions._PLATFORM),
        (tuple(handles._KEYWORDS), handles._KEYWORDS_FOUND),
    ],
    ids=["platforms", "handle keywords"],
)
def test_the_automaton_finds_what_the_alternation_finds(words, machine) -> None:
    alternation = _as_alternation(words)
    rng = random.Random(16)
    pieces = [*words, *(word[: rng.randint(1, len(word))] for word in words), " ", "x", "."]
    samples = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for text in [*samples, *_texts()]:
        for form in (text, text.lower()):
            assert leftmost_longest(machine, form) == [
                match.span() for match in alternation.finditer(form)
            ], form


def _opens_a_word_by_listing(lowered: str) -> bool:
    """The former test: any word of four letters or more whose first five are a stem."""
    stems = set()
    for words in phone_cues._COUNTRY_WORDS.values():
        for word in words.split():
            stems.update((word[:5], phone_cues._fold(word)[:5]))
    return not stems.isdisjoint(word[:5] for word in re.findall(r"[^\W\d_]{4,}", lowered))


def test_country_word_stems_are_found_as_listing_every_word_found_them() -> None:
    _, _, machine = phone_cues._country_words()
    rng = random.Random(16)
    words = " ".join(phone_cues._COUNTRY_WORDS.values()).split()
    pieces = [*words, *(word[: rng.randint(3, 6)] for word in words), " ", "é", "x", "1", "_"]
    samples = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    for text in [*samples, *_texts()]:
        lowered = text.lower()
        assert phone_cues._opens_a_word(lowered, machine) == _opens_a_word_by_listing(lowered), text


# Texts written around the hints' edges (odd spaces, capitals, glued words): the reference
# comparison (`test_reference_outputs.py`) reads every string of these tests too.
EDGES = (
    "seize\tans",
    "dix-sept\u00a0ans",
    "Léa ,16 - Lyon",
    "Léa( 16)",
    "de 16\tà 18 ans",
    "entre 15 et 17 ans",
    "16-17ans",
    "âgée de\t16",
    "I'm\t16",
    "im only 17",
    "lea_77\tsur\tsnap",
    "lea_77 (👻)",
    "@lea_77 on tg",
    "WWW.site.fr",
    "T.ME/lea_77",
    "snapchat.com/add/lea",
    "instagrammer insta: lea",
    "turc 0721 234 567",
    "numéro turcs : 0532 123 45 67",
    "Turquie: 0532 123 45 67",
    "grecque 🇬🇷",
)


def test_the_hints_come_after_the_former_tests_not_instead() -> None:
    """The former word tests ("' an'", "' sur '", "'/' or 'www.'") still come first: a hint
    alone would let through what they turn away, and change the output."""
    assert ages.find_ages(EDGES[0], 2024) == []
    assert handles.find_handles(EDGES[10]) == []
    assert mentions.find_urls(EDGES[13]) == []
    assert [age.age for age in ages.find_ages("seize ans", 2024)] == [16]
    assert handles.find_handles("lea_77 sur snap") == ["snapchat:lea_77"]


def test_the_letters_ignoring_case_matches_without_lowering_to_them_are_known() -> None:
    """`_account_hint` searches the lower-case window unless it holds İ, ı or ſ: the only
    characters `(?i)` matches to an account label's letter that do not lower to it."""
    from sentinelle.extract import phone_barriers

    letters = sorted(set(re.sub(r"[^a-zé]", "", phone_barriers._ACCOUNT_LABELS)))
    ignoring_case = re.compile("(?i:" + "|".join(letters) + ")")
    matched = {chr(code) for code in range(0x110000) if ignoring_case.fullmatch(chr(code))}
    lowering = {char for char in matched if len(char.lower()) == 1 and char.lower() in letters}
    assert matched - lowering == phone_barriers._FOLDED_LIKE_ASCII


def test_account_labels_are_found_as_ignoring_case_found_them() -> None:
    from sentinelle.extract import phone_barriers

    rng = random.Random(16)
    labels = phone_barriers._ACCOUNT_LABELS.replace("r[ée]f", "ref|réf").split("|")
    odd = "İıſ\u212aSIRETRÉF"
    samples = [
        "".join(rng.choice([*labels, *odd, " ", "📞", "é", "x"]) for _ in range(rng.randint(1, 5)))
        for _ in range(3000)
    ]
    for text in [*samples, *(text[-40:] for text in _texts())]:
        expected = phone_barriers._ACCOUNT_HINT.search(text) is not None
        assert phone_barriers._account_hint.__wrapped__(text) == expected, text
