"""Write phone numbers the way posters do, with the tricks each writing uses (test corpus).

Independent of the extractor: the tests check that what we write here is read back.
"""

from __future__ import annotations

import random

import phonenumbers

_UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
_TEENS = [
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_FILLERS = (
    "(enlève les espaces)",
    "pas de sms",
    "(sans espace)",
    "appel only",
    "...",
    "puis",
    "⚠️",
    "- pas de numéro masqué -",
)
_FULLWIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
_BOLD = {str(d): chr(0x1D7CE + d) for d in range(10)}
_KEYCAP = {str(d): f"{d}\ufe0f\u20e3" for d in range(10)}

HARD_TRICKS = (
    "letter_digits",
    "spaced_digits",
    "keycap_emoji",
    "unicode_digits",
    "number_words",
    "inserted_filler",
    "line_break",
    "odd_separators",
)


def french(number: int) -> str:
    """French words for 0-99 ("soixante-dix-huit")."""
    if number < 10:
        return _UNITS[number]
    if number < 20:
        return _TEENS[number - 10]
    tens, unit = divmod(number, 10)
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre-vingt"
        joiner = "-et-" if (tens, unit) == (7, 1) else "-"
        return f"{base}{joiner}{_TEENS[unit]}"
    if tens == 8:
        return "quatre-vingts" if unit == 0 else f"quatre-vingt-{_UNITS[unit]}"
    if unit == 0:
        return _TENS[tens]
    if unit == 1:
        return f"{_TENS[tens]} et un"
    return f"{_TENS[tens]}-{_UNITS[unit]}"


def french_mobile(rng: random.Random) -> str:
    """A valid French mobile in E.164."""
    while True:
        candidate = f"+33{rng.choice('67')}{rng.randrange(10**8):08d}"
        if phonenumbers.is_valid_number(phonenumbers.parse(candidate)):
            return candidate


def foreign_mobile(rng: random.Random) -> str:
    """A valid Belgian, Swiss, Spanish or Italian mobile in E.164."""
    prefixes = {"+324": 8, "+417": 8, "+346": 8, "+393": 9}
    while True:
        prefix = rng.choice(list(prefixes))
        candidate = f"{prefix}{rng.randrange(10 ** prefixes[prefix]):0{prefixes[prefix]}d}"
        number = phonenumbers.parse(candidate)
        if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
            return candidate


def national_pairs(e164: str) -> list[str]:
    """ "+33612345678" -> ["06", "12", "34", "56", "78"]."""
    national = "0" + e164[3:]
    return [national[i : i + 2] for i in range(0, 10, 2)]


def plain(e164: str, rng: random.Random) -> str:
    """A common, unobscured writing."""
    if not e164.startswith("+33"):
        return rng.choice([e164, f"{e164[:3]} {e164[3:6]} {e164[6:]}", "00" + e164[1:]])
    pairs = national_pairs(e164)
    rest = " ".join(pairs)[1:]
    return rng.choice(
        [
            " ".join(pairs),
            "".join(pairs),
            ".".join(pairs),
            "-".join(pairs),
            f"+33 {rest}",
            e164,
            "0033" + e164[3:],
            f"+33 (0){rest}",
        ]
    )


def obscured(e164: str, tricks: tuple[str, ...], rng: random.Random) -> str:
    """A French number written with the given tricks (any combination of HARD_TRICKS)."""
    pairs = national_pairs(e164)
    groups = [_group(pair, tricks, rng) for pair in pairs]
    separators = [_separator(tricks, rng) for _ in range(4)]
    if "inserted_filler" in tricks:
        separators[rng.randrange(4)] = f" {rng.choice(_FILLERS)} "
    if "line_break" in tricks:
        separators[rng.randrange(4)] = rng.choice(["\n", " \n", "\n "])
    text = groups[0]
    for separator, group in zip(separators, groups[1:], strict=True):
        text += separator + group
    return text


def _group(pair: str, tricks: tuple[str, ...], rng: random.Random) -> str:
    if "number_words" in tricks and rng.random() < 0.8:
        if pair[0] == "0":
            return f"{french(0)} {french(int(pair[1]))}"
        return french(int(pair))
    digits = list(pair)
    if "letter_digits" in tricks:
        digits = [{"0": rng.choice("Oo"), "1": rng.choice("lI")}.get(d, d) for d in digits]
    if "unicode_digits" in tricks:
        table = rng.choice([_FULLWIDTH, _BOLD])
        digits = [table.get(d, d) for d in digits]
    if "keycap_emoji" in tricks:
        digits = [_KEYCAP.get(d, d) for d in digits]
    if "spaced_digits" in tricks:
        return " ".join(digits)
    return "".join(digits)


def _separator(tricks: tuple[str, ...], rng: random.Random) -> str:
    if "odd_separators" in tricks:
        return rng.choice(["/", "_", "*", " / ", " _ ", "|"])
    if "keycap_emoji" in tricks and "number_words" not in tricks:
        return rng.choice(["", " "])
    return " "


def hard_tricks(rng: random.Random) -> tuple[str, ...]:
    """One to three tricks, in the canonical order."""
    chosen = set(rng.sample(HARD_TRICKS, rng.choice([1, 1, 2, 3])))
    # the letter, Unicode and keycap writings replace the same digits: keep one of them
    if len(chosen & {"letter_digits", "unicode_digits", "keycap_emoji"}) > 1:
        chosen -= {"unicode_digits", "keycap_emoji"}
        chosen.add("letter_digits")
    return tuple(trick for trick in HARD_TRICKS if trick in chosen)
