# ruff: noqa: E501  (phrase and gazetteer tables read better one entry per line)
"""Phrase banks for recruitment posts, profiles and private messages on social apps.

Recruiters sell a "pack" (housing, "security", ads) against a share of earnings; the words
overlap on purpose with job ads and flat shares so that vocabulary alone cannot decide.
"""

from __future__ import annotations

HOOK: tuple[str, ...] = (
    "[cherche|recherche|on recrute|je recrute] [filles|meufs|go|jeunes femmes] [motivées|sérieuses|dispo|déterminées]",
    "[besoin de|cherche] [2|3|deux|trois] filles [pour ce week-end|cette semaine|rapidement|pour une tournée]",
    "[tu veux|envie de|qui veut] gagner [1500|2000|3000|5000]€ [/semaine|par semaine|la semaine|en 1 semaine] ?",
    "plan [sous|thune|💸|money] [rapide|facile|sérieux|du moment]",
    "[opportunité|proposition|bon plan] [sugar baby|pour étudiantes|pour filles motivées]",
    "[sugar daddy|homme aisé|entrepreneur] cherche sugar baby, [aide|soutien] [financier|financière] [500|800|1000|1500]€/mois",
    "[t'es fauchée|besoin d'argent|marre d'être à découvert] ? [j'ai|on a] [un plan|la solution|ce qu'il te faut]",
    "[recrutement|casting] [ouvert|en cours] [pour|sur] {city}",
)  # fmt: skip
OFFER: tuple[str, ...] = (
    "[logement fourni|appart fourni|hébergement fourni|logée]",
    "pack [complet|dispo|tout compris]: [logement|appart] + [sécurité|protection] + [annonces|pubs|photos]",
    "[50/50|60/40|moitié-moitié] sur [les gains|ce que tu fais|les rdv]",
    "[tu gardes|tu touches|pour toi] [50|60|70]%",
    "[transport|billets de train|trajets] [payé|payés|remboursés]",
    "on s'occupe de [tout|la pub et du logement|tes annonces]",
    "[déplacements|tournée] dans [toute la France|plusieurs villes|le sud]",
    "[argent|cash|paiement] [rapide|direct|en liquide] [tous les soirs|chaque jour|chaque semaine]",
    "[sécurité|protection] assurée [24h/24|jour et nuit]",
)  # fmt: skip
CONDITION: tuple[str, ...] = (
    "pas besoin d'expérience", "[discrétion|discret] [assurée|total|garantie]",
    "[âge|l'âge] pas [important|un problème]", "[même|meme] sans papiers ok",
    "[sérieuses|motivées] uniquement", "[départ|dispo] [immédiat|rapide|ce week-end]",
    "[photos|annonces] faites par nous", "[pas de|aucune] question",
)  # fmt: skip
CONTACT: tuple[str, ...] = (
    "DM pour [infos|plus d'infos|détails]", "[écris|ajoute] [moi|nous] [sur|] {handle}",
    "[contact|infos|tel] {phone}", "[viens en|envoie un|go] [pv|mp|dm|privé]",
    "{handle} pour [en savoir plus|infos|postuler]", "[intéressée|intéressées] ? {handle}",
)  # fmt: skip
PLACE: tuple[str, ...] = (
    "[sur|à] {city}", "[sur|à] {city} et [alentours|d'autres villes]", "[départ de|basé à] {city}",
)  # fmt: skip
MESSAGE_OPENING: tuple[str, ...] = (
    "[salut|slt|coucou|hey] [ça va|cv|tu vas bien] ?", "[j'ai vu ton profil|je t'ai vue en story|une amie m'a parlé de toi]",
    "[t'es dispo|tu serais dispo] [ce week-end|cette semaine] ?", "[slt|salut] [ma belle|toi]",
)  # fmt: skip
PROFILE_TAGS: tuple[str, ...] = (
    "Agence 🌍", "Recrutement 💼", "💰💰💰", "Business 📈", "Management", "Team {city}",
    "Opportunités", "Plans sérieux", "Bookings", "🔒 Discrétion",
)  # fmt: skip
HASHTAGS: tuple[str, ...] = (
    "#argentfacile", "#recrutement", "#sugarbaby", "#jobetudiant", "#planthune", "#business",
    "#argentrapide", "#opportunite", "#motivee", "#team",
)  # fmt: skip
EN_HOOK: tuple[str, ...] = (
    "[looking for|hiring] [motivated|serious] girls", "[want to|wanna] make [2000|3000]€ a week ?",
    "sugar daddy looking for sugar baby, [allowance|support] [800|1000]€/month",
)  # fmt: skip
EN_OFFER: tuple[str, ...] = (
    "[housing|apartment] provided", "[50/50|60/40] split", "[security|protection] included",
    "we handle [everything|the ads]",
)  # fmt: skip
EN_CONTACT: tuple[str, ...] = ("DM for info", "[text|add] me [on|] {handle}", "[call|text] {phone}")
