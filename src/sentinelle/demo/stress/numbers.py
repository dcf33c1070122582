"""Phone numbers of the stress profile and how its posters write them.

Written apart from the demo profile's phone module on purpose: other country plans, numbers
outside today's French allocation plan (fiction blocks, unopened ranges), national forms with a
country cue ("numéro roumain", a flag), and its own obfuscations. The truth always holds E.164.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

from sentinelle.demo.dice import Dice

# country -> (calling code, national-significant-number prefixes, length of the rest)
_FOREIGN = {
    "RO": ("40", ("72", "73", "74", "75", "76", "78"), 7),
    "BG": ("359", ("87", "88", "89"), 7),
    "NG": ("234", ("803", "806", "813", "703", "806", "905"), 7),
    "BR": ("55", ("119", "219", "319", "619"), 8),
    "BE": ("32", ("47", "48", "49"), 7),
    "ES": ("34", ("6", "7"), 8),
    "CN": ("86", ("139", "138", "186", "158"), 8),
}
CUES = {
    "RO": ("numéro roumain", "num roumain", "🇷🇴", "(Roumanie)"),
    "BG": ("numéro bulgare", "tel bulgare", "🇧🇬", "(Bulgarie)"),
    "NG": ("numéro nigérian", "🇳🇬", "(Nigeria)"),
    "BR": ("numéro brésilien", "🇧🇷", "(Brésil)"),
    "BE": ("numéro belge", "🇧🇪", "(Belgique)"),
    "ES": ("numéro espagnol", "🇪🇸", "(Espagne)"),
    "CN": ("numéro chinois", "🇨🇳", "(Chine)"),
}
# French ranges nobody holds today: fiction blocks and unopened mobile ranges.
_UNALLOCATED = ("639 98", "709", "700", "7 00", "199 00")
_LEET = {"0": "O", "1": "l", "5": "S", "8": "B"}
_FILLERS = ("(sans espace)", "[pas de sms]", "--", "(anti robot)", "·")
_WORDS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")


@dataclass(frozen=True, slots=True)
class Number:
    """A phone: E.164, its country, and whether the plan allocates it today."""

    e164: str
    country: str
    allocated: bool

    @property
    def form(self) -> str:
        """`foreign`, `unallocated` or `french` (obfuscation is a matter of writing)."""
        if self.country != "FR":
            return "foreign"
        return "french" if self.allocated else "unallocated"


class NumberBook:
    """Hands out numbers, never the same to two actors."""

    def __init__(self, rng: Dice) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def draw(self, foreign: float, unallocated: float) -> Number:
        roll = self.rng.random()
        if roll < foreign:
            return self._foreign(self.rng.choice(tuple(_FOREIGN)))
        if roll < foreign + unallocated:
            return self._unallocated()
        return self._french()

    def _keep(self, e164: str, country: str, want_valid: bool) -> Number | None:
        if e164 in self.used:
            return None
        valid = phonenumbers.is_valid_number(phonenumbers.parse(e164))
        if valid != want_valid:
            return None
        self.used.add(e164)
        return Number(e164, country, valid)

    def _french(self) -> Number:
        while True:
            rest = "".join(str(self.rng.randint(0, 9)) for _ in range(8))
            found = self._keep(f"+33{self.rng.choice('67')}{rest}", "FR", True)
            if found:
                return found

    def _unallocated(self) -> Number:
        while True:
            stem = self.rng.choice(_UNALLOCATED).replace(" ", "")
            rest = "".join(str(self.rng.randint(0, 9)) for _ in range(9 - len(stem)))
            found = self._keep(f"+33{stem}{rest}", "FR", False)
            if found:
                return found

    def foreign(self, country: str) -> Number:
        """A mobile of `country` (one of the foreign countries of the profile)."""
        return self._foreign(country)

    def _foreign(self, country: str) -> Number:
        code, prefixes, length = _FOREIGN[country]
        while True:
            rest = "".join(str(self.rng.randint(0, 9)) for _ in range(length))
            found = self._keep(f"+{code}{self.rng.choice(prefixes)}{rest}", country, True)
            if found:
                return found


def _groups(national: str) -> list[str]:
    return [national[i : i + 2] for i in range(0, len(national), 2)]


def write_number(rng: Dice, number: Number, obfuscate: float) -> tuple[str, list[str]]:
    """A written form of `number` and the tricks it uses (names of `PHONE_TRICKS`)."""
    parsed = phonenumbers.parse(number.e164)
    if number.country != "FR":
        return _write_foreign(rng, number, parsed), []
    national = "0" + number.e164[3:]
    if number.allocated and rng.random() < obfuscate:
        return _obfuscated(rng, national)
    roll = rng.random()
    if roll < 0.35:
        return " ".join(_groups(national)), []
    if roll < 0.55:
        return national, []
    if roll < 0.7:
        return ".".join(_groups(national)), []
    if roll < 0.85:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL), []
    return "0033 " + " ".join([national[1], *_groups(national[2:])]), []


def _write_foreign(rng: Dice, number: Number, parsed) -> str:
    roll = rng.random()
    international = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if roll < 0.45:
        return international
    if roll < 0.6:
        return international.replace("+", "00", 1)
    if roll < 0.7:
        return "+" + number.e164[1:]
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    cue = rng.choice(CUES[number.country])
    return f"{cue} {national}" if cue[0] in "🇦🇧🇨🇪🇳🇷" or rng.random() < 0.5 else f"{national} {cue}"


def _obfuscated(rng: Dice, national: str) -> tuple[str, list[str]]:
    trick = rng.choice(("letter_digits", "spaced_digits", "number_words", "inserted_filler",
                        "odd_separators"))  # fmt: skip
    groups = _groups(national)
    if trick == "letter_digits":
        return " ".join("".join(_LEET.get(c, c) for c in g) for g in groups), [trick]
    if trick == "spaced_digits":
        return " ".join(national), [trick]
    if trick == "number_words":
        return " ".join(_WORDS[int(c)] for c in national), [trick]
    if trick == "inserted_filler":
        cut = rng.randint(2, 3)
        left, right = " ".join(groups[:cut]), " ".join(groups[cut:])
        return f"{left} {rng.choice(_FILLERS)} {right}", [trick]
    return rng.choice(("_", "*", "/ ", "~")).join(groups), [trick]
