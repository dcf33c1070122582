# ruff: noqa: E501  (one knob a line)
"""The stress profile's knobs: each hard phenomenon as a share, settable to 0 to remove it."""

from __future__ import annotations

# name -> (default, what it is a share of, what it tests)
KNOBS: dict[str, tuple[float, str]] = {
    "shared_templates": (0.017, "share of posts that are copy-pasted recruitment texts posted by many small unrelated groups"),
    "edited_templates": (0.5, "share of posters who reuse their own ad with small edits"),
    "heavy_edits": (0.6, "share of posters editing their own template who edit it hard in every post: synonyms swapped, a sentence dropped or added, sentences reordered, typos, another name, city or price"),
    "text_only_groups": (0.15, "share of group ads from groups that give no identifier at all"),
    "phone_rotation": (0.3, "share of groups that switch phone numbers over time"),
    "foreign_numbers": (0.12, "share of phones that are foreign (RO, BG, NG, BR, BE, ES, CN)"),
    "unallocated_numbers": (0.08, "share of phones that are French but outside today's plan"),
    "number_distractors": (0.3, "share of posts with prices, dates, postcodes, SIRET-like strings near the contact"),
    "independents_copying": (0.05, "share of independents who copy a popular ad's text"),
    "contactless_copies": (0.1, "share of independents who give no contact at all and copy one of a few common ad boilerplates (with their own name, city, hours, price and photos)"),
    "benign_boilerplate": (0.2, "share of posts that are benign ads sharing boilerplate (rooms, jobs, babysitting, tutoring)"),
    "contactless_benign": (0.06, "share of posts that are benign offers without contacts (room, job, babysitting, tutoring, housework, pet sitting), each of a dozen shared templates filled by many unrelated posters with their own name, town, price, date, rooms and hours, re-posted a few times with small edits"),
    "stated_minor_ages": (0.25, "share of offered persons who are minors stating an age or school level"),
    "pupil_lookalikes": (0.25, "share of benign look-alike posters who are pupils stating a school level in a tutoring, babysitting, pet-sitting or small-job ad (élève de 3e, je donne des cours de maths)"),
    "ages_of_others": (0.5, "share of benign look-alikes stating their children's or a sibling's ages (up to 17), and of independents stating the clients' age they accept"),
    "explicit_control": (0.4, "share of group ads saying who manages them (and independents saying they manage alone)"),
    "mention_only_recruitment": (0.5, "share of groups' recruitment offers (shared_templates) naming the group's handle only as a bare mention: @name, name sur insta, name (snap)"),
    "popular_mentions": (0.1, "share of benign ads naming a popular local venue's account in passing (plus d'infos chez @cafe_lecture42), the venue posting under that account itself"),
    "venue_tags": (0.06, "share of posts (drawn apart) that tag venues each tagged by 30-120 unrelated benign posts in words without credit or contact cues (Tenue signée @x, Big up @x), or come from small groups whose only contact is their bare @name (… 150€. @lea_x92)"),
    "recruitment_social": (0.03, "share of posts that are recruiters' offers on social sources"),
    "english_ages": (0.2, "share of age phrases written in English (I'm 16, im 16, 16 y/o, age: 16, 16 years old)"),
    "name_age_openers": (0.15, "share of ads whose title or first line is the name and the bare age (Léa, 16 - Lyon)"),
    "age_lookalikes": (0.15, "share of ads with a number beside a name or an age word that is no age (Léa, 16 rue..., dès 16h, 16 photos, 30 ans minimum)"),
    "country_hints": (0.15, "share of posters with French numbers who state their nationality away from the number (Je suis roumaine., a flag)"),
    "mixed_numbers": (0.05, "share of posters giving a foreign number, hint next to it (numéro roumain 0721 234 567), beside their French one"),
    "glyph_forms": (0.1, "share of ages written in keycap emoji (1️⃣6️⃣ ans), of French numbers opened by a glued word (zero6 12 ...), and of ads with a spaced date and year (du 01 12 2026)"),
    "emerging_term": (0.3, "share of flagged posts using an invented term, from the middle of the period on"),
}  # fmt: skip


def parse_knobs(pairs: tuple[str, ...] | list[str]) -> dict[str, float]:
    """`["name=value", ...]` over the defaults; a clear error names a bad pair."""
    knobs = {name: default for name, (default, _) in KNOBS.items()}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or name not in KNOBS:
            known = ", ".join(KNOBS)
            raise ValueError(f"knob {pair!r}: expected NAME=VALUE with NAME one of {known}")
        try:
            share = float(value)
        except ValueError:
            raise ValueError(f"knob {pair!r}: {value!r} is not a number") from None
        if not 0.0 <= share <= 1.0:
            raise ValueError(f"knob {pair!r}: a share in [0, 1] is expected")
        knobs[name] = share
    if knobs["foreign_numbers"] + knobs["unallocated_numbers"] > 1.0:
        raise ValueError("knobs foreign_numbers + unallocated_numbers exceed 1")
    fixed = ("shared_templates", "benign_boilerplate", "recruitment_social", "contactless_benign")
    if sum(knobs[name] for name in fixed) > 0.6:
        raise ValueError(f"knobs {', '.join(fixed)} together exceed 0.6 of the posts")
    return knobs


def knobs_help() -> str:
    return "\n".join(f"{name} (default {d}): {what}" for name, (d, what) in KNOBS.items())
