"""Which digit strings are phone numbers, their E.164 form and their kind.

Kinds: "mobile" and "fixed" (the plan's ordinary lines), "other" (in the plan: VoIP, personal,
premium...) and "unallocated" (a well-formed French number outside today's plan: reserved for
fiction, not yet opened). A number written in a contact context is an identifier whether or not
the plan allocates it; `in_plan` says which.

The numbering plans come from `phonenumbers` metadata. For the regions posters use most we match
its mobile and fixed-line patterns directly because `phonenumbers.parse` costs ~40-70 µs a call,
which alone would blow the extraction budget; every other country is asked of `phonenumbers`
(after "+" or "00", or when the text names the country), which is rare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import phonenumbers

# France first: a national number ("06...") is read as French before Belgian or Swiss.
REGIONS = ("FR", "BE", "CH", "ES", "IT", "DE", "LU")
# Regions whose numbers we accept written nationally (trunk "0", ten digits). Only France:
# Belgian and Swiss national numbers read as French ones, and the rest only add false hits.
NATIONAL_REGIONS = ("FR",)
UNALLOCATED = "unallocated"
# phonenumbers' types that are ordinary lines; every other valid type is "other"
_MOBILE_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)
_FIXED_TYPES = (phonenumbers.PhoneNumberType.FIXED_LINE,)
_FRENCH_FORM = re.compile(r"0[1-9]\d{8}")


def in_plan(kind: str) -> bool:
    """Whether a number of this kind is allocated in its country's plan today."""
    return kind != UNALLOCATED


@dataclass(frozen=True, slots=True)
class Plan:
    """The part of a region's numbering plan that validation needs."""

    region: str
    country_code: str
    trunk: str  # national prefix ("0") or ""
    mobile: re.Pattern[str]
    fixed: re.Pattern[str]
    lengths: frozenset[int]


def _pattern(description: phonenumbers.PhoneNumberDesc) -> re.Pattern[str]:
    return re.compile(description.national_number_pattern or r"(?!)")


def _lengths(metadata: phonenumbers.PhoneMetadata) -> frozenset[int]:
    lengths = set(metadata.mobile.possible_length or ())
    lengths.update(metadata.fixed_line.possible_length or ())
    return frozenset(length for length in lengths if length > 0)


@cache
def plans() -> dict[str, Plan]:
    """The numbering plan of every covered region, by region code."""
    table = {}
    for region in REGIONS:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        table[region] = Plan(
            region=region,
            country_code=str(metadata.country_code),
            trunk=metadata.national_prefix or "",
            mobile=_pattern(metadata.mobile),
            fixed=_pattern(metadata.fixed_line),
            lengths=_lengths(metadata),
        )
    return table


@cache
def country_codes() -> tuple[tuple[str, Plan], ...]:
    """(country code, plan) pairs, longest code first so "352" wins over "35"."""
    pairs = [(plan.country_code, plan) for plan in plans().values()]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=65536)
def line_kind(region: str, significant: str) -> str | None:
    """ "mobile", "fixed" or None for a national significant number (no trunk, no code)."""
    plan = plans()[region]
    if len(significant) not in plan.lengths:
        return None
    if plan.mobile.fullmatch(significant):
        return "mobile"
    if plan.fixed.fullmatch(significant):
        return "fixed"
    return None


def e164(region: str, significant: str) -> str:
    """The E.164 form of a valid national significant number."""
    return f"+{plans()[region].country_code}{significant}"


@lru_cache(maxsize=65536)
def read_national(digits: str) -> tuple[str, str] | None:
    """(E.164, kind) for a number written nationally ("0612345678"), trying France first."""
    for region in NATIONAL_REGIONS:
        plan = plans()[region]
        if not digits.startswith(plan.trunk):
            continue
        significant = digits[len(plan.trunk) :]
        kind = line_kind(region, significant)
        if kind:
            return e164(region, significant), kind
    return None


@lru_cache(maxsize=65536)
def read_international(digits: str) -> tuple[str, str] | None:
    """(E.164, kind) for digits after "+" or "00" ("33612345678", "33 (0)6...")."""
    for code, plan in country_codes():
        if not digits.startswith(code):
            continue
        significant = digits[len(code) :]
        kind = line_kind(plan.region, significant)
        if kind is None and plan.trunk and significant.startswith(plan.trunk):
            # "+33 (0)6 12 ...": the trunk prefix written after the country code
            significant = significant[len(plan.trunk) :]
            kind = line_kind(plan.region, significant)
        if kind:
            return e164(plan.region, significant), kind
    return _any_country(digits)


@lru_cache(maxsize=65536)
def read_french(digits: str) -> tuple[str, str] | None:
    """(E.164, kind) for any well-formed French national number ("0" + 9 digits, not "00"):
    mobile or fixed line first, then other kinds of the plan, then "unallocated"."""
    found = read_national(digits)
    if found or not _FRENCH_FORM.fullmatch(digits):
        return found
    return f"+33{digits[1:]}", _kind_of(phonenumbers.parse(digits, "FR")) or UNALLOCATED


@lru_cache(maxsize=65536)
def read_in_region(digits: str, region: str) -> tuple[str, str] | None:
    """(E.164, kind) for a number written in `region`'s national form ("0721 234 567" in
    Romania, "612 345 678" in Spain), valid in that region's plan only."""
    if not 6 <= len(digits) <= 13:
        return None
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.region_code_for_number(number) != region:
        return None
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    trunk = phonenumbers.PhoneMetadata.metadata_for_region(region).national_prefix
    if trunk and national.startswith(trunk) and not digits.startswith(trunk):
        return None  # Belgians write "0470..."; "470 ..." is some other number
    kind = _kind_of(number)
    if kind is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), kind


def _kind_of(number: phonenumbers.PhoneNumber) -> str | None:
    """ "mobile", "fixed", "other" for a valid number, None for an invalid one."""
    if not phonenumbers.is_valid_number(number):
        return None
    kind = phonenumbers.number_type(number)
    if kind in _MOBILE_TYPES:
        return "mobile"
    return "fixed" if kind in _FIXED_TYPES else "other"


@lru_cache(maxsize=65536)
def _any_country(digits: str) -> tuple[str, str] | None:
    """After "+" or "00" the writer meant a number: any country `phonenumbers` knows, any
    valid kind; French numbers outside the plan too ("+33 7 09 45 01 77"). Slow, hence last."""
    if not 8 <= len(digits) <= 15:
        return None
    if digits.startswith("33"):
        significant = digits[2:]
        if len(significant) == 10 and significant.startswith("0"):
            significant = significant[1:]  # "+33 (0)7 09 ..."
        return read_french("0" + significant)
    try:
        number = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return None
    kind = _kind_of(number)
    if kind is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), kind
