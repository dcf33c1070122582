"""Phone numbers: valid, never shared by accident, and hard forms that still spell the number."""

from __future__ import annotations

import re

import phonenumbers

from sentinelle.demo.dice import Dice
from sentinelle.demo.number_words import french_number
from sentinelle.demo.phones import TRICKS, hard_form, new_phone, plain_form
from sentinelle.demo.registry import Registry

from .decode import digits_of, spelled_forms


def test_french_number_words() -> None:
    assert french_number(0) == "zéro"
    assert french_number(17) == "dix-sept"
    assert french_number(21) == "vingt et un"
    assert french_number(21, hyphens_everywhere=True) == "vingt-et-un"
    assert french_number(71) == "soixante et onze"
    assert french_number(78) == "soixante-dix-huit"
    assert french_number(80) == "quatre-vingts"
    assert french_number(81) == "quatre-vingt-un"
    assert french_number(92) == "quatre-vingt-douze"


def test_numbers_are_valid_mobiles_and_unique() -> None:
    rng, used = Dice(3), Registry(0, 1)
    phones = [new_phone(rng, used, country) for country in ("FR", "BE", "CH", "ES") * 200]
    assert len({p.e164 for p in phones}) == len(phones)
    for phone in phones:
        parsed = phonenumbers.parse(phone.e164)
        assert phonenumbers.is_valid_number(parsed)
        assert phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE


def test_plain_forms_parse_back_with_phonenumbers() -> None:
    rng, used = Dice(4), Registry(0, 1)
    for country in ("FR", "BE", "CH", "ES") * 100:
        phone = new_phone(rng, used, country)
        written = plain_form(rng, phone)
        parsed = phonenumbers.parse(written, "FR")
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == phone.e164


def test_hard_forms_spell_the_number_and_name_their_tricks() -> None:
    rng, used = Dice(5), Registry(0, 1)
    seen = set()
    for country in ("FR",) * 600 + ("BE", "CH", "ES") * 50:
        phone = new_phone(rng, used, country)
        written, tricks = hard_form(rng, phone)
        assert tricks and set(tricks) <= set(TRICKS)
        seen.update(tricks)
        assert any(form in digits_of(written) for form in spelled_forms(phone.e164)), written
        assert ("\n" in written) == ("line_break" in tricks)
    assert seen == set(TRICKS)


_RUN_TOGETHER = re.compile(
    r"\b(vingts?|trente|quarante|cinquante|soixante) "
    r"(un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize)\b"
    r"|quatre vingt"
)


def test_spelled_pairs_never_run_together_into_another_number() -> None:
    """ "soixante dix" reads as 70: two spelled groups side by side get a separator."""
    rng, registry = Dice(6), Registry(0, 1)
    spelled = 0
    for _ in range(1500):
        written, tricks = hard_form(rng, new_phone(rng, registry))
        if "number_words" in tricks:
            spelled += 1
            assert not _RUN_TOGETHER.search(written), written
    assert spelled > 100
