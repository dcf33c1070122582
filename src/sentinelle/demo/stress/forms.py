"""Written forms of ages and country hints that extraction must read right (stress knobs).

Drawn from their own seeded stream (`FormsDice`), so that a knob at 0 leaves the rest of the
corpus byte for byte as it was: the other phenomena's figures stay comparable across versions.
"""

from __future__ import annotations

from sentinelle.demo.dice import Dice

# How people write their age in English in French ads (the minor rule depends on them).
ENGLISH_AGES = (
    "I'm {n}", "im {n}", "I am {n}", "i'm {n}", "Im {n} y/o", "{n} y/o", "{n} yo", "{n} years old",
    "age {n}", "age: {n}", "Age : {n}",
)  # fmt: skip
# The name and the bare age opening an ad or a title.
NAME_AGE_OPENERS = (
    "{name}, {n} - {city}", "{name}, {n} -", "{name}, {n} | nouvelle", "{name}, {n} • {city}",
    "{name} , {n} – dispo", "{name} ({n}) - {city}", "{name}, {n}",
)  # fmt: skip
# Numbers beside names and age words that are no age: streets, hours, counts, dates, prices.
AGE_LOOKALIKES = (
    "{name}, {n} rue Victor Hugo, 2e étage.", "RDV au {n} rue de la Gare.", "Dispo dès {n}h.",
    "{n} photos récentes sur demande.", "Libre le {n}/05.", "Rdv {n}:00 au plus tôt.",
    "Clients {m} ans minimum.", "{n} roses la demi-heure.", "Chez {name}, {n} bis avenue Foch.",
    "Bus {n} arrêt Mairie.",
)  # fmt: skip
# The poster's nationality, said about the person and not about a French number (far hints),
# by country: (words, flag). Countries whose mobiles look like French ones are there on purpose
# (Morocco 06/07, Romania 07, Belgium 04).
NATIONALITIES = {
    "RO": (("Je suis roumaine.", "Roumaine, nouvelle en ville."), "🇷🇴"),
    "MA": (("Je suis marocaine.", "Vraie marocaine."), "🇲🇦"),
    "BE": (("Je suis belge.", "Belge de passage."), "🇧🇪"),
    "ES": (("Je suis espagnole.", "Espagnole, douce."), "🇪🇸"),
    "DZ": (("Je suis algérienne.", "Algérienne, nouvelle ici."), "🇩🇿"),
    "BG": (("Je suis bulgare.", "Bulgare, nouvelle."), "🇧🇬"),
    "BR": (("Je suis brésilienne.", "Brésilienne de passage."), "🇧🇷"),
    "TN": (("Je suis tunisienne.", "Tunisienne, nouvelle ici."), "🇹🇳"),
}
# A foreign number next to its hint, in a post that also gives a French one.
NEAR_HINTS = {
    "RO": (
        "numéro roumain {n}", "mon numéro roumain est le {n}", "{n} (Roumanie)", "🇷🇴 {n}",
        "WhatsApp 🇷🇴 {n}",
    ),
    "BE": ("numéro belge {n}", "num belge : {n}", "{n} (Belgique)", "🇧🇪 {n}", "{n} 🇧🇪"),
    "ES": ("numéro espagnol {n}", "{n} (Espagne)", "🇪🇸 {n}", "tel espagnol : {n}"),
    "BG": ("numéro bulgare {n}", "{n} (Bulgarie)", "🇧🇬 {n}"),
    "BR": ("numéro brésilien {n}", "🇧🇷 {n}", "WhatsApp brésilien {n}"),
}  # fmt: skip


class FormsDice:
    """The forms' own random stream, apart from the world's."""

    def __init__(self, seed: int) -> None:
        self.rng = Dice(f"sentinelle-stress-forms:{seed}")

    def english_age(self, age: int) -> str:
        return self.rng.choice(ENGLISH_AGES).format(n=age)

    def opener(self, name: str, age: int, city: str) -> str:
        return self.rng.choice(NAME_AGE_OPENERS).format(name=name, n=age, city=city)

    def lookalike(self, name: str) -> str:
        n, m = self.rng.randint(12, 17), self.rng.choice((25, 30, 35))
        return self.rng.choice(AGE_LOOKALIKES).format(name=name, n=n, m=m)

    def nationality(self) -> str:
        return self.rng.choice(tuple(NATIONALITIES))

    def far_hint(self, country: str) -> tuple[str, bool]:
        """A sentence naming the poster's country, and whether it goes first (else just
        before the contact)."""
        words, flag = NATIONALITIES[country]
        roll = self.rng.random()
        if roll < 0.3:
            return flag, True
        if roll < 0.5:
            return f"{self.rng.choice(words)} {flag}", self.rng.random() < 0.5
        return self.rng.choice(words), self.rng.random() < 0.5

    def near_hint(self, country: str, national: str) -> str:
        return self.rng.choice(NEAR_HINTS[country]).format(n=national)


# Glyph forms (knob `glyph_forms`): digits as keycap emoji, a number word glued to the digits
# it opens, a date written with spaces and a year near the contact.
_KEYCAPS = {str(digit): f"{digit}\ufe0f\u20e3" for digit in range(10)}
_GLUED_ZERO = ("zero", "zéro", "Zero", "ZERO")
SPACED_DATES = (
    "Dispo à partir du {d:02d} {m:02d} {y}.", "Arrivée le {d:02d} {m:02d} {y}.",
    "Présente du {d:02d} {m:02d} {y} au {e:02d} {m:02d} {y}.", "Le {d} {m} {y} sur place.",
)  # fmt: skip


class GlyphDice:
    """Glyph forms' own random stream: with the knob at 0 the corpus is as it was."""

    def __init__(self, seed: int) -> None:
        self.rng = Dice(f"sentinelle-stress-glyphs:{seed}")

    def keycap_age(self, phrase: str, age: int) -> str:
        """The age's digits as keycap emoji ("1️⃣6️⃣ ans")."""
        return phrase.replace(str(age), "".join(_KEYCAPS[c] for c in str(age)), 1)

    def glued_zero(self, written: str) -> str:
        """ "zero6 12 34 56 78" for "06 12 34 56 78"."""
        return self.rng.choice(_GLUED_ZERO) + written[1:]

    def spaced_date(self, year: int, month: int, day: int) -> str:
        last = min(28, day + self.rng.randint(2, 9))
        return self.rng.choice(SPACED_DATES).format(d=day, m=month, y=year, e=last)
