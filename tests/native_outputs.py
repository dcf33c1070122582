"""Everything extraction and indicator matching return on a corpus, one line per input.

Run twice by `tests/test_native.py`, once on the compiled modules and once on their Python
sources (`SENTINELLE_PURE_PYTHON=1`), whose outputs must be identical line for line. After a
posts file's lines, its entity indicators and persona names (the file as one scoring batch,
each author's posts as one network):
`python tests/native_outputs.py OUTPUT POSTS.jsonl... [--strings STRINGS.json]`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from sentinelle import native
from sentinelle.extract import extract_post
from sentinelle.extract.ages import find_ages
from sentinelle.extract.handles import find_handles
from sentinelle.extract.mentions import find_emoji, find_platforms, find_urls
from sentinelle.extract.phones import find_phones
from sentinelle.extract.prices import find_prices
from sentinelle.indicators.entity import entity_indicators, persona_names
from sentinelle.indicators.indicator import Indicator
from sentinelle.indicators.matcher import match_indicators, term_indicators
from sentinelle.places.cityfield import resolve_city
from sentinelle.places.matchform import match_form
from sentinelle.places.mentions import find_places
from sentinelle.records import Extraction, Post
from sentinelle.text.normalize import fold, tokens

# Each finder on its own, on any text (a test case need not be a whole post).
_FINDERS: dict[str, Callable[[str], object]] = {
    "phones": find_phones,
    "ages": lambda text: find_ages(text, 2024),
    "prices": find_prices,
    "handles": find_handles,
    "emoji": find_emoji,
    "urls": find_urls,
    "platforms": lambda text: find_platforms(text, find_emoji(text)),
    "places": find_places,
    "city": resolve_city,
    "terms": term_indicators,
    "match_form": match_form,
    "fold": fold,
    "tokens": tokens,
}


def _outcome(call: Callable[[], object]) -> str:
    """The repr of what a call returns, or of what it raises (which must agree too)."""
    try:
        return repr(call())
    except Exception as error:
        return f"raised {type(error).__name__}: {error}"


def post_outputs(post: Post) -> tuple[str, Extraction, list[Indicator]]:
    """What the pipeline reads out of one post (its line), its extraction and indicators."""
    text = f"{post.title}\n\n{post.text}" if post.title else post.text
    extraction = extract_post(post)
    indicators = match_indicators(post.text, extraction, fold(post.text))
    return repr((find_phones(text), extraction, indicators)), extraction, indicators


def entity_lines(posts: list[Post], extractions: list, indicators: list) -> list[str]:
    """Per post: its entity indicators and facts over `posts`, and its persona names."""
    networks = [post.author or None for post in posts]
    found, facts = entity_indicators(posts, extractions, indicators, networks)
    return [
        repr((fired, fact, persona_names(post)))
        for fired, fact, post in zip(found, facts, posts, strict=True)
    ]


def string_line(text: str) -> str:
    """Every finder on one test case."""
    return repr({name: _outcome(lambda f=finder: f(text)) for name, finder in _FINDERS.items()})


def main(arguments: list[str]) -> None:
    output, *inputs = arguments
    fields = set(Post.__dataclass_fields__)
    with open(output, "w", encoding="utf-8") as out:
        modules = native.compiled_modules()
        out.write(json.dumps(sorted(name for name, done in modules.items() if done)) + "\n")
        for name in inputs:
            if name.endswith(".json"):
                for text in json.loads(Path(name).read_text("utf-8")):
                    out.write(string_line(text) + "\n")
                continue
            posts, extractions, indicators = [], [], []
            with open(name, encoding="utf-8") as lines:
                for line in lines:
                    raw = json.loads(line)
                    post = Post(**{key: value for key, value in raw.items() if key in fields})
                    written, extraction, fired = post_outputs(post)
                    out.write(written + "\n")
                    posts.append(post)
                    extractions.append(extraction)
                    indicators.append(fired)
            for written in entity_lines(posts, extractions, indicators):
                out.write(written + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
