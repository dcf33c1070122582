"""Everything extraction and indicator matching return on a corpus, one line per input.

Run twice by `tests/test_native.py`, once on the compiled modules and once on their Python
sources (`SENTINELLE_PURE_PYTHON=1`), whose outputs must be identical line for line:
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
from sentinelle.indicators.matcher import match_indicators, term_indicators
from sentinelle.places.cityfield import resolve_city
from sentinelle.places.matchform import match_form
from sentinelle.places.mentions import find_places
from sentinelle.records import Post
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


def post_line(post: Post) -> str:
    """What the pipeline reads out of one post: its extraction and its indicators."""
    text = f"{post.title}\n\n{post.text}" if post.title else post.text
    extraction = extract_post(post)
    indicators = match_indicators(post.text, extraction, fold(post.text))
    return repr((find_phones(text), extraction, indicators))


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
            with open(name, encoding="utf-8") as lines:
                for line in lines:
                    raw = json.loads(line)
                    post = Post(**{key: value for key, value in raw.items() if key in fields})
                    out.write(post_line(post) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
