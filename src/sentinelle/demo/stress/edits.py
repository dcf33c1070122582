"""Hard edits of a poster's own template (stress knob `heavy_edits`).

The knob `edited_templates` edits a template gently (0 to 3 small changes a post), so text
linking met it with recall 0.96, while on a corpus written apart, where each post of a poster
swaps synonyms, drops or adds a sentence, reorders its sentences, carries typos and changes
its name, city and price, text alone found 0.46. These edits are that corpus's. They draw from
their own seeded stream (`EditDice`): with the knob at 0 the corpus is byte for byte as before,
and at any value the other posters' posts do not change.
"""

from __future__ import annotations

import re

from sentinelle.demo.dice import Dice

# Synonyms an editor swaps in (on top of `lexicon.SYNONYMS`), each way round.
SYNONYMS = (
    ("Salut", "Coucou"), ("Hello", "Bonjour"), ("de passage", "en visite"),
    ("débarque", "arrive"), ("Installée", "Posée"), ("Présente", "Là"), ("vers", "du côté de"),
    ("Je reçois", "Je vous reçois"), ("Joignable", "Dispo"), ("pas après", "jamais après"),
    ("Rdv", "Rendez-vous"), ("possible", "ok"), ("parking", "stationnement"),
    ("gare", "station"), ("Studio", "Petit studio"), ("accès", "entrée"),
    ("pas de voisins", "sans voisinage"), ("non négociable", "ferme"),
    ("la rencontre", "le rdv"), ("Prix fixe", "Tarif unique"), ("Participation", "Contribution"),
    ("numéros masqués", "appels masqués"), ("exigés", "obligatoires"), ("hygiène", "propreté"),
    ("messages", "sms"), ("polis", "courtois"), ("foireux", "bidons"),
    ("uniquement", "seulement"), ("Prévenir", "Merci de prévenir"), ("minutes", "min"),
    ("Contact", "Contacts"), ("Écris-moi", "Envoie-moi un message"), ("Me joindre", "Joindre"),
    ("Pour réserver", "Réservation"), ("d'abord", "avant tout"), ("calme", "tranquille"),
    ("propre", "nickel"), ("discret", "discrète"), ("près de", "à côté de"),
    ("Dispo", "Disponible"), ("svp", "merci"), ("rapide", "vite"), ("Tarif", "Prix"),
    ("Appartement", "Appart"), ("Logement", "Appart"), ("sérieux", "sérieuses"),
    ("Nouvelle", "Arrivée"), ("hôtel", "hotel"), ("aussi", "également"),
)  # fmt: skip
# Sentences an editor adds to one version of the ad.
EXTRA_SENTENCES = (
    "Photos récentes.", "Annonce mise à jour.", "Je parle anglais et espagnol.",
    "Pas de réponse aux appels anonymes.", "Merci de lire l'annonce en entier.",
    "Première fois dans la ville.", "Je ne réponds pas aux mails.", "Ponctualité appréciée.",
    "Annonce sérieuse.", "Pas de SMS après minuit.", "Serviettes fournies.",
    "Je préviens si je suis en retard.", "Places de parking dans la rue.",
    "Bien lire avant d'appeler.", "Pas de déplacement à domicile.",
)  # fmt: skip
_KEYS = "azertyuiopqsdfghjklmwxcvbn"
# How often each edit is made in one version of the ad.
DROP = 0.3  # a sentence dropped
ADD = 0.3  # a sentence added
REORDER = 0.5  # the middle sentences shuffled
SWAP = 0.3  # each synonym found swapped
TYPO = 0.04  # each long word mistyped
REPRICE = 0.3  # another price
ALIAS = 0.2  # another name
MOVE = 0.2  # another city


class EditDice:
    """The hard edits' own random stream, apart from the world's."""

    def __init__(self, seed: int) -> None:
        self.rng = Dice(f"sentinelle-stress-edits:{seed}")

    def hard(self, share: float) -> bool:
        """Whether a poster edits its template hard (drawn once per poster)."""
        return self.rng.random() < share

    def edit(self, sentences: list[str]) -> list[str]:
        """One version of a template: synonyms swapped, a sentence dropped and one added,
        the middle reordered, typos. The first sentence (hello) and the last (contact) stay."""
        rng = self.rng
        out = list(sentences)
        if len(out) > 3 and rng.random() < DROP:
            out.pop(rng.randint(1, len(out) - 2))
        if rng.random() < ADD:
            out.insert(rng.randint(1, max(1, len(out) - 1)), rng.choice(EXTRA_SENTENCES))
        if len(out) > 3 and rng.random() < REORDER:
            middle = out[1:-1]
            rng.shuffle(middle)
            out = [out[0], *middle, out[-1]]
        swaps = [(a, b) if rng.random() < 0.5 else (b, a) for a, b in SYNONYMS]
        out = [self._swapped(s, swaps) for s in out]
        return [*(self._typos(s) for s in out[:-1]), out[-1]]

    def _swapped(self, sentence: str, swaps: list[tuple[str, str]]) -> str:
        """Each synonym found swapped every other time, in one pass (a swap is never swapped
        again), whole words only."""
        chosen = {old: new for old, new in swaps if old in sentence and self.rng.random() < SWAP}
        if not chosen:
            return sentence
        olds = "|".join(re.escape(old) for old in sorted(chosen, key=len, reverse=True))
        return re.sub(rf"(?<!\w)({olds})(?!\w)", lambda m: chosen[m.group(1)], sentence)

    def _typos(self, sentence: str) -> str:
        """A typo in about one long word in fourteen: letters swapped, dropped, doubled or hit
        beside."""
        words = sentence.split(" ")
        for i, word in enumerate(words):
            if not (word.isalpha() and len(word) > 4) or self.rng.random() >= TYPO:
                continue
            j = self.rng.randint(1, len(word) - 2)
            kind = self.rng.random()
            if kind < 0.3:
                word = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
            elif kind < 0.55:
                word = word[:j] + word[j + 1 :]
            elif kind < 0.8:
                word = word[:j] + word[j] + word[j:]
            else:
                word = word[:j] + self.rng.choice(_KEYS) + word[j + 1 :]
            words[i] = word
        return " ".join(words)

    def other_price(self, price: int) -> int:
        """The price of one version of the ad: often another one."""
        if self.rng.random() >= REPRICE:
            return price
        return max(50, price + self.rng.choice((-50, -30, -20, 20, 30, 50, 100)))

    def alias(self, name: str, names: tuple[str, ...]) -> str:
        """The name one version of the ad gives: sometimes another."""
        return self.rng.choice(names) if self.rng.random() < ALIAS else name

    def moved(self) -> bool:
        """Whether this version of the ad is posted from another city."""
        return self.rng.random() < MOVE
