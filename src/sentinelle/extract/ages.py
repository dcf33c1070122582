"""Ages the text states ("16 ans", "16yo", "16 y/o", "16 yrs", "16 piges", "16 años", "16 ani",
"âge : 16", "âgée de 16", "jeune de 16", "j'ai 16", "I'm 16", "I'm sixteen", "bientôt 17",
"Léa, 16", "Léa, 16 - Lyon", "seize ans", "née en 2008", "née le 3 mars 2008").

A stated age is strong evidence for the minor indicator, so durations ("depuis 2 ans"),
experience ("10 ans d'expérience") and thresholds ("18 ans et plus") are left out.
A birth year gives the age reached in the year of posting: `age = year(posted_at) - birth year`
(the birthday may not have passed yet; we keep the simple, stated reading).

Patterns run on the lower-cased text and start with a digit or a literal, which keeps the
regex engine fast on the letters in between.
"""

from __future__ import annotations

import re

from sentinelle.extract.numberwords import NUMBER_WORD_STRICT, number_word_digits
from sentinelle.records import StatedAge

_MIN_AGE = 1  # children's ages in babysitting ads are stated ages too
_MAX_AGE = 79

# "16a" only with two digits: "le 2A" is Corse-du-Sud. A comma before the number is a decimal
# ("1,16 an") only when a digit stands before it: "Léa,16a" is an age.
_WITH_UNIT = re.compile(
    r"\d(?<![\d/:+]\d)(?<!\d[.,]\d)"
    r"(?:\d?[\s-]?(?:ans|an|yo|y\.o\.?|y\s?/\s?o|years?\s+old|yrs?(?:\s+old|(?=\s?[,;!)]|\s?$))"
    r"|piges?|printemps|balais"
    r"|berges|a[ñn]os|ani)"
    r"|\da)\b"
)
# "19 et 20 ans", "19, 20 & 22 ans": several people, one unit ("le 26, 31 ans" is not)
_SEVERAL = re.compile(
    r"\d(?<![\d.,/:+]\d)\d?(?:\s*,\s*\d{1,2})*\s*(?:et|&|and)\s*\d{1,2}\s?(?:ans|yo|years\s+old)\b"
)
_NUMBER = re.compile(r"\d+")
_DURATION_BEFORE = re.compile(
    r"\b(?:depuis|pendant|durant|il\s+y\s+a|[çc]a\s+fait|plus\s+de|moins\s+de|apr[eè]s|dans|en"
    r"|tou(?:te)?s\s+les|for|since|over|in|last|past|every|than)\s*$"
)
_NOT_AGE_AFTER = re.compile(
    r"\s*(?:d['’ ]\s*(?:exp|anc|[ée]tude|activit|mariage)|de\s+(?:m[ée]tier|carri|pratique|exp)"
    r"|r[ée]volus|et\s+plus|[ \t]?\+(?!\s*\d)|et\s+\d+\s+mois|minimum|min\b"
    r"|ago\b|(?:of\s+)?exp|and\s+(?:up|over|more)|or\s+(?:more|older))"
)
# what may follow a bare number that is not an age: a price, an hour, a weight, a date, a street
_NOT_AGE_UNIT = (
    r"(?![.,]\d)(?!\s?(?:€|e\b|[eè]me|er\b|eur|h\b|h\d|heures?|min|mn\b|kg|cm|km|m\b|m2|m²|%|/|:"
    r"|rue|bis\b|ter\b|places?\b|pers|jours?\b|mois\b|semaines?\b|fois\b|x\b|ans\s+d"
    r"|av\b|av\.|avenue|bd\b|boulevard|chemin|impasse|all[ée]e|quai|route|square|cours\b"
    r"|photos?\b|pics?\b|vid[ée]os?\b|roses?\b|euros?\b|balles\b|clients?\b|minutes?\b"
    r"|hours?\b|hrs?\b|miles?\b|kms?\b|dollars?\b|chf\b"
    r"|(?:à|a|-|au)\s*\d))"
)
_AGE_WORD = re.compile(r"[âa]ged?\s*[:=]?\s*(\d{1,2})\b(?!\s?(?:€|h\b|min\b|kg|cm|%))")
# "I'm 16", "im 16", "I am only 16", "i’m 16 y/o": English, common in ads written in French
_I_AM_EN = re.compile(
    r"(?<![^\W\d_])(?:i\s?['’]?\s?m|i\s+am)\s+(?:only\s+|just\s+|juste\s+)?(\d{1,2})\b"
    # "I'm 5 min away", "I'm 20 km from": after "I'm" only a unit says it is no age
    r"(?![.,]\d)(?!\s?(?:€|\$|e\b|h\b|h\d|heures?|hours?|hrs?|min|mn\b|kg|cm|kms?|miles?|m\b|%|/|:"
    r"|euros?\b|dollars?\b))" + r"(?:\s?(?:y\s?/\s?o|yo|y\.o\.?|years?\s+old|ans)\b)?"
)
# "I'm sixteen", "sixteen years old": English ages in words, from 13
_TEENS = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TEEN_WORD = "|".join(_TEENS)
_TEEN_EN = re.compile(
    rf"(?:\b(?:i\s?['’]?\s?m|i\s+am|aged?)\s+(?:only\s+|just\s+)?({_TEEN_WORD})\b"
    r"(?!\s?(?:minutes?|mins?|miles?|kms?|blocks?|hours?|hrs?|years?\s+(?:in|of|doing)))"
    rf"|\b({_TEEN_WORD})\s+(?:years?\s+old|y\.?o\b|yrs?\b))"
)
# "âgée de 16", "jeune de 16": a person "of" a number, no unit needed
_PERSON_OF = re.compile(
    r"\b(?:[âa]g[ée]e?s?|jeune|meuf|nana|ado)\s+de\s+(\d{1,2})\b" + _NOT_AGE_UNIT
)
# "bientôt 17": the age about to be reached
_SOON = re.compile(r"\bbient[ôo]t\s+(\d{1,2})\b" + _NOT_AGE_UNIT)
# "Léa, 16" / "Léa (16)" / "Léa - 16 - Lyon" / "Léa | 16": a capitalised word, then a bare
# two-digit number standing alone.
# Read on the original casing; places ("Lyon (69)") and calendar words are left out below.
_NAME_AGE = re.compile(
    r"(?<![^\W\d_])(?<![-'’])([A-ZÀ-Ý][a-zà-ÿ]{1,15})(?:\s?(?:,\s?|\(\s?)|(?P<bar>\s[-–—|•·]\s))"
    r"([1-5]\d)\b"
    r"(?!\s?\)\s?\d)"  # "Contact (21) 93344-4421": an area code
    + _NOT_AGE_UNIT
    + r"(?=\s?(?:[,.;!)]|$|\s[^\W\d_]|\s[-–—|•·](?:\s|$)))"
)
_CALENDAR = frozenset((
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février",
    "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre",
    "novembre", "décembre", "decembre", "le", "la", "les", "du", "au", "rue", "tel", "tél",
    "tarif", "tarifs", "prix", "chambre", "studio", "appart", "appartement", "salle", "porte",
    "étage", "etage", "contact", "whatsapp", "numéro", "numero", "appel", "sms",
))  # fmt: skip
# "seize ans", "dix-sept ans": written ages from 12 (younger is a child someone mentions)
_WRITTEN = re.compile(rf"({NUMBER_WORD_STRICT})\s+(?:ans|an)\b")
_I_AM = re.compile(
    r"j['’]\s*ai\s+(\d{1,2})\b(?!\s?(?:€|h\b|min|kg|cm|%|euros|roses|enfants?|ans\s+d))"
    r"(?:\s?ans\b)?"
)
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
_BIRTH_BEFORE = re.compile(r"(?:\bn[ée]e?\s+(?:en\s+)?|ann[ée]e\s+(?:de\s+)?|\bde\s+|\bd['’]\s*)$")
# "née le 12/03/2010", "née le 3 mars 2010", "ddn : 12.03.2010", "born in 2010": a birth date
_BIRTH_DATE_BEFORE = re.compile(
    r"(?:\bn[ée]e?\s+le|\bddn|\bdate\s+de\s+naissance|\bi\s+was\s+born(?:\s+(?:on|in))?|\bbirthday)"
    r"\s*:?\s*"
    r"(?:\d{1,2}(?:er)?\s*[/.-]\s*\d{1,2}\s*[/.-]\s*|\d{1,2}(?:er)?\s+[a-zéû]{3,9}\.?\s+)?$"
)
_RANGE_AFTER = re.compile(r"\s*(?:à|a|-|au)\s*\d")
# "de 25 à 60 ans", "entre 30 et 60 ans", "25-60 ans": a range of ages is the clients' (or a
# group's: "de 16 à 18 ans"), never one person's: an adult range states no age, a range from
# under 18 states its lower bound
_AGE_RANGE = re.compile(
    r"(?P<entre>\bentre\s+)?(?:\bde\s+)?(?<![\d.,/:+])(\d{1,2})\s*(?:ans\s*)?"
    r"(?:(?<=\d)\s*[-–]|\s(?:à|a|au)|\s(?P<et>et))\s*(\d{1,2})\s?(?:ans|yo)\b"
)
# Cheap tests that a slow pattern cannot match, each a part every match of it holds: a pattern
# that opens with alternatives or a look-behind is tried at every character, these are not.
# A range's second number and its unit (`_AGE_RANGE`)
_RANGE_HINT = re.compile(r"\d\s*(?:ans\s*)?(?:\s*[-–]|\s(?:à|a|au|et))\s*\d{1,2}\s?(?:ans|yo)\b")
# a unit word after spaces (`_WRITTEN`; the word before it is checked apart)
_UNIT_WORD = re.compile(r"\s(?:ans|an)\b")
# "Léa, 16", "Léa (16)" (`_NAME_AGE`)
_NAME_AGE_HINT = re.compile(r"(?:[,(]\s?|\s[-–—|•·]\s)[1-5]\d")
# "de 16" (`_PERSON_OF`), "m 16", "am only 16" (`_I_AM_EN`)
_OF_NUMBER = re.compile(r"\sde\s+\d")
_AM_NUMBER = re.compile(r"m\s+(?:only\s+|just\s+|juste\s+)?\d")


def find_ages(text: str, year: int | None) -> list[StatedAge]:
    """Ages stated in the text, in order, deduplicated by value, with their evidence."""
    if _KEYCAP in text:
        return _keycap_ages(text, year)
    lowered = text.lower()
    if len(lowered) != len(text):  # rare casings change length; offsets must stay aligned
        lowered = text
    found = _written(lowered)
    if "teen" in lowered:
        found += _teens(lowered)
    if any(char.isdigit() for char in text):
        found += _with_unit(lowered) + _several(lowered) + _said(lowered) + _born(lowered, year)
        known = {age for _, age, _ in found}  # "Léa, 19 et 20 ans" is read by its unit
        found += [item for item in _named(text) if item[1] not in known]
        if "ans" in lowered or "yo" in lowered:
            found = _ranges(lowered, found)
    found.sort(key=lambda item: item[0])  # stable: "19 et 20 ans" keeps its order
    ages: dict[int, StatedAge] = {}
    for start, age, end in found:
        if _MIN_AGE <= age <= _MAX_AGE and age not in ages:
            ages[age] = StatedAge(age, text[start:end].strip())
    return list(ages.values())


# "1️⃣6️⃣ ans": a digit wearing a keycap (U+20E3, often after the emoji selector U+FE0F)
_KEYCAP = "\u20e3"
_KEYCAP_MARKS = re.compile("\ufe0f?\u20e3")


def _keycap_ages(text: str, year: int | None) -> list[StatedAge]:
    """Ages read with the keycap marks taken out; the evidence is the text as written."""
    kept = []  # where each character of the plain text stands in `text`
    last = 0
    for match in _KEYCAP_MARKS.finditer(text):
        kept.extend(range(last, match.start()))
        last = match.end()
    kept.extend(range(last, len(text)))
    plain = "".join(text[index] for index in kept)
    ages = []
    for found in find_ages(plain, year):
        start = plain.find(found.evidence)  # the evidence is a slice of `plain`
        stop = kept[start + len(found.evidence) - 1] + 1
        mark = _KEYCAP_MARKS.match(text, stop)  # the last digit's own keycap
        ages.append(StatedAge(found.age, text[kept[start] : mark.end() if mark else stop]))
    return ages


def _ranges(lowered: str, found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """`found` without the ages read inside a range of ages, plus a minor range's lower bound."""
    if not _RANGE_HINT.search(lowered):
        return found
    spans = []
    for match in _AGE_RANGE.finditer(lowered):
        low, high = int(match.group(2)), int(match.group(4))
        if low >= high or (match.group("et") and not match.group("entre")):
            continue  # "19 et 20 ans" is two people (read by _several)
        spans.append(match.span())
        if low < 18 and not _NOT_AGE_AFTER.match(lowered, match.end()):  # "2-3 ans d'exp"
            found.append((match.start(), low, match.end()))
    if not spans:
        return found
    inside = lambda start: any(a <= start < b for a, b in spans)  # noqa: E731
    return [item for item in found if not inside(item[0]) or item[1] < 18]


def _with_unit(lowered: str) -> list[tuple[int, int, int]]:
    found = []
    for match in _WITH_UNIT.finditer(lowered):
        start, end = match.span()
        if _NOT_AGE_AFTER.match(lowered, end):
            continue
        if _DURATION_BEFORE.search(lowered, max(0, start - 16), start):
            continue
        digits = match.group()[:2] if match.group()[1:2].isdigit() else match.group()[:1]
        found.append((start, int(digits), end))
    return found


def _several(lowered: str) -> list[tuple[int, int, int]]:
    """ "19 et 20 ans": each number is an age, the whole phrase the evidence."""
    found = []
    if " et " in lowered or "&" in lowered:
        for match in _SEVERAL.finditer(lowered):
            for number in _NUMBER.findall(match.group()):
                found.append((match.start(), int(number), match.end()))
    return found


def _said(lowered: str) -> list[tuple[int, int, int]]:
    """ "âge : 16", "j'ai 16 ans", "I'm 16"."""
    found = []
    if "ge" in lowered:
        for match in _AGE_WORD.finditer(lowered):
            if not lowered[max(0, match.start() - 1) : match.start()].isalpha():
                found.append((match.start(), int(match.group(1)), match.end()))
    if "ai" in lowered:
        for match in _I_AM.finditer(lowered):
            found.append((match.start(), int(match.group(1)), match.end()))
    if " de " in lowered and _OF_NUMBER.search(lowered):
        for match in _PERSON_OF.finditer(lowered):
            found.append((match.start(), int(match.group(1)), match.end()))
    if "m " in lowered and _AM_NUMBER.search(lowered):
        for match in _I_AM_EN.finditer(lowered):
            if not _NOT_AGE_AFTER.match(lowered, match.end(1)):
                found.append((match.start(), int(match.group(1)), match.end()))
    if "bient" in lowered:
        for match in _SOON.finditer(lowered):
            found.append((match.start(), int(match.group(1)), match.end()))
    return found


def _named(text: str) -> list[tuple[int, int, int]]:
    """ "Léa, 16", "Léa (16)": not after a place ("Lyon (69)" is a department) or a date."""
    found = []
    if not _NAME_AGE_HINT.search(text):
        return found
    from sentinelle.link.personas import is_first_name  # linking's list, loaded on first use

    for match in _NAME_AGE.finditer(text):
        word = match.group(1)
        if word.lower() in _CALENDAR or _is_place(word):
            continue
        before = text[max(0, match.start() - 30) : match.start()].split()[-2:]
        if any(_is_place(" ".join([*before[i:], word])) for i in range(len(before))):
            continue  # "Saint Etienne (42)", "Aix en Provence (13)"
        if match.group("bar") and not is_first_name(word):
            continue  # "Promo - 15", "Dispo - 16, 17 et 18 juin": only a first name
        found.append((match.start(), int(match.group(3)), match.end()))
    return found


def _is_place(word: str) -> bool:
    """A town of some size is known by this word (a small commune named like a first name is
    not a reason to miss an age)."""
    from sentinelle.places.gazetteer import gazetteer
    from sentinelle.places.matchform import name_key

    communes = gazetteer().by_key.get(name_key(word), [])
    return any(commune.population >= 2000 or commune.prefecture for commune in communes)


def _written(lowered: str) -> list[tuple[int, int, int]]:
    """ "seize ans", "dix-sept ans", "vingt-deux ans" (durations and experience left out)."""
    found = []
    if " an" not in lowered or not _word_then_unit(lowered):
        return found
    for match in _WRITTEN.finditer(lowered):
        start, end = match.span()
        age = int(number_word_digits(match.group(1)))
        if age < 12 or _NOT_AGE_AFTER.match(lowered, end):
            continue
        if _DURATION_BEFORE.search(lowered, max(0, start - 16), start):
            continue
        found.append((start, age, end))
    return found


def _teens(lowered: str) -> list[tuple[int, int, int]]:
    """ "I'm sixteen", "fifteen years old"."""
    return [
        (match.start(), 13 + _TEENS.index(match.group(1) or match.group(2)), match.end())
        for match in _TEEN_EN.finditer(lowered)
    ]


def _word_then_unit(lowered: str) -> bool:
    """Whether a letter, spaces, then "an"/"ans" stand in the text: every written age ends so."""
    for match in _UNIT_WORD.finditer(lowered):
        at = match.start()
        while at and lowered[at - 1].isspace():  # str.isspace is the regex's \s
            at -= 1
        if at and lowered[at - 1].isalpha():
            return True
    return False


def _born(lowered: str, year: int | None) -> list[tuple[int, int, int]]:
    """ "née en 2008", "de 2008", "née le 3 mars 2008": the age reached in the year of
    posting."""
    if year is None:
        return []
    found = []
    for match in _YEAR.finditer(lowered):
        start = match.start()
        before = _BIRTH_BEFORE.search(lowered, max(0, start - 12), start)
        if before is None:
            before = _BIRTH_DATE_BEFORE.search(lowered, max(0, start - 40), start)
            if before is None:
                continue
        if before.group().startswith("d") and _RANGE_AFTER.match(lowered, match.end()):
            continue  # "de 2008 à 2010" is a period
        found.append((before.start(), year - int(match.group()), match.end()))
    return found


def posting_year(posted_at: str) -> int | None:
    """The year of an ISO 8601 timestamp ("2024-03-13T01:00:00+01:00" -> 2024)."""
    head = posted_at[:4]
    return int(head) if head.isdigit() else None
