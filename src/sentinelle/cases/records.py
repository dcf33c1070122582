"""Case records as the contract defines them (`shared/contract/cases.md`), validated.

Validation names the field that breaks the contract so that a quarantined record can be fixed
at its source; the reader adds the file and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from sentinelle.errors import InputError

AREAS = ("urban", "periurban", "rural")
SITUATIONS = ("runaway", "care_home", "out_of_school", "family_breakdown", "prior_violence")
CHANNELS = (
    "social_network",
    "dating_app",
    "escort_site",
    "friends",
    "care_home",
    "neighbourhood",
    "other",
    "unknown",
)
ROLES = ("pimp", "recruiter", "client")
PROCEDURAL_STATUSES = ("witness", "accused")
SEXES = ("F", "M", "X")


class CaseFieldError(ValueError):
    """A case breaks the contract at `field` (a dotted path such as `victims[0].age`)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(slots=True)
class Victim:
    age: int
    sex: str | None = None
    nationality: str | None = None
    situation: tuple[str, ...] = ()
    recruitment_channel: str | None = None

    @property
    def minor(self) -> bool:
        return self.age < 18


@dataclass(slots=True)
class Suspect:
    role: str
    sex: str | None = None
    age: int | None = None
    former_victim: bool = False
    prior_drug_offence: bool = False
    procedural_status: str | None = None


@dataclass(slots=True)
class Case:
    """One judicial case: its victims, its suspects and the identifiers seen in it."""

    case_id: str
    opened_on: dt.date
    area: str
    department: str | None = None
    victims: list[Victim] = field(default_factory=list)
    suspects: list[Suspect] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    identifiers: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # unknown input fields, kept as they are

    @property
    def year(self) -> int:
        return self.opened_on.year


@dataclass(slots=True, frozen=True)
class Rejection:
    """A record that could not be read as a case: where, which field (None: not JSON), why."""

    file: str
    line: int
    field: str | None
    reason: str
    raw: bytes

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}: {field}{self.reason}"


_CASE_FIELDS = {
    "case_id",
    "opened_on",
    "department",
    "area",
    "victims",
    "suspects",
    "platforms",
    "identifiers",
}


def parse_case(record: Any) -> Case:
    """A validated `Case` from one decoded JSON value; raises `CaseFieldError`."""
    if not isinstance(record, dict):
        raise CaseFieldError("(record)", f"expected a JSON object, got {_kind(record)}")
    return Case(
        case_id=_required_str(record, "case_id"),
        opened_on=_date(record, "opened_on"),
        area=_choice(record.get("area"), "area", AREAS, required=True),
        department=_optional_str(record, "department"),
        victims=[_victim(v, "victims", i) for i, v in enumerate(_list(record, "victims"))],
        suspects=[_suspect(s, "suspects", i) for i, s in enumerate(_list(record, "suspects"))],
        platforms=_str_list(record, "platforms"),
        identifiers=_str_list(record, "identifiers"),
        extra={k: v for k, v in record.items() if k not in _CASE_FIELDS},
    )


def case_to_dict(case: Case) -> dict:
    """The contract's JSON shape of a case (unknown fields included), for storage and export."""
    out: dict[str, Any] = {
        "case_id": case.case_id,
        "opened_on": case.opened_on.isoformat(),
        "department": case.department,
        "area": case.area,
        "victims": [_victim_dict(v) for v in case.victims],
        "suspects": [_suspect_dict(s) for s in case.suspects],
        "platforms": case.platforms,
        "identifiers": case.identifiers,
    }
    out.update(case.extra)
    return out


def stored_case(record: dict) -> Case:
    """A case from the JSON `case_to_dict` wrote: trusted, so not validated again (fast)."""
    extra = {k: v for k, v in record.items() if k not in _CASE_FIELDS}
    return Case(
        case_id=record["case_id"],
        opened_on=dt.date.fromisoformat(record["opened_on"]),
        area=record["area"],
        department=record["department"],
        victims=[
            Victim(
                v["age"],
                v["sex"],
                v["nationality"],
                tuple(v["situation"]),
                v["recruitment_channel"],
            )
            for v in record["victims"]
        ],
        suspects=[
            Suspect(
                s["role"],
                s["sex"],
                s["age"],
                s["former_victim"],
                s["prior_drug_offence"],
                s.get("procedural_status"),
            )
            for s in record["suspects"]
        ],
        platforms=record["platforms"],
        identifiers=record["identifiers"],
        extra=extra,
    )


def require_case_file(path: str | Path) -> Path:
    """The path of a readable case file, or an `InputError` that names it."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"cannot read case file {str(path)!r}: no such file")
    return path


def read_cases(path: str | Path) -> Iterator[Case | Rejection]:
    """Each line of a JSONL file as a `Case`, or a `Rejection` naming file, line and field."""
    path = require_case_file(path)
    with path.open("rb") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            yield parse_line(line, str(path), number)


def parse_line(line: bytes, file: str, number: int) -> Case | Rejection:
    """One JSONL line as a `Case`, or a `Rejection` that says where and why."""
    raw = line.rstrip(b"\r\n")
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        return Rejection(file, number, None, f"not JSON: {error}", raw)
    try:
        return parse_case(record)
    except CaseFieldError as error:
        return Rejection(file, number, error.field, error.reason, raw)


def _victim(record: Any, where: str, index: int) -> Victim:
    # The common, valid record takes this fast path; any doubt goes to `_explain_victim`,
    # which finds the field at fault. Membership tests use tuples: safe on unhashable values.
    if type(record) is dict:
        age, sex = record.get("age"), record.get("sex")
        nationality, channel = record.get("nationality"), record.get("recruitment_channel")
        situation = record.get("situation") or ()
        if (
            type(age) is int
            and 0 <= age <= 120
            and (sex is None or sex in SEXES)
            and (nationality is None or type(nationality) is str)
            and (channel is None or channel in CHANNELS)
            and type(situation) in (list, tuple)
            and all(item in SITUATIONS for item in situation)
        ):
            return Victim(age, sex, nationality, tuple(situation), channel)
    return _explain_victim(record, f"{where}[{index}]")


def _suspect(record: Any, where: str, index: int) -> Suspect:
    if type(record) is dict:
        role, sex, age = record.get("role"), record.get("sex"), record.get("age")
        former, drugs = record.get("former_victim"), record.get("prior_drug_offence")
        status = record.get("procedural_status")
        if (
            role in ROLES
            and (sex is None or sex in SEXES)
            and (age is None or (type(age) is int and 0 <= age <= 120))
            and former in _FLAGS
            and drugs in _FLAGS
            and (status is None or status in PROCEDURAL_STATUSES)
        ):
            return Suspect(role, sex, age, former is True, drugs is True, status)
    return _explain_suspect(record, f"{where}[{index}]")


_FLAGS = (None, True, False)


def _explain_victim(record: Any, where: str) -> Victim:
    if not isinstance(record, dict):
        raise CaseFieldError(where, f"expected an object, got {_kind(record)}")
    situation = record.get("situation") or []
    if not isinstance(situation, list):
        raise CaseFieldError(f"{where}.situation", "expected a list")
    return Victim(
        age=_age(record.get("age"), f"{where}.age", required=True),
        sex=_choice(record.get("sex"), f"{where}.sex", SEXES),
        nationality=_optional_str(record, "nationality", where),
        situation=tuple(
            _choice(s, f"{where}.situation[{i}]", SITUATIONS, required=True)
            for i, s in enumerate(situation)
        ),
        recruitment_channel=_choice(
            record.get("recruitment_channel"), f"{where}.recruitment_channel", CHANNELS
        ),
    )


def _explain_suspect(record: Any, where: str) -> Suspect:
    if not isinstance(record, dict):
        raise CaseFieldError(where, f"expected an object, got {_kind(record)}")
    return Suspect(
        role=_choice(record.get("role"), f"{where}.role", ROLES, required=True),
        sex=_choice(record.get("sex"), f"{where}.sex", SEXES),
        age=_age(record.get("age"), f"{where}.age"),
        former_victim=_flag(record.get("former_victim"), f"{where}.former_victim"),
        prior_drug_offence=_flag(record.get("prior_drug_offence"), f"{where}.prior_drug_offence"),
        procedural_status=_choice(
            record.get("procedural_status"), f"{where}.procedural_status", PROCEDURAL_STATUSES
        ),
    )


def _victim_dict(victim: Victim) -> dict:
    return {
        "age": victim.age,
        "sex": victim.sex,
        "nationality": victim.nationality,
        "situation": list(victim.situation),
        "recruitment_channel": victim.recruitment_channel,
    }


def _suspect_dict(suspect: Suspect) -> dict:
    out = {
        "role": suspect.role,
        "sex": suspect.sex,
        "age": suspect.age,
        "former_victim": suspect.former_victim,
        "prior_drug_offence": suspect.prior_drug_offence,
    }
    if suspect.procedural_status is not None:
        out["procedural_status"] = suspect.procedural_status
    return out


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _required_str(record: dict, name: str) -> str:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip():
        raise CaseFieldError(name, f"required non-empty string, got {_kind(value)}")
    return value


def _optional_str(record: dict, name: str, where: str = "") -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        path = f"{where}.{name}" if where else name
        raise CaseFieldError(path, f"expected a string, got {_kind(value)}")
    return value


def _date(record: dict, name: str) -> dt.date:
    value = record.get(name)
    if not isinstance(value, str):
        raise CaseFieldError(name, f"required date YYYY-MM-DD, got {_kind(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CaseFieldError(name, f"not a date YYYY-MM-DD: {value!r}") from None


def _choice(value: Any, where: str, allowed: tuple[str, ...], required: bool = False) -> Any:
    if value is None and not required:
        return None
    if value not in allowed:
        raise CaseFieldError(where, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def _age(value: Any, where: str, required: bool = False) -> int | None:
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120:
        raise CaseFieldError(where, f"expected an age in years (0 to 120), got {value!r}")
    return value


def _flag(value: Any, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise CaseFieldError(where, f"expected true or false, got {value!r}")
    return value


def _list(record: dict, name: str) -> list:
    value = record.get(name, [])
    if not isinstance(value, list):
        raise CaseFieldError(name, f"expected a list, got {_kind(value)}")
    return value


def _str_list(record: dict, name: str) -> list[str]:
    values = _list(record, name)
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise CaseFieldError(f"{name}[{i}]", f"expected a string, got {_kind(value)}")
    return values
