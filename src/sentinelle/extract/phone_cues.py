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

import ahocorasick
import phonenumbers

from sentinelle.text.literals import literal_automaton

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
_LETTER = re.compile(r"[^\W\d_]")
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
_INDICATIF = re.compile(r"(?i:indicatif)\s*(?::\s*)?(?:\+|00)\s?(\d{1,3})(?!\d)")
# How far a cue may stand from the number it names (same line, nothing but a few link words).
_CUE_BEFORE = 30
_CUE_AFTER = 20
# Farthest a near cue's start may stand before a number: the longest cue word plus its reach.
_CUE_REACH_BEFORE = 60 + _CUE_BEFORE
_QUALIFIER_BEFORE = 16  # "numéro roumain": a contact word this far before the country word
_ECHO_REACH = 40  # a flag this far after a word naming its country echoes it
_LIST = re.compile(r"[/|;,•]|(?<![^\W\d_])(?:ou|et|or)(?![^\W\d_])")  # two numbers in a list
_POINTING = re.compile(r"[:=>→➡👉)]")  # "Roumanie : 0721", "(Belgique) 0470"
# What may stand between a number and the cue that names it: punctuation that does not end a
# phrase, contact words and a few link words ("numéro roumain est le 0721...", "0721 (Roumanie)",
# "🇷🇴 📞 0721..."). A sentence end, a line break or any other word means the cue is about
# something else: the poster ("je suis roumaine"), a trip, a language.
_LINK = re.compile(
    r"(?:[\s:,;\-–—()\[\]=>→➡👉*|/]|[☎📞📱📲\U0001f1e6-\U0001f1ff]|\ufe0f"
    r"|(?i:(?<![^\W\d_])(?:c['’]\s?est|est|le|la|au|sur|en|de|du|mon|ma|mes|par|via|ou|et|aussi"
    r"|t[ée]l(?:[ée]phone)?|phone|portable|port|mobile|gsm|num(?:[ée]ro)?s?|n°|whats?app|wtsp|wa"
    r"|telegram|signal|viber|sms|contact|ligne|appel\w*|indicatif)(?![^\W\d_])))*"
)
# A contact word qualifying the country word ("numéro roumain", "whatsapp brésilien", "tel en
# Roumanie"): then the country is the number's, not the poster's.
_QUALIFIER = re.compile(
    r"(?i:(?<![^\W\d_])(?:t[ée]l(?:[ée]phone)?|phone|portable|port|mobile|gsm|num(?:[ée]ro)?s?"
    r"|n°|whats?app|wtsp|telegram|signal|viber|contact|ligne|indicatif)(?![^\W\d_])[\s:(]*"
    r"(?:(?:de|d['’]|du|en|au|la)\s*)?$)"
)


@dataclass(frozen=True, slots=True)
class CountryCue:
    """Where the text names a country, and which regions that means."""

    start: int
    end: int
    regions: tuple[str, ...]
    kind: str  # "flag", "word", "code" or "echo" (a flag after a word naming its country)


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
def _country_words() -> tuple[re.Pattern[str], dict[str, str], ahocorasick.Automaton]:
    """The country words' pattern (on lower-case text), their regions, and an automaton of
    their first five letters with and without accents (a cheap test that most posts name no
    country)."""
    table = {}
    stems = set()
    for region, words in _COUNTRY_WORDS.items():
        for word in words.split():
            table[_fold(word)] = region
            stems.update((word[:5], _fold(word)[:5]))
    pattern = _trie_pattern(sorted(table))
    return re.compile(rf"(?:{pattern})(?![^\W\d_])"), table, literal_automaton(sorted(stems))


def _word_cues(text: str) -> list[CountryCue]:
    words, table, stems = _country_words()
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter that lowers to two ("İ"): keep spans aligned
        lowered = text
    if not _opens_a_word(lowered, stems):
        return []
    cues = []
    for match in words.finditer(lowered):
        start = match.start()
        if start and lowered[start - 1].isalpha():
            continue  # inside a word
        cues.append(CountryCue(*match.span(), (table[_fold(match.group())],), "word"))
    return cues


def _opens_a_word(lowered: str, stems: ahocorasick.Automaton) -> bool:
    """Whether a word of four letters or more starts with one of `stems` (its first five
    letters, or all four): one automaton pass instead of listing every word."""
    for end, length in stems.iter(lowered):
        start = end - length + 1
        if start and _LETTER.match(lowered, start - 1):
            continue  # inside a word
        if length >= 5 or (length == 4 and not _LETTER.match(lowered, end + 1)):
            return True  # five letters opening a word, or a whole word of four
    return False


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
    words = _word_cues(text)
    if words and cues:
        cues = [_echo(text, cue, words) for cue in cues]
    cues.extend(words)
    if "ndicatif" in text:
        for match in _INDICATIF.finditer(text):
            regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(match.group(1)), ())
            regions = tuple(region for region in regions if region != "001")
            if regions and "FR" not in regions:
                cues.append(CountryCue(*match.span(), regions, "code"))
    cues.sort(key=lambda cue: cue.start)
    return cues


def _echo(text: str, flag: CountryCue, words: list[CountryCue]) -> CountryCue:
    """A flag right after a word naming its country ("Je suis roumaine 🇷🇴", "Roumaine, nouvelle
    ici. 🇷🇴") repeats what the word says: it is near a number only as the word would be."""
    for word in words:
        close = word.regions == flag.regions and 0 <= flag.start - word.end <= _ECHO_REACH
        if close and "\n" not in text[word.end : flag.start]:
            return CountryCue(flag.start, flag.end, flag.regions, "echo")
    return flag


def regions_at(text: str, cues: list[CountryCue], start: int, end: int) -> tuple[str, ...]:
    """The regions the text names right at the number written at text[start:end]: a flag or
    a country word touching it or qualifying it, in the same phrase ("numéro roumain 0721...",
    "🇧🇪 0470...", "0721... (Roumanie)"); never a country said of the poster elsewhere."""
    near: list[str] = []
    # Only cues around the number can be near (cues are in text order); a long text with many
    # country words and digit runs would otherwise test every cue against every number.
    lowest = start - _CUE_REACH_BEFORE
    first = bisect_left(cues, lowest, key=lambda cue: cue.start)
    for cue in cues[first:]:
        if cue.start > end + _CUE_AFTER:
            break
        if _near(text, cue, start, end):
            near.extend(region for region in cue.regions if region not in near)
    return tuple(near)


def named_regions(cues: list[CountryCue]) -> tuple[str, ...]:
    """Every region the text names, in order of first mention."""
    return tuple(dict.fromkeys(chain.from_iterable(cue.regions for cue in cues)))


def _near(text: str, cue: CountryCue, start: int, end: int) -> bool:
    if cue.end <= start:
        if start - cue.end > _CUE_BEFORE:
            return False
        if not _linked(text, cue.end, start):
            return False
        if cue.kind == "echo":
            return False  # the word it echoes decides
        if cue.kind != "word" or _POINTING.search(text, cue.end, start):
            return True  # a flag, a code, "belge : 0470", "(Roumanie) 0721"
        before = text[max(0, cue.start - _QUALIFIER_BEFORE) : cue.start]
        return bool(_QUALIFIER.search(before))
    if cue.start >= end and cue.kind != "echo":
        if cue.start - end > _CUE_AFTER or not _linked(text, end, cue.start):
            return False
        if "\n" in text[end : cue.start]:
            # A cue opening the next line is about that line ("07 12 34 56 78\n🇷🇴 0721 234
            # 567", "\n🇷🇴 Roumaine"); alone on it, it can only be the number's.
            rest = text[cue.end :].partition("\n")[0]
            return not any(char.isalnum() for char in rest)
        # "06 12 34 56 78 / 🇷🇴 0721 234 567": after a list mark, a cue written right before
        # the next number is that number's ("0470 12 34 56 🇧🇪 150€" is not a list)
        if not _LIST.search(text, end, cue.start) or text[cue.end : cue.end + 1] == ")":
            return True
        onward = _LINK.match(text, cue.end)
        following = text[onward.end() : onward.end() + 1] if onward else ""
        return not (following.isdigit() or following == "+")
    return False


def _linked(text: str, start: int, end: int) -> bool:
    """Only punctuation within a phrase, contact words and link words in text[start:end]."""
    return _LINK.fullmatch(text, start, end) is not None


def contact_own(text: str, start: int, end: int) -> bool:
    """A contact word before text[start:end] with no other digits between, or right after."""
    before = text[max(0, start - _CONTACT_BEFORE) : start]
    digit = max((i for i, char in enumerate(before) if char.isdigit()), default=-1)
    after = text[end : end + _CONTACT_AFTER]
    cut = next((i for i, char in enumerate(after) if char.isdigit()), len(after))
    return bool(_CONTACT.search(before[digit + 1 :]) or _CONTACT.search(after[:cut]))


def contact_near(text: str, start: int, end: int) -> bool:
    """A contact word or emoji right before or after text[start:end] ("tel", "📞", "sms")."""
    before = text[max(0, start - _CONTACT_BEFORE) : start]
    return bool(_CONTACT.search(before) or _CONTACT.search(text, end, end + _CONTACT_AFTER))
