"""Phone numbers of the demo actors and the many ways ads write them.

Numbers are drawn at random, kept only when `phonenumbers` says they are valid, and never
handed to two actors (a shared number must mean a shared actor). Written forms follow what
moderators see: plain French formats, and "hard" forms whose trick names are the vocabulary the
extractor reports (`letter_digits`, `spaced_digits`, `keycap_emoji`, `unicode_digits`,
`number_words`, `inserted_filler`, `line_break`, `odd_separators`).
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import phonenumbers

from sentinelle.demo.number_words import digit_pair_words, digit_word
from sentinelle.records import PHONE_TRICKS as TRICKS

_GLYPHS = ("token", "letter_digits", "keycap_emoji", "unicode_digits", "number_words")
# Start of a Unicode run of ten digits that NFKC folds to 0-9 (full-width, maths alphabets).
_DIGIT_RUNS = (0xFF10, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6)
_FILLERS = (
    "(enlève les espaces)", "(sans espaces)", "(pas de masqués)", "[anti-bot]", "***",
    "(oui c'est bien mon numéro)", "-- anti robot --", "(retire ce texte)", "(pas de sms)",
    "(enleve les points)", "(appel uniquement)", "~", "(no bots)",
)  # fmt: skip
_ODD_JOINS = ("/", "_", "*", " / ", "|", "_-_", "//", " * ")


@dataclass(frozen=True, slots=True)
class Phone:
    """A phone number: E.164 and the digit groups a person would read out."""

    e164: str
    country: str  # "FR", "BE", "CH", "ES"

    @property
    def national(self) -> str:
        """French national form "0612345678" (only meaningful for FR numbers)."""
        return "0" + self.e164[3:]


_MOBILE = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
# country -> (calling code, leading digit choices); mobiles have a lead digit and 8 more
_PLANS = {
    "FR": ("33", "6667"),
    "BE": ("32", "4"),
    "CH": ("41", "7"),
    "ES": ("34", "6667"),
}


class DigitSource(Protocol):
    def phone_digits(self) -> str: ...


def new_phone(rng: random.Random, registry: DigitSource, country: str = "FR") -> Phone:
    """A valid mobile number of `country` that no other actor has (the registry sees to it)."""
    code, leads = _PLANS[country]
    while True:
        e164 = f"+{code}{rng.choice(leads)}{registry.phone_digits()}"
        if _valid_mobile(e164):
            return Phone(e164, country)


_VALIDITY: dict[str, bool] = {}


def _valid_mobile(e164: str) -> bool:
    """`phonenumbers`' verdict, remembered per number block (calling code and 3 digits).

    For the mobile ranges drawn here validity depends on the first digits only, and parsing
    every number would cost more than writing its posts.
    """
    prefix = e164[:6]
    valid = _VALIDITY.get(prefix)
    if valid is None:
        parsed = phonenumbers.parse(e164)
        valid = phonenumbers.number_type(parsed) in _MOBILE and phonenumbers.is_valid_number(parsed)
        _VALIDITY[prefix] = valid
    return valid


def plain_form(rng: random.Random, phone: Phone) -> str:
    """A normal way to write the number ("06 12 34 56 78", "+33 6 12 34 56 78", ...)."""
    return rng.choice(_plain_forms(phone))


@lru_cache(maxsize=8192)
def _plain_forms(phone: Phone) -> tuple[str, ...]:
    digits = phone.e164[3:]
    code = phone.e164[1:3]
    if phone.country == "FR":
        national = phone.national
        pairs = [national[i : i + 2] for i in range(0, 10, 2)]
        spaced = " ".join(pairs)
        return (
            spaced, spaced, national, national, ".".join(pairs), "-".join(pairs),
            "+33 " + digits[0] + " " + " ".join(pairs[1:]), "+33" + digits, "0033" + digits,
        )  # fmt: skip
    groups = _foreign_groups(phone)
    return ("+" + code + " " + " ".join(groups), "+" + code + digits, "00" + code + digits)


def _foreign_groups(phone: Phone) -> list[str]:
    digits = phone.e164[3:]
    if phone.country == "BE":
        return [digits[:3], digits[3:5], digits[5:7], digits[7:]]
    if phone.country == "CH":
        return [digits[:2], digits[2:5], digits[5:7], digits[7:]]
    return [digits[:3], digits[3:5], digits[5:7], digits[7:]]


def _tokens(phone: Phone) -> list[str]:
    """Digit groups a hard form is built from ("+" kept as its own first character)."""
    if phone.country == "FR":
        national = phone.national
        return [national[i : i + 2] for i in range(0, 10, 2)]
    return ["+" + phone.e164[1:3], *_foreign_groups(phone)]


def _pick_tricks(rng: random.Random, phone: Phone) -> set[str]:
    glyphs = _GLYPHS if phone.country == "FR" else ("token", "keycap_emoji", "unicode_digits")
    tricks = {rng.choice(glyphs)}
    layout = rng.random()
    if layout < 0.25:
        tricks.add("spaced_digits")
    elif layout < 0.45:
        tricks.add("odd_separators")
    if rng.random() < 0.2:
        tricks.add("line_break")
    if rng.random() < 0.25:
        tricks.add("inserted_filler")
    if "number_words" in tricks:
        tricks.discard("spaced_digits")
    tricks.discard("token")
    if not tricks:
        tricks.add(rng.choice(("spaced_digits", "odd_separators", "line_break", "inserted_filler")))
    return tricks


def _glyph(rng: random.Random, token: str, tricks: set[str], run: int, hyphens: bool) -> str:
    if "number_words" in tricks:
        return digit_pair_words(token, hyphens)
    if "keycap_emoji" in tricks:
        return "".join(c + "\ufe0f\u20e3" if c.isdigit() else c for c in token)
    if "unicode_digits" in tricks:
        return "".join(chr(run + int(c)) if c.isdigit() else c for c in token)
    if "letter_digits" in tricks:
        return "".join(_letter(rng, c) for c in token)
    return token


def _letter(rng: random.Random, char: str) -> str:
    if char == "0" and rng.random() < 0.8:
        return rng.choice("OOo")
    if char == "1" and rng.random() < 0.8:
        return rng.choice("llI")
    return char


def hard_form(rng: random.Random, phone: Phone) -> tuple[str, tuple[str, ...]]:
    """The number written with one to three obfuscation tricks, and the tricks' names."""
    tricks = _pick_tricks(rng, phone)
    tokens = _tokens(phone)
    if "number_words" in tricks:
        return _words_form(rng, tokens, tricks)
    run = rng.choice(_DIGIT_RUNS)
    glyphs = [_glyph(rng, token, tricks, run, False) for token in tokens]
    if "letter_digits" in tricks and "".join(glyphs) == "".join(tokens):
        glyphs[0] = "O" + glyphs[0][1:]  # the first French digit is always a 0
    if "spaced_digits" in tricks:
        glyphs = [" ".join(_split_glyphs(glyph)) for glyph in glyphs]
        joins = [rng.choice(("  ", " ", "   "))] * (len(glyphs) - 1)
    elif "odd_separators" in tricks:
        base = rng.choice(_ODD_JOINS)
        joins = [base if rng.random() < 0.7 else rng.choice(_ODD_JOINS) for _ in glyphs[1:]]
    else:
        joins = [rng.choice((" ", " ", ""))] * (len(glyphs) - 1)
    return _assemble(rng, glyphs, joins, tricks), tuple(t for t in TRICKS if t in tricks)


def _split_glyphs(glyph: str) -> list[str]:
    """Split a written group into single digits, keeping keycap sequences whole."""
    out: list[str] = []
    for char in glyph:
        if out and (char in "\ufe0f\u20e3" or out[-1] == "+"):
            out[-1] += char
        else:
            out.append(char)
    return out


def _words_form(
    rng: random.Random, tokens: list[str], tricks: set[str]
) -> tuple[str, tuple[str, ...]]:
    hyphens = rng.random() < 0.3
    mode = rng.random()
    if mode < 0.5:
        glyphs = [digit_pair_words(token, hyphens) for token in tokens]
    elif mode < 0.75:
        glyphs = [" ".join(digit_word(c) for c in token) for token in tokens]
    else:
        chosen = rng.sample(range(len(tokens)), rng.randint(1, len(tokens) - 1))
        glyphs = [digit_pair_words(t, hyphens) if i in chosen else t for i, t in enumerate(tokens)]
    if rng.random() < 0.3:
        glyphs = [glyph.replace("é", "e") for glyph in glyphs]
    if "odd_separators" in tricks:
        joins = [rng.choice(_ODD_JOINS) for _ in glyphs[1:]]
    else:
        joins = [rng.choice((" ", " ", ", ", " - "))] * (len(glyphs) - 1)
        for index, (left, right) in enumerate(itertools.pairwise(glyphs)):
            if joins[index] == " " and _would_merge(left, right):
                joins[index] = ", "  # "soixante dix" would read as 70, not 60 then 10
    return _assemble(rng, glyphs, joins, tricks), tuple(t for t in TRICKS if t in tricks)


_TENS_WORDS = ("vingt", "vingts", "trente", "quarante", "cinquante", "soixante")


def _would_merge(left: str, right: str) -> bool:
    """True when two spelled groups side by side read as one number ("trente deux")."""
    last, first = left.split(" ")[-1], right.split(" ")[0]
    last = last.replace("quatre-vingts", "vingts")
    if last in _TENS_WORDS and not first[:1].isdigit():
        return True
    return last.endswith("quatre") and first.startswith("vingt")


def _assemble(rng: random.Random, glyphs: list[str], joins: list[str], tricks: set[str]) -> str:
    if "line_break" in tricks:
        joins[rng.randrange(len(joins))] = rng.choice(("\n", "\n", " \n"))
    if "inserted_filler" in tricks:
        free = [i for i, join in enumerate(joins) if "\n" not in join] or [0]
        joins[rng.choice(free)] = " " + rng.choice(_FILLERS) + " "
    out = [glyphs[0]]
    for join, glyph in zip(joins, glyphs[1:], strict=True):
        out.append(join)
        out.append(glyph)
    return "".join(out)
