"""Registry rows: one row validated and typed, and the rules across the rows of a file.

Plain English reasons, for the operator. Dates and phones repeat a lot in a registry (a
family shares a phone, a policy's rows share its dates), so a `RowChecker` reads each distinct
value once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from bot.services.phones import normalize_phone
from bot.services.registry.reader import COLUMNS
from bot.services.registry.seen import Seen
from storage.registry_values import HolderType, Relation

# Column widths of storage.models; checked here so PostgreSQL never sees an over-long value.
_MAX_LENGTH = {"policy_number": 64, "program": 200, "insured_id": 64, "full_name": 200}
POLICY_FIELDS = ("program", "holder_type", "contract_signed", "coverage_start", "coverage_end")
PERSON_FIELDS = ("full_name", "birth_date", "phone", "relation")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OLDEST_BIRTH = date(1900, 1, 1)
CACHED = 16_384  # distinct dates and phones a RowChecker keeps parsed
_POLICY_COLUMNS = ("policy_number", *POLICY_FIELDS)


class RegistryRow(NamedTuple):
    """One valid registry row, trimmed and typed. IDs and policy numbers are upper-cased."""

    policy_number: str
    program: str
    holder_type: HolderType
    contract_signed: date
    coverage_start: date
    coverage_end: date
    insured_id: str
    full_name: str
    birth_date: date
    phone: str | None
    relation: Relation

    def policy_fields(self) -> tuple[Any, ...]:
        return self[1:6]

    def person_fields(self) -> tuple[Any, ...]:
        return (self.full_name, self.birth_date, self.phone, self.relation)


def original(row: RegistryRow) -> dict[str, str]:
    """A valid row written out again as a registry's columns (dates as YYYY-MM-DD): what the
    CSV of rejected rows shows for a row the database refused, read the same way again."""
    # a date's str is YYYY-MM-DD, an enumeration's its value; the fields are in COLUMNS' order
    return {
        name: "" if value is None else str(value) for name, value in zip(COLUMNS, row, strict=True)
    }


@dataclass(frozen=True)
class RejectedRow:
    line: int
    insured_id: str  # masked, or "" when the row had none
    reasons: tuple[str, ...]


def canonical_id(text: str) -> str:
    """Insured IDs and policy numbers compare without spaces and case (as activation does)."""
    return "".join(text.split()).upper()


def mask_id(insured_id: str) -> str:
    """`KZ-100001` → `KZ-•••01`; very short IDs are hidden entirely."""
    text = insured_id.strip()
    if not text:
        return ""
    if len(text) <= 5:
        return "•••"
    return f"{text[:3]}•••{text[-2:]}"


def parse_date(value: str) -> date | None:
    """`YYYY-MM-DD` exactly, or None."""
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


# A row's reasons are told in one order: its columns as COLUMNS lists them, then the rules
# across columns. Each reason carries its place, as the policy's and the person's columns are
# checked apart (a policy's columns repeat on each of its cards and are checked once).
_PLACE = {
    name: place
    for place, name in enumerate(
        (
            "policy_number",
            "program",
            "insured_id",
            "full_name",
            "holder_type",
            "relation",
            "contract_signed",
            "coverage_start",
            "coverage_end",
            "birth_date",
            "coverage_end<coverage_start",
            "contract_signed>coverage_end",
            "birth_date range",
            "phone",
        )
    )
}
_CHOICES: dict[str, dict[str, Any]] = {
    "holder_type": {member.value: member for member in HolderType},
    "relation": {member.value: member for member in Relation},
}
Reasons = list[tuple[int, str]]
PolicyPart = tuple[tuple[Any, ...], Reasons]


def _reason(reasons: Reasons, name: str, text: str) -> None:
    reasons.append((_PLACE[name], text))


def _date(
    row: dict[str, str], name: str, reasons: Reasons, parse: Callable[[str], date | None]
) -> date | None:
    value = row.get(name, "").strip()
    if not value:
        _reason(reasons, name, f"{name}: empty")
        return None
    parsed = parse(value)
    if parsed is None:
        _reason(reasons, name, f"{name}: not a date in YYYY-MM-DD")
    return parsed


def _text(row: dict[str, str], name: str, reasons: Reasons) -> str:
    value = " ".join(row.get(name, "").split())
    if not value:
        _reason(reasons, name, f"{name}: empty")
    elif name in _MAX_LENGTH and len(value) > _MAX_LENGTH[name]:
        _reason(reasons, name, f"{name}: longer than {_MAX_LENGTH[name]} characters")
    return value


def _choice(row: dict[str, str], name: str, reasons: Reasons) -> Any:
    choices = _CHOICES[name]
    found = choices.get(row.get(name, "").strip().lower())
    if found is None:
        allowed = list(choices)
        _reason(reasons, name, f"{name}: must be {', '.join(allowed[:-1])} or {allowed[-1]}")
    return found


def check_policy(
    row: dict[str, str], dates: Callable[[str], date | None] = parse_date
) -> PolicyPart:
    """The policy's columns of a row: (number, program, holder type, signed, start, end)."""
    reasons: Reasons = []
    number = canonical_id(_text(row, "policy_number", reasons))
    program = _text(row, "program", reasons)
    holder_type = _choice(row, "holder_type", reasons)
    signed = _date(row, "contract_signed", reasons, dates)
    start = _date(row, "coverage_start", reasons, dates)
    end = _date(row, "coverage_end", reasons, dates)
    if start and end and end < start:
        _reason(reasons, "coverage_end<coverage_start", "coverage_end is before coverage_start")
    if signed and end and signed > end:
        _reason(reasons, "contract_signed>coverage_end", "contract_signed is after coverage_end")
    return (number, program, holder_type, signed, start, end), reasons


def validate_row(
    row: dict[str, str],
    today: date,
    default_region: str = "UA",
    *,
    dates: Callable[[str], date | None] = parse_date,
    phones: Callable[[str, str], str | None] = normalize_phone,
    policy: PolicyPart | None = None,
) -> RegistryRow | list[str]:
    """Return the typed row, or every reason it is wrong (plain English, for the operator).

    `today` bounds the birth date; phones without a country code are read in `default_region`.
    `dates` and `phones` parse one value, and `policy` is `check_policy` of this row, when the
    caller has them already (a `RowChecker` does).
    """
    policy_values, policy_reasons = policy or check_policy(row, dates)
    reasons = list(policy_reasons)
    insured_id = canonical_id(_text(row, "insured_id", reasons))
    full_name = _text(row, "full_name", reasons)
    relation = _choice(row, "relation", reasons)
    birth = _date(row, "birth_date", reasons, dates)
    if birth and birth > today:
        _reason(reasons, "birth_date range", "birth_date: in the future")
    elif birth and birth < _OLDEST_BIRTH:
        _reason(reasons, "birth_date range", "birth_date: before 1900")

    phone_text = row.get("phone", "").strip()
    phone = phones(phone_text, default_region) if phone_text else None
    if phone_text and phone is None:
        _reason(reasons, "phone", "phone: not a valid phone number")

    if reasons:
        return [text for _, text in sorted(reasons, key=itemgetter(0))]
    number, program, holder_type, signed, start, end = policy_values
    assert birth is not None
    return RegistryRow(
        number,
        program,
        holder_type,
        signed,
        start,
        end,
        insured_id,
        full_name,
        birth,
        phone,
        relation,
    )


def _differing(earlier: tuple[Any, ...], later: tuple[Any, ...]) -> list[str]:
    pairs = zip(POLICY_FIELDS, earlier, later, strict=True)
    return [name for name, old, new in pairs if old != new]


def _packed_policy(line: int, fields: tuple[Any, ...]) -> str:
    """A policy's first line and fields as text, the program (free text) last."""
    program, holder_type, signed, start, end = fields
    days = f"{signed.isoformat()} {start.isoformat()} {end.isoformat()}"
    return f"{line} {holder_type.value} {days} {program}"


def _unpacked_policy(text: str) -> tuple[int, tuple[Any, ...]]:
    line, holder_type, signed, start, end, program = text.split(" ", 5)
    days = map(date.fromisoformat, (signed, start, end))
    return int(line), (program, HolderType(holder_type), *days)


@dataclass
class RowChecker:
    """Validates a file's rows a batch at a time, with the rules across rows.

    Remembers only what those rules need (the line of each insured ID, the first line and
    fields of each policy), in a `Seen` of a few dozen bytes a key, asked once per batch for the
    batch's keys: memory stays flat in the row count. Dates and phones are parsed once per
    distinct value among the last CACHED ones (a family's rows come together, and share a phone).
    """

    today: date
    region: str = "UA"
    _id_lines: Seen = field(default_factory=Seen)
    # policy number -> `_packed_policy`, for the policies of accepted rows
    _policies: Seen = field(default_factory=Seen)
    # the policy columns of the previous row (a policy's rows come together) and their check
    _last_policy: tuple[tuple[str | None, ...], PolicyPart] | None = None
    # the batch being checked: its keys seen before it or in it, and those new in it
    _ids: dict[str, int] = field(default_factory=dict)
    _new_ids: dict[str, int] = field(default_factory=dict)
    _firsts: dict[str, tuple[int, tuple[Any, ...]]] = field(default_factory=dict)
    _new_policies: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._date = lru_cache(maxsize=CACHED)(parse_date)
        self._phone = lru_cache(maxsize=CACHED)(normalize_phone)

    def close(self) -> None:
        self._id_lines.close()
        self._policies.close()

    def check(self, line: int, raw: dict[str, str]) -> RegistryRow | RejectedRow:
        return self.check_many([(line, raw)])[0]

    def check_many(
        self, lines: Sequence[tuple[int, dict[str, str]]]
    ) -> list[RegistryRow | RejectedRow]:
        """Each row checked, in order, against the rows before it (in this batch or earlier)."""
        # each row's insured ID read once (the rules across rows and the lookup below share it);
        # a policy's rows come together, so its number is read once for them
        raw_ids = [canonical_id(raw.get("insured_id", "")) for _, raw in lines]
        ids = set(raw_ids)
        ids.discard("")
        numbers: set[str] = set()
        last_number = None
        for _, raw in lines:
            if (number := raw.get("policy_number", "")) != last_number:
                numbers.add(canonical_id(number))
                last_number = number
        self._ids = {key: int(value) for key, value in self._id_lines.many(ids).items()}
        self._firsts = {
            key: _unpacked_policy(str(value)) for key, value in self._policies.many(numbers).items()
        }
        try:
            return [
                self._check(line, raw, raw_id)
                for (line, raw), raw_id in zip(lines, raw_ids, strict=True)
            ]
        finally:
            self._id_lines.add(self._new_ids.items())
            self._policies.add(self._new_policies.items())
            self._ids, self._new_ids, self._firsts, self._new_policies = {}, {}, {}, {}

    def _check(self, line: int, raw: dict[str, str], raw_id: str) -> RegistryRow | RejectedRow:
        key = tuple(map(raw.get, _POLICY_COLUMNS))
        if self._last_policy is None or self._last_policy[0] != key:
            self._last_policy = (key, check_policy(raw, self._date))
        result = validate_row(
            raw,
            self.today,
            self.region,
            dates=self._date,
            phones=self._phone,
            policy=self._last_policy[1],
        )
        reasons = list(result) if isinstance(result, list) else []
        if raw_id:
            first_line = self._ids.setdefault(raw_id, line)
            if first_line != line:
                reasons.append(f"duplicate insured_id, first seen on line {first_line}")
            else:
                self._new_ids[raw_id] = line
        if isinstance(result, RegistryRow):
            fields = result.policy_fields()
            first = self._firsts.get(result.policy_number)
            if first is not None and first[1] != fields:
                names = _differing(first[1], fields)
                verb = "differs" if len(names) == 1 else "differ"
                reasons.append(
                    f"policy {result.policy_number}: {', '.join(names)} {verb} from line {first[0]}"
                )
            if not reasons and first is None:
                self._firsts[result.policy_number] = (line, fields)
                self._new_policies[result.policy_number] = _packed_policy(line, fields)
        if reasons:
            return RejectedRow(line, mask_id(raw_id), tuple(reasons))
        assert isinstance(result, RegistryRow)
        return result
