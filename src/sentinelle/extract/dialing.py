"""Which digit strings are real phone numbers of the regions we cover, and their E.164 form.

The numbering plans come from `phonenumbers` metadata; we match its mobile and fixed-line
patterns directly because `phonenumbers.parse` costs ~70 µs a call, which alone would blow the
extraction budget (40 µs a post).
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
    return _other_valid(digits)


def _other_valid(digits: str) -> tuple[str, str] | None:
    """After "+" or "00" the writer meant a number: accept the other valid kinds (personal,
    VoIP...) of a covered region, asking `phonenumbers` itself (slow, hence last)."""
    if not 8 <= len(digits) <= 15:
        return None
    try:
        number = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    if region not in REGIONS or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), "other"
