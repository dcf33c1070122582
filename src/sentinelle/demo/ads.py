"""What group and independent ads share: phrase banks, part order, slots, contacts, titles.

An ad is a list of phrases (the author's template parts, in the author's order) filled with
the day's slots; `group_ads.py` and `independent_ads.py` decide which parts and cues to say.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from sentinelle.demo import lexicon_ads
from sentinelle.demo.clock import year_end
from sentinelle.demo.communes import Commune
from sentinelle.demo.phones import Phone
from sentinelle.demo.phrasing import Slots, Style, Template, tidy
from sentinelle.demo.publishing import (
    Draft,
    Publisher,
    city_in_text,
    dates_phrase,
    postcode,
    repost,
    weekday,
)
from sentinelle.demo.truth import Carried

PRICES_30 = (50, 60, 70, 80, 80, 100, 120, 150)
OPTIONAL = ("greeting", "place", "price", "restrict", "closing", "avail")
# Authors who write one line per part lead each line with an emoji.
_BULLETS = {
    "arrival": ("📍", "📌"), "home": ("📍", "📌", "🏙️"), "travel": ("📍", "✈️", "🚄"),
    "avail": ("⏰", "🕐", "📅"), "price": ("💶", "💰", "💵"), "place": ("🏠", "🏡", "🛏️"),
    "contact": ("📞", "📱", "☎️"), "restrict": ("⚠️", "🚫", "❌"), "intro": ("👋", "💁‍♀️", "🌸"),
    "control": ("📅", "👉", "ℹ️"), "about": ("✨", "💫"), "student": ("📚", "🎓"),
}  # fmt: skip


def bank(english: bool) -> dict[str, tuple[str, ...]]:
    """The phrase bank of an author writing in French or English."""
    phrases = dict(lexicon_ads.EN if english else lexicon_ads.FR)
    phrases["title"] = lexicon_ads.TITLES_EN if english else lexicon_ads.TITLES_FR
    return phrases


def order(rng: random.Random, where: str, extra: tuple[str, ...]) -> list[str]:
    """An author's order of parts: core parts always, optional ones kept by habit."""
    middle = [where, *extra, "avail", "place", "price"]
    if rng.random() < 0.5:
        rng.shuffle(middle)
    parts = ["greeting", "intro", *middle, "contact", "restrict", "closing"]
    if rng.random() < 0.3:
        parts.remove("intro")
        parts.insert(parts.index(where) + 1, "intro")
    return [part for part in parts if part not in OPTIONAL or rng.random() < 0.7]


def ad_slots(
    rng: random.Random,
    english: bool,
    place: Commune,
    day: int,
    stay: tuple[int, int],
    habits: tuple[int, int, int, int],
) -> dict[str, Callable[[], str]]:
    """Lazy slots of one ad; `habits` are the author's (30 min price, 1 h price, from, to)."""
    p30, p60, h1, h2 = habits
    return {
        "city": lambda: city_in_text(rng, place),
        "dept": lambda: place.department,
        "postcode": lambda: postcode(rng, place),
        "area": lambda: rng.choice(lexicon_ads.AREAS),
        "dates": lambda: dates_phrase(rng, stay[0], stay[1], day, english),
        "weekday": lambda: weekday(stay[0], english),
        "p30": lambda: str(p30),
        "p60": lambda: str(p60),
        "h1": lambda: str(h1),
        "h2": lambda: str(h2),
        "emoji": lambda: rng.choice(lexicon_ads.EMOJI),
    }


def line(rng: random.Random, style: Style, part: str, phrase: str) -> str:
    """A filled phrase as the author lays it out (tidied, with a bullet emoji if they use them)."""
    phrase = tidy(phrase)
    if style.bullets and phrase and part in _BULLETS:
        return f"{rng.choice(_BULLETS[part])} {phrase}"
    return phrase


def contact_lines(
    rng: random.Random, template: Template, carried: Carried, phone: Phone | None,
    handles: list[tuple[str, str]],
) -> list[str]:  # fmt: skip
    """The contact part: the phone (maybe also as a wa.me link) and handles, as written."""
    style = template.style
    lines = []
    if phone is not None:
        phrase = template.phrase(rng, "contact").format_map(
            Slots({}, phone=carried.phone(rng, phone))
        )
        lines.append(_bullet(rng, style, phrase))
        if phone.country == "FR" and rng.random() < 0.08:
            lines.append(f"whatsapp {carried.whatsapp(rng, phone)}")
    for platform, handle in handles:
        written = carried.handle(rng, platform, handle)
        phrase = template.phrase(rng, "contact_handle").format_map(Slots({}, handle=written))
        lines.append(_bullet(rng, style, phrase))
    return lines


def _bullet(rng: random.Random, style: Style, phrase: str) -> str:
    # not tidied: spaced-out digits are part of how the phone is written
    return f"{rng.choice(_BULLETS['contact'])} {phrase}" if style.bullets else phrase


def title(rng: random.Random, template: Template, slots: Slots) -> str | None:
    """Most ads have a title, usually the author's usual one."""
    if rng.random() < 0.25:
        return None
    phrase = template.phrase(rng, "title") if rng.random() < 0.7 else template.draw(rng, "title")
    return tidy(phrase.format_map(slots))


def crosspost(
    rng: random.Random, publisher: Publisher, draft: Draft, source: str, author: str | None
) -> Draft:
    """The same ad posted the same day on another site (new id, that site's account)."""
    social = draft.post["kind"] not in ("ad", "profile")
    minute = min(draft.minute + rng.randint(1, 40), 23 * 60 + 59)
    post = publisher.frame(rng, source, draft.post["kind"], draft.day, minute, social)
    for key in ("text", "title", "city", "image_phashes"):
        post[key] = draft.post.get(key)
    post["author"] = author
    old_author = (
        f"{draft.post['source']}:{draft.post['author'].lower()}"
        if draft.post.get("author")
        else None
    )
    handles = [h for h in draft.truth["handles"] if h != old_author]
    if author:
        handles.insert(0, f"{source}:{author.lower()}")
    truth = {**draft.truth, "source": source, "id": post["id"], "handles": handles}
    return Draft(draft.day, minute, post, truth)


def with_reposts(rng: random.Random, drafts: list[Draft], rate: float) -> list[Draft]:
    """Add re-publications of some drafts, each right after its original in the list."""
    out = []
    for draft in drafts:
        out.append(draft)
        later = min(rng.randint(1, 12), year_end(draft.day) - draft.day)
        if later > 0 and rng.random() < rate:
            out.append(repost(rng, draft, later))
    return out
