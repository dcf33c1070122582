# ruff: noqa: E501  (one template sentence a line)
"""Benign offers without contacts, one template filled by many unrelated posters (knob
`contactless_benign`), drawn from their own stream.

A room to let, a seasonal job, babysitting, tutoring, housework, pet sitting: sites and
forums hand out ready-made texts, and many unrelated posters fill the same one with their own
name, town, price, date, rooms and hours, answering through the site (no phone, no handle, no
account). Each poster then re-posts her own text a few times over a few days with small edits
(a sentence dropped or added, the date moved). Stated facts coincide by chance: common first
names, big towns, round prices. Such posters must not be linked however alike their texts: the
template is a relation, not an identity. The posts come from this stream alone and take the
place of the last independents' posts; with the knob at 0 the corpus is what it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sentinelle.demo.clock import FIRST_DAY, LAST_DAY, parts, timestamp
from sentinelle.demo.communes import COMMUNES, Commune
from sentinelle.demo.dice import Dice
from sentinelle.demo.publishing import Draft
from sentinelle.demo.stress import lexicon as lx
from sentinelle.demo.truth import Carried, Who, truth_record

# A template: its sentences in order; a sentence starting with "?" is optional (a poster keeps
# it or not, and a re-post may drop or restore it). Slots: {name} {age} {city} {price} {rooms}
# {surface} {floor} {date} {weekday} {hours} {count} {subject} {years} {kids}.
TEMPLATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("room", (
        "Bonjour, je loue une chambre meublée de {surface} m² à {city}, {price} € par mois charges comprises.",
        "?Proche commerces et transports en commun.",
        "Cuisine et salle de bain partagées.",
        "Disponible à partir du {date}.",
        "?Idéal pour étudiant ou jeune actif.",
        "?Non fumeur, pas d'animaux.",
    )),
    ("room", (
        "Appartement T{rooms} à louer à {city}, {surface} m², loyer {price} € hors charges.",
        "?Lumineux, au {floor}e étage sans ascenseur.",
        "Dépôt de garantie d'un mois.",
        "Visite possible le {weekday} {hours}.",
        "?Dossier complet et garant demandés.",
    )),
    ("room", (
        "Colocation à {city} : {rooms} chambres dans une grande maison, une de libre à {price} € par mois.",
        "?Ambiance calme, colocataires étudiants.",
        "Internet et charges inclus.",
        "Entrée possible le {date}.",
        "?Jardin et parking.",
    )),
    ("job", (
        "Exploitation agricole près de {city} recherche {count} saisonniers pour la récolte.",
        "Salaire {price} € net par jour, {hours}.",
        "?Logement possible sur place.",
        "Début des travaux le {date}.",
        "?Contrat saisonnier déclaré, débutants bienvenus.",
    )),
    ("jobm", (
        "Restaurant à {city} cherche serveur ou serveuse pour la saison d'été.",
        "Service {hours}, {count} jours par semaine.",
        "?Expérience souhaitée mais pas obligatoire.",
        "Rémunération {price} € brut par mois.",
        "?Prise de poste le {date}.",
    )),
    ("jobm", (
        "Boulangerie de {city} recrute un vendeur ou une vendeuse en CDD.",
        "?Horaires {hours}, repos le {weekday}.",
        "Salaire {price} € par mois, poste à pourvoir le {date}.",
        "?Sourire et ponctualité exigés.",
    )),
    ("babysit", (
        "Je m'appelle {name}, j'ai {age} ans et je propose de garder vos enfants à {city}.",
        "Disponible {hours}.",
        "Tarif {price} € de l'heure.",
        "?Titulaire du BAFA.",
        "?Sorties d'école, mercredis et vacances scolaires.",
    )),
    ("babysit", (
        "Famille à {city} cherche une baby-sitter pour {kids}.",
        "Le {weekday} soir et parfois le week-end.",
        "{price} € de l'heure, déclaré CESU.",
        "?Références demandées.",
    )),
    ("tutor", (
        "{name}, étudiante en {subject}, donne des cours particuliers à {city}.",
        "?Collège et lycée, tous niveaux.",
        "{price} € l'heure, première séance offerte.",
        "Disponible {hours}.",
    )),
    ("tutor", (
        "Cours de {subject} à domicile sur {city} et environs.",
        "Professeur diplômé, {years} ans d'expérience.",
        "{price} € la séance d'une heure et demie.",
        "?Préparation au brevet et au bac.",
    )),
    ("house", (
        "Aide ménagère à {city}, je propose mes services pour le ménage et le repassage.",
        "{price} € de l'heure, paiement CESU accepté.",
        "?Sérieuse et ponctuelle.",
        "Disponible {hours}.",
    )),
    ("pets", (
        "Garde d'animaux à {city} : je m'occupe de vos chats et chiens pendant vos vacances.",
        "{price} € par jour.",
        "?Visites à domicile ou promenades.",
        "Disponible à partir du {date}.",
    )),
)  # fmt: skip
PRICES = {
    "room": (350, 400, 450, 500, 550, 600, 650),
    "job": (65, 70, 75, 80, 90),
    "jobm": (1400, 1500, 1600, 1700, 1800),
    "babysit": (10, 11, 12, 13, 15),
    "tutor": (15, 18, 20, 25, 30),
    "house": (12, 14, 15, 18),
    "pets": (10, 15, 20, 25),
}
SUBJECTS = ("maths", "anglais", "physique", "français", "espagnol", "piano", "guitare")
KIDS = ("deux enfants", "un bébé", "trois enfants", "un petit garçon", "une petite fille")
HOURS = ("le matin", "en soirée", "de 9h à 17h", "le week-end", "après 18h", "de 8h à 12h")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi")
# no phone, no handle, no account: the site's messaging
THROUGH_SITE = (
    "Merci de répondre par la messagerie du site.",
    "Contact par message sur l'annonce uniquement.",
    "Répondez via le formulaire du site.",
    "Écrivez-moi par la messagerie de l'annonce.",
)
# how popular each template is: a few are everywhere, most are used by some posters
POPULARITY = (8, 3, 2, 5, 2, 1, 6, 2, 4, 2, 2, 1)
_WEIGHTS = [c.weight for c in COMMUNES]


@dataclass(slots=True)
class Offerer:
    """One poster filling a shared template: her own slots, kept across her re-posts."""

    actor: str
    template: int
    kept: list[int]  # sentences of the template she uses
    slots: dict[str, str]
    city: Commune
    closing: str
    start: int


class SharedOfferDice:
    """The shared offers' own random stream, apart from the world's."""

    def __init__(self, seed: int) -> None:
        self.rng = Dice(f"sentinelle-stress-shared-offers:{seed}")
        self.posters = 0

    def drafts(self, count: int, classifieds: tuple[str, ...]) -> list[Draft]:
        """`count` posts of posters filling shared templates, each poster 1-4 of them."""
        out: list[Draft] = []
        while len(out) < count:
            poster = self._offerer()
            for day in self._days(poster, min(count - len(out), self._posts())):
                out.append(self._post(poster, day, classifieds, len(out)))
        return out

    def _posts(self) -> int:
        return self.rng.choice((1, 1, 2, 2, 2, 3, 3, 4))

    def _offerer(self) -> Offerer:
        rng = self.rng
        self.posters += 1
        template = rng.choices(range(len(TEMPLATES)), weights=POPULARITY)[0]
        topic, sentences = TEMPLATES[template]
        kept = [i for i, s in enumerate(sentences) if not s.startswith("?") or rng.random() < 0.6]
        city = rng.choices(COMMUNES, weights=_WEIGHTS)[0]
        slots = {
            "name": rng.choice(lx.NAMES), "age": str(rng.randint(18, 26)),
            "price": str(rng.choice(PRICES[topic])), "rooms": str(rng.randint(2, 5)),
            "surface": str(rng.choice((9, 10, 12, 14, 15, 18, 20, 25, 35, 45, 60))),
            "floor": str(rng.randint(1, 6)), "weekday": rng.choice(WEEKDAYS),
            "hours": rng.choice(HOURS), "count": str(rng.randint(2, 6)),
            "subject": rng.choice(SUBJECTS), "years": str(rng.randint(2, 15)),
            "kids": rng.choice(KIDS),
        }  # fmt: skip
        start = rng.randint(FIRST_DAY, LAST_DAY - 30)
        closing = rng.choice(THROUGH_SITE)
        return Offerer(f"t{self.posters:05d}", template, kept, slots, city, closing, start)

    def _days(self, poster: Offerer, count: int) -> list[int]:
        return sorted(poster.start + self.rng.randint(0, 20) for _ in range(count))

    def _post(self, poster: Offerer, day: int, classifieds: tuple[str, ...], n: int) -> Draft:
        """One re-post of the poster's own text: a sentence sometimes dropped, the date moved."""
        rng = self.rng
        sentences = TEMPLATES[poster.template][1]
        kept = list(poster.kept)
        if len(kept) > 3 and rng.random() < 0.3:
            kept.pop(rng.randrange(1, len(kept)))
        _, month, dom, _ = parts(day + rng.randint(3, 20))
        slots = poster.slots | {"date": f"{dom:02d}/{month:02d}", "city": poster.city.name}
        text = " ".join(sentences[i].lstrip("?").format(**slots) for i in kept)
        text = f"{text} {poster.closing}"
        carried = Carried(year=parts(day)[0], hard_rate=0.0)
        if any("{age}" in sentences[i] for i in kept):
            carried.ages.append(int(poster.slots["age"]))
        minute = rng.randint(7 * 60, 23 * 60 + 59)
        source = rng.choice(classifieds)
        post = {
            "id": f"st{n + 1:06d}",
            "source": source,
            "kind": "ad",
            "text": text,
            "posted_at": timestamp(day, minute),
        }
        if rng.random() < 0.85:
            post["url"] = f"https://{source}.example/v/{post['id']}"
        if rng.random() < 0.8:
            post["city"] = poster.city.name
        who = Who(poster.actor, "benign", None, None, 1)
        truth = truth_record(post, who, (False, False, False), carried, poster.city)
        truth["phenomena"] = ["contactless_benign"]
        return Draft(day, minute, post, truth)
