# ruff: noqa: E501  (phrase tables read better one entry per line)
"""The stress profile's own words: ad sentences by role, synonyms, recruitment texts, benign
boilerplate, control phrasing, age phrasings. Written apart from the demo lexicon on purpose.

Logistics only: who, where, when, how much, how to reach. Never a description of a body or act.
"""

from __future__ import annotations

NAMES = (
    "Ilona", "Bianca", "Ariana", "Yasmina", "Daria", "Monica", "Stella", "Kenza", "Lorena",
    "Mirela", "Tamara", "Gabi", "Eliza", "Roxana", "Noa", "Sirine", "Paola", "Vanessa", "Ines",
    "Anouk", "Dalia", "Ruxandra", "Loredana", "Larissa", "Joy", "Precious", "Blessing", "Mei",
    "Lin", "Carla", "Nerea", "Alba", "Maëva", "Océane", "Kimberly", "Jessy", "Naomie", "Cindy",
)  # fmt: skip

# Ad sentences by role; each role is one sentence of a poster's template.
AD_ROLES: dict[str, tuple[str, ...]] = {
    "hello": (
        "Salut c'est {name}, {age}.",
        "Moi c'est {name} ({age}).",
        "{name}, {age}, de passage.",
        "Coucou, {name} ici, {age}.",
        "Je m'appelle {name}, {age}.",
        "Hello je suis {name} {age}",
    ),
    "arrive": (
        "Nouvelle sur {city} {when}.",
        "Je débarque à {city} {when}.",
        "Présente sur {city} {when} seulement.",
        "De passage vers {city} {when}.",
        "Installée à {city} {when}.",
    ),
    "hours": (
        "Dispo {hours}.",
        "Je reçois {hours}.",
        "Joignable {hours}, pas après.",
        "Rdv possible {hours}.",
    ),
    "place": (
        "Appartement calme et propre, parking à côté.",
        "Logement discret près de la gare.",
        "Studio au rez-de-chaussée, accès facile.",
        "Je me déplace aussi à l'hôtel.",
        "Lieu tranquille, pas de voisins.",
    ),
    "price": (
        "Tarif {price}, non négociable.",
        "{price} la rencontre, pas de discussion sur les prix.",
        "Prix fixe : {price}.",
        "Participation {price}.",
    ),
    "rules": (
        "Pas de numéros masqués svp.",
        "Respect et hygiène exigés.",
        "Réponse rapide aux messages polis.",
        "Pas de plans foireux, sérieux uniquement.",
        "Prévenir 30 minutes avant.",
    ),
    "contact": (
        "Contact : {contact}",
        "Écris-moi au {contact}",
        "Me joindre {contact}",
        "Pour réserver {contact}",
        "{contact} (sms d'abord)",
    ),
}
ROLE_ORDER = ("hello", "arrive", "hours", "place", "price", "rules", "contact")

# Synonym swaps an editor makes between two versions of the same ad.
SYNONYMS = (
    ("calme", "tranquille"), ("propre", "nickel"), ("discret", "discrète"),
    ("près de", "à côté de"), ("Dispo", "Disponible"), ("svp", "merci"),
    ("rapide", "vite"), ("Tarif", "Prix"), ("Appartement", "Appart"),
    ("seulement", "uniquement"), ("Logement", "Appart"), ("sérieux", "sérieuses"),
    ("Nouvelle", "Arrivée"), ("accès facile", "facile d'accès"), ("hôtel", "hotel"),
)  # fmt: skip
EXTRA_SENTENCES = (
    "Photos récentes.", "Annonce mise à jour.", "Je parle anglais et espagnol.",
    "Pas de réponse aux appels anonymes.", "Merci de lire l'annonce en entier.",
)  # fmt: skip

HOURS = ("de 10h à 22h", "de 11h à minuit", "à partir de 14h", "entre 9h et 20h", "tard le soir", "toute la journée", "de 12h30 à 23h")  # fmt: skip
CONTACT_NONE = (
    "Réponds directement à l'annonce.",
    "Messagerie du site uniquement.",
    "Contact par le bouton message.",
    "Écris via le formulaire, je réponds vite.",
)  # fmt: skip

# Recruitment texts copy-pasted by many unrelated groups (the shared-templates phenomenon).
SHARED_TEMPLATES = (
    "Tu veux te faire de l'argent vite ? Appart fourni sur {city}, on s'occupe de tout (annonces, clients, sécu). DM {handle}",
    "Besoin de thunes rapidement ? On loge, on gère les annonces et la sécurité sur {city}. Filles motivées seulement, écris {handle}",
    "Recherche nouvelles pour {city} : logement payé, annonces faites par nous, tu gardes ta part. Infos {handle}",
)
# Recruiters' own posts on social sources (the recruitment-on-social phenomenon).
RECRUIT_SOCIAL = (
    "Plan sous dispo sur {city}, pack complet fourni, logement + sécu, partage {share}. {contact}",
    "Cherche meufs motivées pour {city}, on fournit le pack (tel, annonces, appart), {share} pour toi. {contact}",
    "Plan thune sur {city} cette semaine, tout est géré, tu touches {share}. Sérieuses only {contact}",
    "Appart dispo {city}, sécu sur place, on prend {share} c'est tout. {contact}",
    "Bons plans sous sur {city}, déplacements payés, pack fourni, {share}. Écris {contact}",
)
SHARES = ("50/50", "60/40", "la moitié", "70% pour toi", "40%")

# Explicit third-party control inside ads, and independents saying they manage alone.
CONTROL_EXPLICIT = (
    "C'est mon manager qui répond.", "Résa par mon gars uniquement.", "On partage 50/50 avec mon agent.",
    "Mon ami gère les rendez-vous.", "Réservation via mon responsable.", "Le planning est fait par mon boss.",
)  # fmt: skip
SELF_MANAGED = (
    "Je gère tout moi-même, pas d'intermédiaire.", "Indépendante, personne derrière moi.",
    "Je réponds moi-même, aucune agence.", "Je travaille seule et je gère tout moi-même.",
)  # fmt: skip

# Adult age phrasings (plain) and the tricky ones both minors and some adults use.
AGE_PLAIN = ("{n} ans", "{n}ans")
AGE_TRICKY = ("j'ai {n} ans", "{n}a", "{n} piges", "{n}yo", "âgée de {n}", "{n} ans pile")
SCHOOL_LEVELS = ("en 3ème", "lycéenne", "en seconde", "en première", "au collège", "en terminale")

# Benign posts: their own boilerplate, shared across posters of one kind.
BENIGN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "room": (
        (
            "Chambre meublée à louer à {city}, {price} charges comprises.",
            "Coloc {city} : chambre libre, {price}/mois.",
            "Studio à louer {city} centre, {price}.",
        ),
        (
            "Dossier complet exigé, garant demandé.",
            "Pas de frais d'agence.",
            "Visites le samedi de 10h à 12h.",
            "Libre à partir du {date}.",
            "Code postal {postcode}.",
        ),
    ),
    "job": (
        (
            "Recherche saisonniers pour les vendanges près de {city}, {price} net/jour.",
            "Restaurant à {city} recrute serveur/serveuse pour l'été.",
            "Cueillette à {city} : on embauche, logement possible.",
        ),
        (
            "Contrat saisonnier, déclaré, SIRET {siret}.",
            "Horaires {hours}.",
            "Débutants acceptés.",
            "Envoyez CV et disponibilités.",
            "Début le {date}.",
        ),
    ),
    "babysit": (
        (
            "Cherche baby-sitter à {city} pour {kid}.",
            "Famille à {city} cherche nounou pour {kid}.",
            "Garde après l'école à {city}, {kid}.",
        ),
        (
            "Expérience exigée, références appréciées.",
            "Horaires {hours}.",
            "{price} de l'heure.",
            "Déclaré CESU.",
            "Quartier {postcode}.",
        ),
    ),
    "tutor": (
        (
            "Cours de maths à {city}, tous niveaux, {price}/h.",
            "Étudiante donne cours d'anglais à {city}, {price}/h.",
            "Soutien scolaire à {city}, {price} la séance.",
        ),
        (
            "Première séance offerte.",
            "Horaires {hours}.",
            "Je me déplace.",
            "Plus de 5 ans d'expérience.",
        ),
    ),
}
KIDS = ("un enfant de 4 ans", "deux enfants de 6 et 9 ans", "ma fille de 7 ans", "un garçon de 3 ans", "un enfant de 10 ans")  # fmt: skip
KID_AGES = {KIDS[0]: [4], KIDS[1]: [6, 9], KIDS[2]: [7], KIDS[3]: [3], KIDS[4]: [10]}
# Ages that belong to someone else in a look-alike's own words: a mother's, a nanny's or a
# sibling's children ({a} is 2-11, {b} is 12-17). Each age slot is a stated age the text carries.
OTHERS_AGES = (
    "Maman de deux enfants de {a} et {b} ans, je cherche un emploi de caissière sur {city}.",
    "Mon fils a {b} ans et cherche un club de foot à {city}, des idées ?",
    "Ma fille ({b} ans) cherche une nounou le mercredi à {city}.",
    "Enfants de {a} ans et {b} ans à garder le soir, secteur {city}.",
    "Nounou à {city}, je garde deux petits de {a} et {b} ans en semaine.",
    "Maman solo, mon grand a {b} ans, je cherche une colocation calme à {city}.",
    "Mes ados de {b} ans sont autonomes, je cherche un travail de nuit sur {city}.",
    "Baby-sitter dispo à {city}, j'ai gardé des jumeaux de {b} ans tout l'été.",
    "Étudiante, je vis avec ma petite sœur de {b} ans, cherche un T2 à {city}.",
    "Papa de {a} ans et {b} ans cherche une nounou à domicile, {city}.",
    "Je garde mon neveu de {b} ans le week-end, cherche un job en semaine à {city}.",
    "Mère de famille, mon cadet a {b} ans, je cherche des heures de ménage à {city}.",
    "Nounou agréée à {city}, j'accueille une fille de {a} ans et un garçon de {b} ans.",
    "Ma puce de {a} ans et mon ado de {b} ans cherchent une baby-sitter à {city}.",
)
# Clients an independent accepts: an age that is not hers (no age read, or an adult one).
CLIENT_AGES = (
    "Clients 30 ans minimum.", "Messieurs de plus de 35 ans uniquement.",
    "Clientèle de 40 ans et plus, merci.", "Pas de clients de moins de 25 ans.",
)  # fmt: skip
BENIGN_NONE = ("Appelez le", "Tel :", "Contact", "Joindre au")

# Invented words for the emerging term: one per corpus, from the middle of the period on.
EMERGING = ("zolvo", "brimka", "kestal", "vunipo", "dralik", "moskey")
EMERGING_USES = ("dispo aussi sur {t}", "contact {t} only", "on passe par {t} maintenant", "ajoute-moi sur {t}", "{t} pour les résas")  # fmt: skip

CLASSIFIEDS = ("annonces-rapides", "kiosque-annonces", "petites-annonces-direct", "tableau-local")
SOCIALS = ("instaville", "snapflux", "tchatou")
PLATFORMS = ("snap", "insta", "tg", "telegram", "snapchat")
PLATFORM_NAME = {
    "snap": "snapchat",
    "snapchat": "snapchat",
    "insta": "instagram",
    "tg": "telegram",
    "telegram": "telegram",
}

# Pupils' own look-alike ads (knob `pupil_lookalikes`): a school level in a benign service ad,
# tutoring, childcare, pet care or a small job. Not one of them offers a person: none is a minor
# in a sex ad, whatever a school level says elsewhere. {city}, {price} (a pupil's hourly rate).
PUPIL_OPENERS = (
    "Élève de 3e, je donne des cours de maths aux primaires sur {city}.",
    "Lycéenne en terminale, je propose de l'aide aux devoirs pour les petits, {city}.",
    "Collégienne sérieuse, je promène vos chiens le week-end à {city}.",
    "Lycéenne dispo pour baby-sitting le soir et le week-end sur {city}.",
    "En seconde, je garde vos enfants le mercredi après-midi, secteur {city}.",
    "Je suis au lycée et je cherche des heures de baby-sitting à {city}.",
    "Élève de première, je donne des cours d'anglais niveau collège, {city}.",
    "Collégienne en 4ème, je garde vos chats pendant les vacances, {city}.",
    "Lycéenne en terminale propose soutien scolaire en physique à {city}.",
    "Je suis en 3ème et je cherche un stage d'observation à {city}.",
    "Lycéenne, je peux faire réviser le brevet à votre enfant, {city}.",
    "Collégienne, j'arrose vos plantes et je nourris vos chats pendant vos congés, {city}.",
    "Élève en terminale, dispo pour garder vos loulous après l'école à {city}.",
    "Lycéen ou lycéenne ? Lycéenne ! Je fais du pet-sitting à {city}.",
    "Je suis en seconde, je peux aider votre ado en français, {city}.",
    "Lycéenne bilingue, conversation en espagnol avec vos enfants, {city}.",
    "En 1ère au lycée Victor Hugo, je propose du babysitting à {city}.",
    "Collégienne motivée, je lave votre voiture le samedi matin à {city}.",
)
PUPIL_DETAILS = (
    "{price} de l'heure.",
    "Tarif {price}/h.",
    "{price} la séance d'une heure.",
    "Dispo le mercredi et le samedi.",
    "Dispo après les cours et pendant les vacances scolaires.",
    "Mes parents sont d'accord, vous pouvez les appeler.",
    "Sérieuse et ponctuelle, j'ai le PSC1.",
    "Références dans le quartier.",
    "Premier cours gratuit 🎒",
    "Bonne élève, toujours au-dessus de la moyenne en maths.",
    "Je peux venir chez vous à vélo.",
    "Petite jeune de confiance, déjà gardé mes cousins.",
)
PUPIL_PRICES = (8, 10, 12, 15, 18, 20)
