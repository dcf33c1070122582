"""Popular local accounts that benign posts name (knob `popular_mentions`), drawn apart.

A few benign venues (a café, an association, a second-hand shop) post on social sources
under their own account, and benign classified ads name them in passing ("plus d'infos chez
@cafe_lecture69", "relayé par asso.quartier13 sur insta"). Such an ad names an account without
being the account's poster, as a recruitment offer naming its group only by "DM @xyz" does,
but in words of thanks, credit or place: the account is not the poster's, and two posts naming
it are not one poster (extraction reads the account, linking does not take it for the poster's:
`link.named_accounts`). The
venues' posts and the mentions come from this stream alone; with the knob at 0 nothing changes, and
with it above 0 the world's other posts are the same draws (the venues' posts are added).
"""

from __future__ import annotations

from dataclasses import dataclass

from sentinelle.demo.dice import Dice

# Venue accounts: a word, a separator and digits, so each reads as one account, not a word.
VENUE_STEMS = (
    "cafe_lecture", "asso.quartier", "ressourcerie_", "librairie.", "jardin_partage",
    "marche.bio", "atelier_velo", "friperie.", "salle_jeux", "epicerie_solidaire",
)  # fmt: skip
VENUE_POSTS = (
    "Ce samedi à {city} : vide-grenier de 9h à 17h, entrée libre.",
    "Nouveaux horaires à {city} : ouvert du mardi au samedi, 10h-19h.",
    "Atelier gratuit mercredi 15h à {city}, inscription sur place.",
    "Collecte de vêtements samedi matin à {city}, merci pour vos dons.",
    "Fermeture exceptionnelle lundi, réouverture mardi 10h. {city}.",
    "Marché du dimanche à {city} : nouveaux producteurs, 8h-13h.",
)
# How a benign ad names the venue ({m}: "@name", "name sur insta", "@name (insta)").
MENTIONS = (
    "Plus d'infos chez {m}.",
    "Annonce relayée par {m}.",
    "Vu chez {m}, merci à eux.",
    "Dépôt possible chez {m}.",
    "Merci {m} pour le relais !",
)
_FORMS = ("@{h}", "@{h}", "{h} sur {w}", "@{h} ({w})")
# Or tagged with no word of thanks or credit: a bare "@name", which extraction reads as an
# account of the post's source (the contract's reading), and linking as no account of the
# poster's since nothing hands it out as a contact (`link.named_accounts.addressed`).
TAGS = (
    "Soirée top avec @{h} !",
    "Playlist de @{h} au top.",
    "Bravo @{h} pour l'organisation.",
    "On se retrouve à la fête de @{h} ?",
)
_WORDS = {"insta": "instagram", "snap": "snapchat"}
POSTS_PER_VENUE = 400  # one venue for so many posts of the corpus


@dataclass(frozen=True, slots=True)
class Venue:
    name: str  # the account, lower case
    source: str  # the social source it posts on under that account


class VenueDice:
    """The venues' own random stream, apart from the world's."""

    def __init__(self, seed: int, n_posts: int) -> None:
        self.rng = Dice(f"sentinelle-stress-venues:{seed}")
        self.wanted = 1 + n_posts // POSTS_PER_VENUE
        self.venues: list[Venue] = []

    def names_one(self, share: float) -> bool:
        """Whether the next benign post names a venue (drawn for every benign post)."""
        return self.rng.random() < share

    def pick(self, socials: tuple[str, ...]) -> tuple[Venue, bool]:
        """A venue to name, and whether it is new (its own posts are then to be written)."""
        if len(self.venues) < self.wanted and (not self.venues or self.rng.random() < 0.5):
            stem = self.rng.choice(VENUE_STEMS)
            name = f"{stem}{self.rng.randint(10, 99)}"
            venue = Venue(name, self.rng.choice(socials))
            self.venues.append(venue)
            return venue, True
        return self.rng.choice(self.venues), False

    def mention(self, venue: Venue, source: str) -> tuple[str, str]:
        """A sentence naming the venue in passing (thanks, a credit, a place to go, or a bare
        tag), and the handle extraction reads from it: "platform:name" when the platform is
        written, else a bare "@name", an account of the post's own source."""
        if self.rng.random() < 0.3:
            return self.rng.choice(TAGS).format(h=venue.name), f"{source}:{venue.name}"
        form = self.rng.choice(_FORMS)
        word = self.rng.choice(tuple(_WORDS))
        written = self.rng.choice(MENTIONS).format(m=form.format(h=venue.name, w=word))
        platform = _WORDS[word] if "{w}" in form else source
        return written, f"{platform}:{venue.name}"

    def own_posts(self, venue: Venue, city: str, first: int, last: int) -> list[tuple[int, str]]:
        """The venue's own posts: (day, text), a few over the period."""
        count = self.rng.randint(2, 5)
        days = sorted(self.rng.randint(first, last) for _ in range(count))
        return [(day, self.rng.choice(VENUE_POSTS).format(city=city)) for day in days]
