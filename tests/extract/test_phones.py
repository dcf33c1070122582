"""Phone numbers however written, and the numbers that are not phones."""

from __future__ import annotations

import random
import string

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sentinelle.extract.phones import find_phones, merge_hits
from sentinelle.records import PhoneHit
from tests.extract.ads import ads
from tests.extract.writing import HARD_TRICKS, french, obscured

LEA = "+33612345678"


def read(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(hit.e164, hit.tricks) for hit in find_phones(text)]


@pytest.mark.parametrize(
    "text",
    [
        "appelle moi 06 12 34 56 78 bisous",
        "tel:0612345678",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "+33 6 12 34 56 78",
        "+33612345678",
        "(+33) 6 12 34 56 78",
        "0033 6 12 34 56 78",
        "0033612345678",
        "+33 (0)6 12 34 56 78",
        "+33 06 12 34 56 78",
        "Léa\n06 12 34 56 78\nà bientôt",
    ],
)
def test_plain_writings(text: str) -> None:
    assert read(text) == [(LEA, ())]


@pytest.mark.parametrize(
    ("text", "tricks"),
    [
        ("O6 l2 34 56 78", ("letter_digits",)),
        ("o6.I2.34.56.78", ("letter_digits",)),
        ("06 l2 34 56 78", ("letter_digits",)),
        ("O 6 I 2 3 4 5 6 7 8", ("letter_digits", "spaced_digits")),
        ("0 6 1 2 3 4 5 6 7 8", ("spaced_digits",)),
        ("0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣", ("keycap_emoji",)),
        ("0⃣6⃣ 1⃣2⃣ 3⃣4⃣ 5⃣6⃣ 7⃣8⃣", ("keycap_emoji",)),
        ("０６ １２ ３４ ５６ ７８", ("unicode_digits",)),
        ("𝟎𝟔𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", ("unicode_digits",)),
        ("٠٦١٢٣٤٥٦٧٨", ("unicode_digits",)),
        ("zéro six douze trente-quatre cinquante-six soixante-dix-huit", ("number_words",)),
        ("ZERO SIX DOUZE TRENTE QUATRE CINQUANTE SIX SOIXANTE DIX HUIT", ("number_words",)),
        ("06 douze 34 cinquante-six 78", ("number_words",)),
        ("06 12 (enlève les espaces) 34 56 78", ("inserted_filler",)),
        ("06 12 pas de sms 34 56 78", ("inserted_filler",)),
        ("06 12 ... 34 56 78", ("inserted_filler",)),
        ("06 12 34\n56 78", ("line_break",)),
        ("06, douze, 34, cinquante-six, 78", ("number_words",)),
        ("zéro six - douze - trente-quatre - 56 - 78", ("number_words",)),
        ("0️⃣ 6️⃣  1️⃣ 2️⃣ ~ 3️⃣ 4️⃣  5️⃣ 6️⃣  7️⃣ 8️⃣", ("spaced_digits", "keycap_emoji", "inserted_filler")),
        ("06 12 *** 34 56 78", ("inserted_filler",)),
        ("06/12/34/56/78", ("odd_separators",)),
        ("06_12_34_56_78", ("odd_separators",)),
        ("06*12*34*56*78", ("odd_separators",)),
        ("06 12.34-56 78", ("odd_separators",)),
        (
            "zéro six / douze (sans espace) trente-quatre\ncinquante-six_soixante-dix-huit",
            ("number_words", "inserted_filler", "line_break", "odd_separators"),
        ),
    ],
)
def test_tricks(text: str, tricks: tuple[str, ...]) -> None:
    assert read(text) == [(LEA, tricks)]


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("zéro sept soixante-dix-huit quatre-vingt-dix-neuf vingt et un onze", "0778992111"),
        ("zéro six quatre-vingts dix-sept soixante et onze quatre-vingt-un", "0680177181"),
        ("zéro six soixante quatre-vingt-deux quatre-vingt-trois vingt-neuf", "0660828329"),
        ("zéro six vingt-quatre vingt-trois zéro quatre vingt-trois", "0624230423"),
        ("zéro six soixante soixante quinze soixante-dix-sept", "0660601577"),  # 60 then 15
        ("zéro six soixante dix huit trente quatre 56 78", "0678345678"),  # spaced compounds
    ],
)
def test_number_word_compounds(words: str, digits: str) -> None:
    assert [hit.e164 for hit in find_phones(words)] == ["+33" + digits[1:]]


@pytest.mark.parametrize(
    "text",
    [
        "150€ la nuit, 1h 150, 30min 80€, 100 roses",
        "dispo le 12/03/2024 de 22h à 6h",
        "dispo du 06/12 au 09/12, 22h-6h",
        "le 06.12.2024 à 14h30",
        "9:30 ou 16:00",
        "appartement 75015 Paris, 06000 Nice",
        "Léa 19 ans, née en 2005, 1m65, 55kg",
        "réf 0612345678",
        "commande n° 0612345678",
        "tu gagnes 2000€/semaine, 50/50, 3 places",
        "dispo 7j/7 24h/24, 2 copines",
        "tarifs 0 6 euros",
        "lea_0612 et Yas_18",
        "n0uvelle 3n ville",
        "le 06/12/2024 a 14 12 34 56",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dispo le 06/12/2024 à 14h, 06 12 34 56 78", [LEA]),
        ("dispo 12/03 06 12 34 56 78", [LEA]),
        ("dans le 06 (Nice) 06 12 34 56 78", [LEA]),
        ("150€ 06 12 34 56 78 100 roses", [LEA]),
        ("06 12 34 56 78 / 07 98 76 54 32", [LEA, "+33798765432"]),
        ("0 6 1 2 3 4 5 6 7 8 - 0️⃣7️⃣ 9️⃣8️⃣ 7️⃣6️⃣ 5️⃣4️⃣ 3️⃣2️⃣", [LEA, "+33798765432"]),
        ("19 ans 06 12 34 56 78", [LEA]),
        ("mon 06: O6 l2 34 (appel uniquement) 56 78", [LEA]),
        ("mon 06: 0612345678 personnes sérieuses", [LEA]),
        ("O6I2345678!! sérieux", [LEA]),
        ("06, douze, trente-quatre, 56, 78 sms | insta: @emma.2330", [LEA]),
        ("06*12/34 / quatre-vingts_88", ["+33612348088"]),
        ("Nice (06), 📱 o 6 1 2 3 4 -- anti robot -- 5 6 7 8", [LEA]),
        ("O6 / l2 \n34 / 56 (sans espaces) 7O", ["+33612345670"]),
        ("sms O6l2345678, merci", [LEA]),
        ("née en 2005 06 12 34 56 78", [LEA]),
    ],
)
def test_phones_next_to_traps(text: str, expected: list[str]) -> None:
    assert [hit.e164 for hit in find_phones(text)] == expected


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("+32 470 12 34 56", "+32470123456"),
        ("0032470123456", "+32470123456"),
        ("+41 79 123 45 67", "+41791234567"),
        ("+34 612 345 678", "+34612345678"),
        ("+39 312 345 6789", "+393123456789"),
        ("+49 151 23456789", "+4915123456789"),
        ("+352 621 123 456", "+352621123456"),
        ("+33 1 42 68 53 00", "+33142685300"),
    ],
)
def test_neighbouring_countries(text: str, e164: str) -> None:
    assert [hit.e164 for hit in find_phones(text)] == [e164]


def test_invalid_numbers_are_not_read() -> None:
    assert read("06 00 00 00 0") == []
    assert read("08 99 12 34 56") == []  # premium rate: not a mobile or fixed line
    assert read("+33 6 12") == []


def test_raw_is_the_written_span() -> None:
    (hit,) = find_phones("tel: +33 (0)6 12 34 56 78 merci")
    assert hit.raw == "+33 (0)6 12 34 56 78"


def test_merge_hits_unions_tricks() -> None:
    hits = find_phones("06 12 34 56 78 ou zéro six douze trente-quatre cinquante-six 78")
    assert [hit.e164 for hit in hits] == [LEA, LEA]
    (merged,) = merge_hits(hits)
    assert merged == PhoneHit(LEA, "06 12 34 56 78", ("number_words",))


def test_text_without_digits_costs_nothing() -> None:
    assert find_phones("Bonjour, nouvelle en ville, appartement calme") == []


_SEPARATORS = st.sampled_from([" ", ".", "-", "", "  ", " . ", "/", "_", "*"])


@settings(max_examples=150, deadline=None)
@given(
    national=st.integers(600_000_000, 799_999_999),
    seps=st.lists(_SEPARATORS, min_size=4, max_size=4),
)
def test_any_french_mobile_with_any_separators_is_found(national: int, seps: list[str]) -> None:
    e164 = f"+33{national}"
    if phonenumbers.number_type(phonenumbers.parse(e164)) != phonenumbers.PhoneNumberType.MOBILE:
        return
    pairs = ["0" + str(national)[0]] + [str(national)[i : i + 2] for i in range(1, 9, 2)]
    text = pairs[0] + "".join(sep + pair for sep, pair in zip(seps, pairs[1:], strict=True))
    assert [hit.e164 for hit in find_phones(f"Contact {text} merci")] == [e164]


@settings(max_examples=100, deadline=None)
@given(
    seed=st.integers(0, 10**6),
    tricks=st.lists(st.sampled_from(HARD_TRICKS), min_size=1, max_size=3, unique=True),
)
def test_any_obscured_writing_is_found(seed: int, tricks: list[str]) -> None:
    if {"letter_digits", "unicode_digits", "keycap_emoji"} & set(tricks) - {tricks[0]}:
        tricks = [t for t in tricks if t not in ("unicode_digits", "keycap_emoji")] or tricks[:1]
    rng = random.Random(seed)
    e164 = f"+336{rng.choice(['12', '23', '45', '78'])}{rng.randrange(10**6):06d}"
    text = obscured(e164, tuple(tricks), rng)
    hits = find_phones(f"dispo ce soir, {text}, 150€ la nuit")
    assert [hit.e164 for hit in hits] == [e164], text
    assert hits[0].tricks, text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=string.ascii_letters + " €h/:.,'-", max_size=60), st.integers(0, 99))
def test_small_numbers_in_any_text_are_not_phones(words: str, number: int) -> None:
    assert find_phones(f"{words} {number} {words}") == []


def test_french_words_for_every_pair_read_back() -> None:
    for pair in range(100):
        written = french(pair) if pair >= 10 else f"zéro {french(pair)}"
        text = f"zéro six {written} 34 56 78"
        e164 = f"+336{pair:02d}345678"
        expected = [e164] if phonenumbers.is_valid_number(phonenumbers.parse(e164)) else []
        assert [hit.e164 for hit in find_phones(text)] == expected, text


def test_generated_corpus_f1() -> None:
    """30% of numbers written with hard tricks, among prices, dates, times and postcodes."""
    true_positive = false_positive = false_negative = 0
    for ad in ads(2000, seed=3, hard_share=0.3):
        found = {hit.e164 for hit in merge_hits(find_phones(ad.text))}
        expected = set(ad.phones)
        true_positive += len(found & expected)
        false_positive += len(found - expected)
        false_negative += len(expected - found)
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    f1 = 2 * precision * recall / (precision + recall)
    assert precision >= 0.995
    assert f1 >= 0.99


def test_generated_corpus_flags_obscured_numbers() -> None:
    agree = total = 0
    for ad in ads(1000, seed=5, hard_share=0.3):
        hits = {hit.e164: hit for hit in merge_hits(find_phones(ad.text))}
        for e164, tricks in zip(ad.phones, ad.tricks, strict=True):
            if e164 in hits:
                total += 1
                agree += hits[e164].obfuscated == bool(tricks)
    assert agree / total >= 0.99


# Every number: foreign countries, numbers outside the French plan, national forms with a cue.
_FOREIGN = {
    # region: (E.164, international written, national written)
    "RO": ("+40721234567", "+40 721 234 567", "0721 234 567"),
    "BG": ("+359871234567", "+359 87 123 4567", "087 123 4567"),
    "NG": ("+2348031234567", "+234 803 123 4567", "0803 123 4567"),
    "BR": ("+5511912345678", "+55 11 91234 5678", "(11) 91234-5678"),
    "BE": ("+32470123456", "+32 470 12 34 56", "0470 12 34 56"),
    "ES": ("+34612345678", "+34 612 34 56 78", "612 34 56 78"),
    "CN": ("+8613812345678", "+86 138 1234 5678", "138 1234 5678"),
}
_FLAGS = {"RO": "🇷🇴", "BG": "🇧🇬", "NG": "🇳🇬", "BR": "🇧🇷", "BE": "🇧🇪", "ES": "🇪🇸", "CN": "🇨🇳"}
_WORDS = {
    "RO": "roumain",
    "BG": "bulgare",
    "NG": "nigérian",
    "BR": "brésilien",
    "BE": "belge",
    "ES": "espagnol",
    "CN": "chinois",
}


def hits(text: str) -> list[tuple[str, bool]]:
    return [(hit.e164, hit.in_plan) for hit in find_phones(text)]


@pytest.mark.parametrize("region", sorted(_FOREIGN))
def test_foreign_numbers_after_plus_or_00(region: str) -> None:
    e164, international, _ = _FOREIGN[region]
    assert hits(f"dispo ce soir {international} bisous") == [(e164, True)]
    assert hits(f"whatsapp {international.replace('+', '00', 1)}") == [(e164, True)]
    assert hits(f"tel:{e164}.") == [(e164, True)]


@pytest.mark.parametrize("region", sorted(_FOREIGN))
def test_foreign_national_forms_with_a_cue(region: str) -> None:
    e164, _, national = _FOREIGN[region]
    flag, word = _FLAGS[region], _WORDS[region]
    assert hits(f"Nouvelle à Lyon {flag} {national}") == [(e164, True)]
    assert hits(f"{national} {flag} 150€ la nuit") == [(e164, True)]
    assert hits(f"appelle mon numéro {word} : {national}") == [(e164, True)]
    assert hits(f"num {word} {national}, 19 ans") == [(e164, True)]
    assert hits(f"dispo 22h-6h, {national} ({word})") == [(e164, True)]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("+44 7911 123456", "+447911123456"),
        ("+1 415 555 2671", "+14155552671"),
        ("+212 612 345 678", "+212612345678"),
        ("+225 07 07 12 34 56", "+2250707123456"),
        ("+380 50 123 4567", "+380501234567"),
        ("+7 912 345 67 89", "+79123456789"),
        ("00 48 512 345 678", "+48512345678"),
        ("+351 912 345 678", "+351912345678"),
    ],
)
def test_any_country_after_plus_or_00(text: str, e164: str) -> None:
    assert hits(f"contact {text}") == [(e164, True)]


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("numéro roumain +40 ７２１ ２３４ ５６７", "+40721234567"),  # full-width digits
        ("+40.721.234.567", "+40721234567"),
        ("+40-721-234-567", "+40721234567"),
        ("+40 721.234-567", "+40721234567"),
        ("+234/803/123/4567", "+2348031234567"),
        ("+𝟓𝟓 𝟏𝟏 𝟗𝟏𝟐𝟑𝟒 𝟓𝟔𝟕𝟖", "+5511912345678"),
        ("+3 5 9 8 7 1 2 3 4 5 6 7", "+359871234567"),
        ("🇷🇴 O721 234 567", "+40721234567"),
        ("🇧🇪 0470.12.34.56", "+32470123456"),
        ("🇪🇸 612-34-56-78", "+34612345678"),
        ("🇨🇳 138 1234\n5678", "+8613812345678"),
        ("+40 721 (sans espace) 234 567", "+40721234567"),
    ],
)
def test_obscured_foreign_numbers(text: str, e164: str) -> None:
    assert [hit.e164 for hit in find_phones(text)] == [e164], text


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("tel 07 09 45 01 77", "+33709450177"),  # a range not opened today
        ("07 09 45 01 77", "+33709450177"),
        ("0709450177", "+33709450177"),
        ("+33 7 09 45 01 77", "+33709450177"),
        ("0033 7 09 45 01 77", "+33709450177"),
        ("+33 (0)7 09 45 01 77", "+33709450177"),
        ("appelle au 06 39 98 12 34", "+33639981234"),  # reserved for fiction
        ("06.39.98.56.78", "+33639985678"),
        ("07 00 12 34 56", "+33700123456"),
        ("📞 ０７ ０９ ４５ ０１ ７７", "+33709450177"),
        ("tel zéro sept zéro neuf 45 01 77", "+33709450177"),  # words: with a contact word
        ("sms O7 O9 45 Ol 77", "+33709450177"),
        ("tel 07 09 (sans espace) 45 01 77", "+33709450177"),
    ],
)
def test_french_numbers_outside_the_plan(text: str, e164: str) -> None:
    assert hits(text) == [(e164, False)], text


def test_fiction_block_01_99_00_is_in_the_plan() -> None:
    # libphonenumber counts 01 99 00 as a Paris fixed-line block: found, and said in the plan
    assert hits("contact 01 99 00 12 34") == [("+33199001234", True)]


def test_numbers_outside_the_plan_written_loosely_need_a_contact_word() -> None:
    assert hits("zéro sept zéro neuf 45 01 77") == []
    assert hits("07 09 45 (ok) 01 77") == []
    assert hits("📞 07 09 45 (ok) 01 77") == [("+33709450177", False)]


def test_french_special_numbers_need_a_contact_word() -> None:
    assert hits("08 99 12 34 56") == []
    assert hits("appelle le 08 99 12 34 56") == [("+33899123456", True)]
    assert hits("09 70 12 34 56") == [("+33970123456", True)]  # VoIP: an ordinary line


def test_a_country_named_elsewhere_reads_numbers_france_has_not_allocated() -> None:
    # "roumaine" is far from the number, but 0721... is no French line: Romanian
    assert hits("Je suis roumaine, 23 ans, dispo ce soir. Appelle 0721 234 567") == [
        ("+40721234567", True)
    ]
    # a French mobile stays French whatever nationality the post states
    assert hits("Roumaine 🇷🇴 23 ans, nouvelle à Lyon. Appelle le 06 12 34 56 78") == [(LEA, True)]


def test_a_country_named_at_the_number_wins_over_france() -> None:
    # 0470 12 34 56 is also a French fixed line; the flag says Belgian
    assert hits("0470 12 34 56") == [("+33470123456", True)]
    assert hits("🇧🇪 0470 12 34 56") == [("+32470123456", True)]
    assert hits("indicatif +32 : 0470 12 34 56") == [("+32470123456", True)]


def test_foreign_and_french_numbers_in_one_post() -> None:
    text = "🇷🇴 0721 234 567 ou en France 06 12 34 56 78, whatsapp +234 803 123 4567"
    assert hits(text) == [("+40721234567", True), (LEA, True), ("+2348031234567", True)]


def test_merge_hits_keeps_in_plan() -> None:
    (merged,) = merge_hits(find_phones("07 09 45 01 77 ou zéro sept zéro neuf 45 01 77"))
    assert merged.e164 == "+33709450177" and merged.in_plan is False


@settings(max_examples=150, deadline=None)
@given(
    region=st.sampled_from(sorted(_FOREIGN)),
    rest=st.integers(0, 9999),
    separator=st.sampled_from([" ", ".", "-", "", " - ", "/"]),
)
def test_any_foreign_mobile_with_any_separator_is_found(
    region: str, rest: int, separator: str
) -> None:
    e164 = _FOREIGN[region][0][:-4] + f"{rest:04d}"
    number = phonenumbers.parse(e164)
    if not phonenumbers.is_valid_number(number):
        return
    international = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    written = international.replace(" ", separator)
    assert [hit.e164 for hit in find_phones(f"Contact {written} merci")] == [e164], written


def test_hand_made_set_with_foreign_and_unallocated_numbers_f1() -> None:
    """A fifth of the numbers foreign or outside the plan, among the test ads' traps."""
    rng = random.Random(17)
    true_positive = false_positive = false_negative = unusual = 0
    for ad in ads(1000, seed=23, hard_share=0.3):
        text, expected = ad.text, set(ad.phones)
        if rng.random() < 0.25:
            e164, written = _unusual_number(rng)
            text = f"{written}. {text}" if rng.random() < 0.5 else f"{text}\n{written}"
            expected.add(e164)
            unusual += 1
        found = {hit.e164 for hit in merge_hits(find_phones(text))}
        true_positive += len(found & expected)
        false_positive += len(found - expected)
        false_negative += len(expected - found)
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    assert 0.15 <= unusual / (true_positive + false_negative) <= 0.3
    assert 2 * precision * recall / (precision + recall) >= 0.99


def _unusual_number(rng: random.Random) -> tuple[str, str]:
    """A foreign number (international or national with a cue) or one outside the plan."""
    kind = rng.choice(("plus", "national", "unallocated"))
    if kind == "unallocated":
        digits = rng.choice(("70", "7099", "63998")) + "".join(
            str(rng.randrange(10)) for _ in range(9)
        )
        national = "0" + digits[:9]
        written = " ".join(national[i : i + 2] for i in range(0, 10, 2))
        return "+33" + national[1:], f"tel {written}"
    region = rng.choice(sorted(_FOREIGN))
    e164, international, national = _FOREIGN[region]
    if kind == "plus":
        return e164, international
    return e164, f"{_FLAGS[region]} {national}"


@pytest.mark.parametrize("word", ["zero", "zéro", "Zero"])
def test_a_number_word_glued_to_its_digits_opens_the_number(word: str) -> None:
    """ "zero6 12 34 56 78": the glued digit is no part of a name."""
    assert [hit.e164 for hit in find_phones(f"contact {word}6 12 34 56 78")] == [LEA]
