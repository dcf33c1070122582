"""Masking by recognition: every written form of an identifier is masked, ordinary numbers
are left alone."""

from __future__ import annotations

from sentinelle.extract.phones import find_phones
from sentinelle.privacy.recognise import identifier_spans, mask_text


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
