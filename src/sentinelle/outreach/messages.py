"""Message templates: French first-contact and follow-up messages an educator copies and sends
from the association's own phone or account (the project sends nothing).

Every template must carry the national numbers, so a young person who never answers still
leaves with them: 119 (Allô Enfance en Danger), 114 (emergency by SMS), 17 (police).
"""

from __future__ import annotations

import re

from sentinelle.errors import SentinelleError

PURPOSES = {"first": "first contact", "followup": "follow-up"}
PLACEHOLDERS = {
    "{prenom}": "the first name used in the ad",
    "{ville}": "the city of the ad",
    "{service}": "a local service (name and phone)",
}
NATIONAL_NUMBERS = {
    "119": "Allô Enfance en Danger",
    "114": "urgence par SMS",
    "17": "police secours",
}
MAX_LENGTH = 2000

DEFAULT_TEMPLATES = (
    (
        "Premier contact",
        "first",
        "Bonjour {prenom}, je m'appelle [prénom de l'éducatrice], je travaille dans une "
        "association d'aide aux jeunes sur {ville}. Je ne suis pas de la police et je ne te "
        "juge pas. Si tu as besoin de parler, d'un endroit où dormir, de soins ou d'aide, tu "
        "peux me répondre ici, quand tu veux. Tu peux aussi appeler le 119 (Allô Enfance en "
        "Danger, gratuit, 24h/24), envoyer un SMS au 114 si tu es en danger et ne peux pas "
        "parler, ou appeler le 17.",
    ),
    (
        "Relance",
        "followup",
        "Bonjour {prenom}, c'est [prénom] de l'association, je reviens vers toi. Pas besoin "
        "de te justifier : si tu veux parler ou être accompagnée, je suis là. Près de chez toi : "
        "{service}. À toute heure : 119 (gratuit), SMS au 114 en cas de danger, ou le 17.",
    ),
)


def check_template(body: str) -> str:
    """The body, once it holds every national number and only known placeholders."""
    body = body.strip().replace("\r\n", "\n")
    if not body:
        raise SentinelleError("the message is empty")
    if len(body) > MAX_LENGTH:
        raise SentinelleError(f"the message is longer than {MAX_LENGTH} characters")
    missing = [n for n in NATIONAL_NUMBERS if not re.search(rf"(?<!\d){n}(?!\d)", body)]
    if missing:
        names = ", ".join(f"{n} ({NATIONAL_NUMBERS[n]})" for n in missing)
        raise SentinelleError(f"every message must give the national numbers; missing: {names}")
    unknown = set(re.findall(r"\{[^{}]*\}", body)) - set(PLACEHOLDERS)
    if unknown:
        raise SentinelleError(
            f"unknown placeholder {sorted(unknown)[0]}: use {', '.join(PLACEHOLDERS)}"
        )
    return body


def fill(body: str, first_name: str | None, city: str | None, service: str | None) -> str:
    """The message with its placeholders replaced (plain replacement, never format syntax)."""
    values = {
        "{prenom}": first_name or "",
        "{ville}": city or "ta ville",
        "{service}": service or "le 119",
    }
    for placeholder, value in values.items():
        body = body.replace(placeholder, value)
    return re.sub(r"Bonjour ,", "Bonjour,", body)
