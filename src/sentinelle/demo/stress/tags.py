"""Venues tagged by many posts, and small groups whose only contact is a bare "@name" (knob
`venue_tags`), drawn apart and written in words the linker's cue lists were not tuned on.

`popular_mentions` names a few venues in words of thanks, credit or place ("plus d'infos chez
@x"), the words `link.named_accounts` reads. Another writer says it otherwise ("Tenue signée
@x", "Big up @x", "Lieu : @x"): no cue of credit, no word of contact. Beside them, small groups
(2-6 posts) hand out their own handle the same way, a bare "@name" at the end of the ad with
no contact word. Only the structure tells them apart: a venue is named by many posts that
otherwise disagree (other people, towns, prices, texts), a group's handle by few posts that
agree (one persona, one price, one text). The posts come from this stream alone; with the knob
at 0 nothing changes, above 0 they take the place of the last independents' posts.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sentinelle.demo.dice import Dice

VENUE_STEMS = (
    "studio_lumen", "salon.miroir", "loft_", "dojo.centre", "galerie_", "spot.", "club_", "scene_",
    "bar.lune", "atelier.coupe", "maison_", "collectif.", "ferme_", "cave.",
)  # fmt: skip
# What a venue tagged this way posts itself, under its own account.
VENUE_POSTS = (
    "Portes ouvertes samedi à {city}, 10h-18h.",
    "Planning de la semaine en ligne, {city}.",
    "Nouvelle salle dispo à {city} dès lundi.",
    "Complet ce week-end, merci à tous ! {city}",
)
# How a benign post tags the venue: no word of credit or place, no word of contact.
TAG_PHRASES = (
    "Tenue signée {m}.", "Big up {m} 🙌", "Coupe faite par {m}.", "Spéciale dédicace à {m} !",
    "Ambiance assurée par {m}.", "Décor : {m}.", "Avec les copains de {m}.",
    "Matériel prêté par {m}.", "Lieu : {m}.", "Bises à toute l'équipe {m}.",
    "Fan de {m} depuis toujours.", "Soutenez {m} !", "Repérée au {m} samedi.", "Team {m} ❤️",
    "Séance du jeudi au {m}.", "{m} 🔥🔥",
)  # fmt: skip
_FORMS = ("@{h}",) * 8 + ("{h} sur insta", "@{h} (snap)")
_PLATFORM = {"{h} sur insta": "instagram", "@{h} (snap)": "snapchat"}
# The benign posts' own matter: logistics only, each poster's own words and numbers.
BENIGN_BODIES = (
    "Je vends mon vélo de ville, très bon état, {price}€, à {city}.",
    "Cherche colocataire à {city}, chambre meublée {price}€/mois.",
    "Cours de guitare à {city}, débutants bienvenus, {price}€ l'heure.",
    "Donne canapé 3 places, à venir chercher à {city}.",
    "Garde d'animaux à {city} pendant les vacances, {price}€ la journée.",
    "Vide-dressing ce dimanche à {city}, tout à {price}€.",
    "Recherche studio à {city} pour septembre, budget {price}€.",
    "Propose covoiturage {city} - Paris vendredi soir, {price}€.",
    "Cherche partenaire de running à {city}, le matin tôt.",
    "Loue place de parking à {city}, {price}€/mois.",
)
BENIGN_CONTACTS = ("Tél {phone}", "Joignable au {phone}", "{phone}")
# A small group's ad: one persona, one price, one text of its own, its handle bare at the end.
GROUP_BODIES = (
    (
        "{name}, {age} ans.",
        "{name} {age} ans",
        "Moi c'est {name}, {age} ans.",
        "{name} ({age})",
        "Coucou, {name}, {age} ans !",
    ),
    (
        "De passage à {city} {when}.",
        "Sur {city} {when}.",
        "Nouvelle à {city}.",
        "Dispo {when} à {city}.",
        "{city}, {when}.",
    ),
    (
        "{price}€.",
        "{price}€ la soirée.",
        "Tarif {price}€.",
        "{price} euros, appart calme.",
        "Discrète, {price}€.",
    ),
)  # one sentence of each, drawn per ad: a group's ads agree on persona, town, price only
GROUP_HANDLE = ("@{h}", "@{h}", "— @{h}", "@{h} 😘", "@{h} ✨")
WHEN = ("cette semaine", "ce week-end", "jusqu'à jeudi", "quelques jours")


@dataclass(frozen=True, slots=True)
class Tagged:
    name: str  # the venue's account, lower case
    source: str  # the social source it posts on under that account
    posts: int  # how many benign posts tag it


class TagDice:
    """The stream of `venue_tags`, apart from the world's."""

    def __init__(self, seed: int) -> None:
        self.rng = Dice(f"sentinelle-stress-venue-tags:{seed}")

    def venues(self, tag_posts: int, socials: tuple[str, ...]) -> list[Tagged]:
        """Venues each tagged by 30-120 posts, `tag_posts` in all."""
        out: list[Tagged] = []
        left = tag_posts
        while left > 0:
            count = min(left, self.rng.randint(30, 120))
            stem = self.rng.choice(VENUE_STEMS)
            name = f"{stem}{len(out)}{self.rng.randint(10, 99)}"
            out.append(Tagged(name, self.rng.choice(socials), count))
            left -= count
        return out

    def tag(self, venue: str) -> tuple[str, str | None]:
        """A sentence tagging the venue, and the platform it names (None: a bare "@name", an
        account of the post's own source)."""
        form = self.rng.choice(_FORMS)
        written = self.rng.choice(TAG_PHRASES).format(m=form.format(h=venue))
        return written, _PLATFORM.get(form)

    def group_handle(self, name: str, number: int) -> str:
        """The group's handle from the persona's name, in ASCII letters as platforms allow."""
        sep = self.rng.choice(("", "_", ".", "__"))
        plain = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
        return f"{plain}{sep}{number}{self.rng.randint(10, 99)}"
