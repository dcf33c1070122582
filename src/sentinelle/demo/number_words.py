"""French number words from 0 to 99, as ads spell phone digit pairs ("zéro six douze ...")."""

from __future__ import annotations

_UNITS = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
)  # fmt: skip
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def french_number(n: int, hyphens_everywhere: bool = False) -> str:
    """0 <= n <= 99 in French words; `hyphens_everywhere` is the 1990 spelling ("vingt-et-un")."""
    if not 0 <= n <= 99:
        raise ValueError(f"french_number covers 0..99, got {n}")
    if n <= 16:
        return _UNITS[n]
    et = "-et-" if hyphens_everywhere else " et "
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        if unit == 0:
            return _TENS[tens]
        return _TENS[tens] + (et + "un" if unit == 1 else "-" + _UNITS[unit])
    if n < 80:
        return "soixante" + (et + "onze" if n == 71 else "-" + french_number(n - 60))
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + french_number(n - 80)


def digit_pair_words(pair: str, hyphens_everywhere: bool = False) -> str:
    """Two digits as an ad writes them: "06" -> "zéro six", "12" -> "douze"."""
    if pair[0] == "0":
        return "zéro " + _UNITS[int(pair[1])]
    return french_number(int(pair), hyphens_everywhere)


def digit_word(digit: str) -> str:
    """One digit as a word."""
    return _UNITS[int(digit)]
