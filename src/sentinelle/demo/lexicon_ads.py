# ruff: noqa: E501  (phrase and gazetteer tables read better one entry per line)
"""Phrase banks for ads (logistics only: who, where, when, how to book, how much).

`[a|b]` is a choice made when an actor's template is drawn (or re-drawn), `{slot}` is filled
per post. Part names are the grammar of an ad; a template picks one variant per part.
"""

from __future__ import annotations

FR: dict[str, tuple[str, ...]] = {
    "greeting": (
        "[Coucou|Cc|Coucouu|Kikou|Coucou à tous]", "[Slt|Salut|Saluuut|Salut à vous]",
        "[Bonjour|Bonjour à tous|Bjr|Bonjour messieurs]", "[Bonsoir|Bsr|Bonsoir à tous]",
        "[Hello|Helloo|Hey|Hi]", "[Bienvenue|Bienvenue sur mon annonce|Bienvenue à vous]",
        "[Re|Re bonjour|Me revoilà]", "[Coucou c'est moi|Coucou, c'est encore moi]",
    ),
    "intro_age": (
        "[je m'appelle|je m'apelle|moi c'est|ici] {name}, {age}", "{name} {age}",
        "{name} ({age})", "{name} - {age}", "[c'est|ici c'est] {name}, {age}",
        "[jeune femme|femme|jolie femme] [souriante|douce|sympa|naturelle], {name}, {age}",
        "{name}, [brune|blonde|métisse|rousse|châtain], {age}", "{age}, {name} [pour vous|à votre écoute]",
        "[je suis|moi] {name} [et j'ai|] {age}",
    ),
    "intro": (
        "[je m'appelle|je m'apelle|moi c'est|ici] {name}", "{name} [ici|à votre écoute|pour vous]",
        "[c'est|ici c'est] {name}", "{name}, [brune|blonde|métisse|rousse|châtain] [souriante|sympa|naturelle]",
        "[jeune femme|femme] [douce|souriante|discrète], {name}",
    ),
    "arrival": (
        "[nouvelle|nouvelle arrivée|new|tout juste arrivée] [à|sur] {city}",
        "de passage [à|sur] {city} {dates}", "[première fois|1ère fois|1ere fois] [à|sur] {city}",
        "[je suis|je serai|je serais] [à|sur] {city} {dates}", "[dispo|disponible] [sur|à] {city} {dates}",
        "{city} {dates} [seulement|uniquement|!!]", "[arrivée|j'arrive] [à|sur] {city} ce {weekday}",
        "[en tournée|en déplacement] [à|sur] {city} {dates}", "[a|à] {city} ({dept}) {dates}",
        "[nouvelle|new] sur {city} {dates}",
    ),
    "home": (
        "[sur|à] {city} [et alentours|et environs|et périphérie]", "{city} ({dept})",
        "secteur {city} [centre|nord|sud|est|ouest]", "[je reçois|reçois] sur {city} {area}",
        "{city} {postcode}", "[à|sur] {city}, {area}", "[basée|installée] [à|sur] {city} [depuis longtemps|]",
        "{city} et tout le {dept}",
    ),
    "travel": (
        "de passage à {city} {dates}", "exceptionnellement sur {city} {dates}",
        "en déplacement [à|sur] {city} {dates}", "[je serai|je serais|présente] [à|sur] {city} {dates}",
        "[petit séjour|quelques jours] [à|sur] {city} {dates}",
    ),
    "avail": (
        "[dispo|disponible|dispo'|disponnible] [7j/7|7/7|tous les jours|tlj]",
        "[dispo|disponible] [de|entre] {h1}h [à|et|-] {h2}h", "[dispo|disponible] [24h/24|h24|jour et nuit]",
        "[dispo|disponible] [en soirée|le soir|en journée|l'après-midi|en matinée]",
        "[dispo|disponible] [tous les jours sauf le dimanche|en semaine|le week-end|du lundi au samedi]",
        "[uniquement|seulement|que] sur [rdv|rendez-vous|rendez vous]",
        "[rdv|rendez-vous] [à prendre|pris] [la veille|30 min avant|le jour même|à l'avance]",
        "[dispo|dispos] [rapidement|de suite|maintenant|ce soir]",
    ),
    "place": (
        "[je reçois|reçois] [en appartement|dans un appart|en appart] [privé|discret|calme|propre|climatisé]",
        "déplacement [possible|hôtel uniquement|à domicile|hôtel ou domicile]",
        "[hôtel|appartement|appart] [près de la gare|en centre-ville|proche tram|proche métro]",
        "[parking|stationnement] [facile|gratuit] [à proximité|à côté|devant]",
        "[accès facile|facile d'accès] [tram|métro|bus|autoroute]",
        "[cadre|lieu] [discret|calme|propre] et [sécurisé|agréable]",
    ),
    "price": (
        "[tarif|tarifs|prix]: {p30}€ [la demi-heure|30min|les 30 min|30mn], {p60}€ [l'heure|1h|/h]",
        "{p60}€ [l'heure|/h|de l'heure]", "{p60} [roses|r] [l'heure|/h]", "[à partir de|dès|a partir de] {p30}€",
        "[petits prix|tarifs doux|prix doux] [cette semaine|ce week-end|en ce moment]",
        "[prix fixes|prix non négociables|pas de négociation sur les prix]",
        "[30min|1/2h] {p30}€ [-|/|,] [1h|1 heure] {p60}€",
    ),
    "contact": (
        "[contact|contactez-moi|appelle|appelez-moi|tel|tél|☎️|📞] {phone}", "[sms|sms uniquement|que par sms|appel ou sms] {phone}",
        "{phone} [sms ou appel|pas de numéro masqué|appel uniquement]", "[mon numéro|mon num|mon 06|num]: {phone}",
        "[joignable|dispo] au {phone}", "📱 {phone}",
    ),
    "contact_handle": (
        "{handle}", "[écris moi|écrivez-moi|ajoute moi|ajoutez moi|contact] [sur|] {handle}",
        "[rdv|infos|dispos] [sur|par|] {handle}", "[je réponds|réponse rapide] [sur|] {handle}",
    ),
    "control": (
        "[appeler|appelle|appelez|téléphoner à] {controller} pour [rdv|rendez-vous|réserver|les rdv]",
        "[réservation|réservations|resa|résa] par mon [ami|copain|cousin|manager|chauffeur]",
        "on est [2|deux] [copines|amies|filles] [dispo|ensemble|sur place]",
        "contact pour toutes les filles", "[nouvelle arrivée|nouvelles arrivées|new girls] cette semaine",
        "[planning|horaires|programme] [fixé|imposé|géré] par [le secrétariat|l'agence|mon manager], pas de changement",
        "c'est {controller} qui [répond|gère les rdv|prend les appels]",
        "[secrétaire|secrétariat] [disponible|joignable] [de 10h à 2h|24h/24|jusqu'à minuit]",
        "[pas de|aucun] [sms|message] à la fille, tout passe par le [numéro|contact] [ci-dessous|en bas]",
        "[demandez|demander] {controller} [au téléphone|en appelant]",
    ),
    "youth": (
        "petite nouvelle", "[toute|très|tt] jeune", "[jeune|petite] étudiante",
        "[première fois|1ère fois] dans la ville", "pas dispo [le matin|en journée] [(cours)|(lycée)|car cours]",
        "[dispo|disponible] [après les cours|après le lycée|le mercredi après-midi|pendant les vacances scolaires]",
        "[mes parents|ma mère|mes darons] [ne doivent pas savoir|sont pas au courant], discrétion",
        "[toute|petite] timide", "🍭", "🎀", "🍒", "🍭🎀", "[petite|ptite] [puce|chérie] 🧸",
    ),
    "restrict": (
        "pas de [numéros masqués|n° masqués|masqués|appels masqués]", "[sérieux|personnes sérieuses] [uniquement|seulement]",
        "[discrète|discrétion] [assurée|garantie|absolue]", "[respect|politesse|hygiène] [exigé|exigée|obligatoire]",
        "pas de [négociation|marchandage]", "[prévenir|merci de prévenir] [30 min|1h|une heure] avant",
        "[pas de|aucun] [mineurs|lapins]", "[que des|uniquement des] [messieurs respectueux|gens polis]",
    ),
    "about": (
        "[indépendante|je travaille seule|je gère mes rdv moi-même|pas d'agence, pas d'intermédiaire]",
        "[femme|jeune femme] [souriante|pétillante|douce|élégante]", "[maman|femme mature|femme active] [discrète|souriante]",
        "[de retour|de retour après une pause|toujours fidèle au poste]", "[nouvelle|nouvelle venue] dans le quartier",
        "[duo possible avec une amie|possibilité de duo avec ma copine|on peut être deux, avec mon amie]",
        "[agenda|planning] [souvent complet|chargé], [réservez|pensez à réserver] la veille",
    ),
    "student": (
        "[étudiante|jeune étudiante|étudiante en fac|étudiante en master] [sympa|souriante|discrète]",
        "[étudiante|étudiante indépendante], [dispo entre les cours|pas dispo en période d'examens]",
    ),
    "closing": (
        "bisous", "bises", "[à bientôt|a bientot|à très vite]", "xoxo", "😘", "🌸", "[merci|merci à vous]",
        "[au plaisir|au plaisir de vous rencontrer]", "[douce soirée|belle journée]",
    ),
}  # fmt: skip

EN: dict[str, tuple[str, ...]] = {
    "greeting": ("[Hi|Hello|Hey|Hiii]", "[Welcome|Hello gentlemen|Good evening]"),
    "intro_age": (
        "[I'm|my name is|this is] {name}, {age}", "{name} {age}", "{name} ({age}) [here|for you]",
    ),
    "intro": ("[I'm|my name is|this is] {name}", "{name} [here|for you]"),
    "arrival": (
        "[new in|just arrived in|visiting] {city} {dates}", "[first time|1st time] in {city}",
        "[in|available in] {city} {dates} [only|]",
    ),
    "home": ("[based in|living in] {city}", "{city} [and around|area]", "{city} ({dept})"),
    "travel": ("[visiting|travelling to] {city} {dates}", "[short stay|few days] in {city} {dates}"),
    "avail": (
        "available [24/7|every day|all week]", "[available|free] [from|between] {h1}h [to|and] {h2}h",
        "[by appointment only|appointments only]", "available [tonight|now|this evening]",
    ),
    "place": ("[incall|private apartment] [near the station|downtown]", "[hotel visits|outcall] [possible|only]"),
    "price": ("{p60}€ [per hour|/h]", "[30min|half hour] {p30}€, [1h|hour] {p60}€", "[from|starting at] {p30}€"),
    "contact": ("[call me|call|text me|text only] {phone}", "[phone|tel]: {phone}", "{phone} [no hidden numbers|calls only]"),
    "contact_handle": ("{handle}", "[text me|add me|message me] [on|] {handle}"),
    "control": (
        "[booking|bookings] [via|through] my [friend|manager]", "call {controller} to book",
        "we are [2|two] [girlfriends|friends] [together|available]", "[one contact|same number] for all the girls",
        "new girls this week", "[schedule|planning] set by the agency",
    ),
    "youth": ("[first time|1st time] in town", "[very|so] young", "[after school|after classes] only", "🍭", "🎀", "🍒"),
    "restrict": ("no hidden numbers", "[serious|polite] gentlemen only", "[discretion|privacy] guaranteed"),
    "about": ("[independent|no agency|I manage my own bookings]", "[friendly|smiling|elegant] woman"),
    "student": ("[student|uni student] [friendly|smiling]",),
    "closing": ("kisses", "[see you soon|see u soon]", "xoxo", "😘"),
}  # fmt: skip

TITLES_FR: tuple[str, ...] = (
    "{name} [nouvelle|new] [à|sur] {city}", "{name} {age_short} - {city}", "[Nouvelle|New] sur {city} {emoji}",
    "{name} [dispo|disponible] [ce soir|maintenant|7j/7]", "{city} : {name} [de passage|en visite]",
    "{name} 🌸 {city}", "[Dispo|Disponible] {city} [centre|gare]", "{name} [à|a] {city} {dates}",
    "[Première fois|1ère fois] à {city}", "{city} ({dept}) - {name}", "{name} {city} ☎️ {phone}",
    "{city} - {phone}",
)  # fmt: skip
TITLES_EN: tuple[str, ...] = (
    "{name} new in {city}",
    "{name} {age_short} - {city}",
    "Available in {city} {emoji}",
)

EMOJI: tuple[str, ...] = (
    "✨",
    "🌸",
    "💕",
    "🔥",
    "⭐",
    "🌺",
    "💎",
    "🌹",
    "😊",
    "💫",
    "🦋",
    "🌙",
    "❤️",
    "☀️",
    "👑",
)
YOUTH_EMOJI: tuple[str, ...] = ("🍭", "🎀", "🍒", "🧸", "🦄", "🍬")
AREAS: tuple[str, ...] = (
    "centre", "centre-ville", "quartier gare", "près de la gare", "hyper centre", "proche tram",
    "nord", "sud", "zone commerciale", "proche fac",
)  # fmt: skip
