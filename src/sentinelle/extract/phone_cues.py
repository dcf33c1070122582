"""What the text says around a number: that it is a contact, and which country it belongs to.

A number outside today's French plan, or a French special number (08...), is taken only in a
contact context. A foreign number written nationally ("0721 234 567") is read as that country's
only when the text names the country: a flag emoji (🇷🇴), a word ("numéro roumain", "num
belge", "Roumanie") or a dialling code ("indicatif +40").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import chain

import phonenumbers

# Words that say "this is how to reach me", and the emoji that do.
_CONTACT = re.compile(
    r"(?i:(?<![^\W\d_])(?:t[ée]l(?:[ée]phone)?|phone|portable|port|mobile|gsm|cell|num(?:[ée]ro)?s?"
    r"|n°|appel\w*|app?ell?e\w*|sms|texto|whats?app|wh?ats?ap+|wtsp|wa|telegram|signal|viber"
    r"|contact\w*|joind\w*|joignable|call|text|indicatif|ligne)(?![^\W\d_])|[☎📞📱📲])"
)
_CONTACT_BEFORE = 40
_CONTACT_AFTER = 25

# French names of the countries whose people post in France, and their adjectives; accents are
# optional. A word that is also a common first name ("Philippine") is left out.
_COUNTRY_WORDS = {
    "RO": "roumain roumaine roumains roumaines roumanie",
    "BG": "bulgare bulgares bulgarie",
    "NG": "nigérian nigériane nigérians nigérianes nigeria nigéria",
    "BR": "brésilien brésilienne brésiliens brésiliennes brésil",
    "BE": "belge belges belgique",
    "ES": "espagnol espagnole espagnols espagnoles espagne",
    "CN": "chinois chinoise chinoises chine",
    "CH": "suisse suisses",
    "IT": "italien italienne italiens italiennes italie",
    "DE": "allemand allemande allemands allemandes allemagne",
    "PT": "portugais portugaise portugaises portugal",
    "MA": "marocain marocaine marocains marocaines maroc",
    "DZ": "algérien algérienne algériens algériennes algérie",
    "TN": "tunisien tunisienne tunisiens tunisiennes tunisie",
    "CI": "ivoirien ivoirienne ivoiriens ivoiriennes",
    "SN": "sénégalais sénégalaise sénégalaises sénégal",
    "CM": "camerounais camerounaise camerounaises cameroun",
    "CD": "congolais congolaise congolaises",
    "UA": "ukrainien ukrainienne ukrainiens ukrainiennes ukraine",
    "RU": "russe russes russie",
    "PL": "polonais polonaise polonaises pologne",
    "MD": "moldave moldaves moldavie",
    "AL": "albanais albanaise albanaises albanie",
    "HU": "hongrois hongroise hongroises hongrie",
    "RS": "serbe serbes serbie",
    "GB": "anglais anglaise anglaises angleterre britannique britanniques",
    "NL": "néerlandais néerlandaise hollandais hollandaise",
    "LU": "luxembourgeois luxembourgeoise",
    "CO": "colombien colombienne colombiens colombiennes colombie",
    "VE": "vénézuélien vénézuélienne venezuela",
    "DO": "dominicain dominicaine dominicains dominicaines",
    "TH": "thaïlandais thaïlandaise thaïlandaises thaïlande",
    "VN": "vietnamien vietnamienne vietnamiens vietnamiennes vietnam",
    "GH": "ghanéen ghanéenne ghana",
    "US": "américain américaine américains américaines",
    "TR": "turc turque turcs turques turquie",
    "GR": "grec grecque grecs grecques grèce",
}
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_INDICATIF = re.compile(r"(?i:indicatif)\s*(?::\s*)?(?:\+|00)\s?(\d{1,3})(?!\d)")
_WORD_BEFORE = 30  # a country word this far before the number, with a contact word
_WORD_TOUCHING = 3  # or right before it
_WORD_AFTER = 20  # or right after it ("0721 234 567 (roumain)")
_FLAG_BEFORE = 20
_NUMBER_LENGTH = 20
_FLAG_AFTER = 12
# Farthest a near cue's start may stand before a number: the longest cue word plus its reach.
_CUE_REACH_BEFORE = 60 + max(_WORD_BEFORE, _FLAG_BEFORE)


@dataclass(frozen=True, slots=True)
class CountryCue:
    """Where the text names a country, and which regions that means."""

    start: int
    end: int
    regions: tuple[str, ...]
    kind: str  # "flag", "word" or "code"


@dataclass(frozen=True, slots=True)
class Regions:
    """The countries a number's national form may belong to, by how sure the text is.

    `near`: named right at the number; read there before France. `far`: named elsewhere in the
    post; read only when the number is not an allocated French one.
    """

    near: tuple[str, ...] = ()
    far: tuple[str, ...] = ()


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation per shared prefix, so the engine fails fast between words."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        ends = "" in node
        branches = [_char_class(char) + render(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return render(trie)


def _char_class(char: str) -> str:
    accented = {"e": "eéèëê", "i": "iïî", "a": "aàâ", "o": "oô", "u": "uùû", "c": "cç"}
    return f"[{accented[char]}]" if char in accented else re.escape(char)


@cache
def _country_words() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """The country words' pattern (on lower-case text), their regions, and their first five
    letters with and without accents (a cheap test that most posts name no country)."""
    table = {}
    stems = set()
    for region, words in _COUNTRY_WORDS.items():
        for word in words.split():
            table[_fold(word)] = region
            stems.update((word[:5], _fold(word)[:5]))
    pattern = _trie_pattern(sorted(table))
    return re.compile(rf"(?:{pattern})(?![^\W\d_])"), table, frozenset(stems)


def _word_cues(text: str) -> list[CountryCue]:
    words, table, stems = _country_words()
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter that lowers to two ("İ"): keep spans aligned
        lowered = text
    if stems.isdisjoint(word[:5] for word in _LONG_WORD.findall(lowered)):
        return []
    cues = []
    for match in words.finditer(lowered):
        start = match.start()
        if start and lowered[start - 1].isalpha():
            continue  # inside a word
        cues.append(CountryCue(*match.span(), (table[_fold(match.group())],), "word"))
    return cues


@cache
def _known_regions() -> frozenset[str]:
    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def country_cues(text: str) -> list[CountryCue]:
    """Every place the text names a country a phone number may belong to, in order."""
    cues = []
    for match in _FLAG.finditer(text):
        region = "".join(chr(ord(char) - 0x1F1E6 + ord("A")) for char in match.group())
        if region in _known_regions() and region != "FR":
            cues.append(CountryCue(*match.span(), (region,), "flag"))
    cues.extend(_word_cues(text))
    if "ndicatif" in text:
        for match in _INDICATIF.finditer(text):
            regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(match.group(1)), ())
            regions = tuple(region for region in regions if region != "001")
            if regions and "FR" not in regions:
                cues.append(CountryCue(*match.span(), regions, "code"))
    cues.sort(key=lambda cue: cue.start)
    return cues


def regions_at(text: str, cues: list[CountryCue], start: int, end: int) -> Regions:
    """The regions the text names for a number written at text[start:end]."""
    near: list[str] = []
    # Only cues around the number can be near (cues are in text order); a long text with many
    # country words and digit runs would otherwise test every cue against every number.
    lowest = start - _CUE_REACH_BEFORE
    highest = start + _NUMBER_LENGTH + max(_WORD_AFTER, _FLAG_AFTER)
    first = bisect_left(cues, lowest, key=lambda cue: cue.start)
    for cue in cues[first:]:
        if cue.start > highest:
            break
        if _near(text, cue, start, end):
            near.extend(region for region in cue.regions if region not in near)
    named = dict.fromkeys(chain.from_iterable(cue.regions for cue in cues))
    return Regions(tuple(near), tuple(region for region in named if region not in near))


def _near(text: str, cue: CountryCue, start: int, end: int) -> bool:
    if cue.end <= start:
        distance = start - cue.end
        if cue.kind == "word":
            # "numéro roumain : 07..", "tel (Roumanie) 07..": a contact word says it is the number
            if distance <= _WORD_TOUCHING:  # "belge : 0470 ..."
                return True
            if distance > _WORD_BEFORE:  # before slicing: a far cue would copy the whole text
                return False
            return bool(_CONTACT.search(text[max(0, cue.start - 20) : start]))
        return distance <= (_FLAG_BEFORE if cue.kind == "flag" else _WORD_BEFORE)
    if cue.start > start:
        # the number's end is not known yet: measure from its start, numbers take ~20 chars
        reach = _FLAG_AFTER if cue.kind == "flag" else _WORD_AFTER
        return cue.start - start <= _NUMBER_LENGTH + reach
    return False


def contact_near(text: str, start: int, end: int) -> bool:
    """A contact word or emoji right before or after text[start:end] ("tel", "📞", "sms")."""
    before = text[max(0, start - _CONTACT_BEFORE) : start]
    return bool(_CONTACT.search(before) or _CONTACT.search(text, end, end + _CONTACT_AFTER))
