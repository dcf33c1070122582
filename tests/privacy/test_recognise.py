"""Masking by recognition: every written form of an identifier is masked, ordinary numbers
are left alone."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.extract.phones import find_phones
from sentinelle.privacy.recognise import (
    _literal_spans,
    _plain_lower,
    _word_spans,
    identifier_spans,
    mask_text,
)


def test_a_second_writing_of_the_same_number_is_masked_too():
    text = "0679139938 dispo. Appelle le 06.79.13.99.38 ou le 𝟘𝟞 𝟟𝟡 𝟙𝟛 𝟡𝟡 𝟛𝟠"
    masked = mask_text(text)
    assert find_phones(masked) == []
    assert "06.79" not in masked and "79.13" not in masked and "𝟟𝟡" not in masked
    assert masked.startswith("0••••••••8 dispo.")


def test_handles_emails_and_known_forms_are_masked_words_only():
    masked = mask_text("Snap: Lea_77 ou lea_77@exemple.fr, pas lea_777", known=["resa99"])
    assert "lea_77" not in masked.lower().replace("lea_777", "")
    assert "exemple.fr" not in masked and "lea_777" in masked  # a longer name is another one
    assert mask_text("contact resa99 svp", known=["resa99"]) == "contact r••••9 svp"


def test_prices_ages_and_dates_stay_readable():
    text = "100 roses/h, 16 ans, le 15/04/2024 à 14h, 2 h 150"
    assert identifier_spans(text) == []
    assert mask_text(text) == text


def test_an_unknown_long_number_is_masked_as_a_last_net():
    masked = mask_text("num 0 9 9 9 9 9 9 9 9 9 ok, 06 12 34 56 78. 16 ans")
    assert "9 9 9" not in masked and masked.endswith(". 16 ans")


def test_a_bare_mention_is_masked():
    masked = mask_text("Intéressée ? DM @teddy_lyon, appart fourni")
    assert "teddy_lyon" not in masked and "appart fourni" in masked


def test_an_account_thanked_credited_or_tagged_is_masked_too():
    """Whose account it is matters to linking only: every account named is personal data."""
    for text, name in (
        ("Plus d'infos chez @cafe_42 !", "cafe_42"),
        ("Photo de @lea_2009 , dispo ce soir", "lea_2009"),
        ("Annonce relayée par asso.quartier13 sur insta", "asso.quartier13"),
        ("Soirée top avec @dj_max77 !", "dj_max77"),
    ):
        assert name not in mask_text(text), text


# Letters whose case-insensitive matching is odd (ſ/s, ı/i, K/k, final sigma, İ), beside
# plain ones: the str.find path must find exactly what `re` finds, or fall back to it.
_PLAIN = "aAiIsSkKK06 ._-@éÉ💎"
_ALPHABET = _PLAIN + "Σσςſıİ"


def _regex_literal(text: str, needle: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(re.escape(needle), text, flags=re.IGNORECASE)]


def _regex_word(text: str, name: str) -> list[tuple[int, int]]:
    pattern = rf"(?<![\w.]){re.escape(name)}(?!\w)"
    return [m.span() for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet=_PLAIN, max_size=40) | st.text(alphabet=_ALPHABET, max_size=40),
    needle=st.text(alphabet=_PLAIN, min_size=1, max_size=5)
    | st.text(alphabet=_ALPHABET, min_size=1, max_size=5),
)
def test_literal_search_finds_what_re_finds(text, needle):
    lowered = _plain_lower(text)
    planted = text[: len(text) // 2] + needle.upper() + text[len(text) // 2 :]
    for haystack, low in ((text, lowered), (planted, _plain_lower(planted))):
        assert _literal_spans(haystack, needle, low) == _regex_literal(haystack, needle)
        assert _word_spans(haystack, needle, low) == _regex_word(haystack, needle)


def test_odd_case_characters_take_the_re_path():
    assert _plain_lower("Appelle LEA_77") == "appelle lea_77"
    for odd in ("ſ", "ı", "İ", "Σ"):
        assert _plain_lower(f"lea{odd}") is None
    assert _word_spans("contact ſnap", "snap", _plain_lower("contact ſnap")) == [(8, 12)]
