"""The insurer's registry: reading CSV/XLSX files, validating rows, upserting policies and cards.

The importer never commits: the caller owns the transaction. Every row is validated before
anything is written, and each batch of rows is written inside a SAVEPOINT; when a batch fails,
its rows are retried one SAVEPOINT each, so a database error costs only the row that caused it.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import insert, select
from sqlalchemy.exc import InvalidRequestError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.services.phones import normalize_phone
from storage.models import HolderType, InsuredPerson, Policy, Relation

COLUMNS = (
    "policy_number",
    "program",
    "holder_type",
    "contract_signed",
    "coverage_start",
    "coverage_end",
    "insured_id",
    "full_name",
    "birth_date",
    "phone",
    "relation",
)
# Column widths of storage.models; checked here so PostgreSQL never sees an over-long value.
_MAX_LENGTH = {"policy_number": 64, "program": 200, "insured_id": 64, "full_name": 200}
_POLICY_FIELDS = ("program", "holder_type", "contract_signed", "coverage_start", "coverage_end")
_PERSON_FIELDS = ("full_name", "birth_date", "phone", "relation")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OLDEST_BIRTH = date(1900, 1, 1)
_CHUNK = 500
_E = TypeVar("_E", bound=StrEnum)
_M = TypeVar("_M", Policy, InsuredPerson)


class RegistryFormatError(Exception):
    """The file as a whole cannot be read: unreadable, not UTF-8, or required columns missing."""

    def __init__(self, message: str, missing: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.missing = tuple(missing)


@dataclass(frozen=True)
class RegistryRow:
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
        return tuple(getattr(self, name) for name in _POLICY_FIELDS)


@dataclass(frozen=True)
class RejectedRow:
    line: int
    insured_id: str  # masked, or "" when the row had none
    reasons: tuple[str, ...]


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    # Every phone, old and new, of an added or updated card: card linking must re-run for them.
    touched_phones: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.rejected)


# --- reading -------------------------------------------------------------------------------


def canonical_id(text: str) -> str:
    """Insured IDs and policy numbers compare without spaces and case (as activation does)."""
    return re.sub(r"\s+", "", text).upper()


def mask_id(insured_id: str) -> str:
    """`KZ-100001` → `KZ-•••01`; very short IDs are hidden entirely."""
    text = insured_id.strip()
    if not text:
        return ""
    if len(text) <= 5:
        return "•••"
    return f"{text[:3]}•••{text[-2:]}"


def _header(cells: Sequence[object]) -> list[str]:
    names = [_cell_text(cell).lower() for cell in cells]
    missing = [name for name in COLUMNS if name not in names]
    if missing:
        raise RegistryFormatError(f"missing column(s): {', '.join(missing)}", missing)
    duplicated = sorted({name for name in names if name in COLUMNS and names.count(name) > 1})
    if duplicated:
        raise RegistryFormatError(f"duplicated column(s): {', '.join(duplicated)}")
    return names


def _record(names: list[str], cells: Sequence[object]) -> dict[str, str] | None:
    values = [_cell_text(cell) for cell in cells]
    if not any(values):
        return None
    values += [""] * (len(names) - len(values))
    return {name: value for name, value in zip(names, values, strict=False) if name in COLUMNS}


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        if not first.strip():
            raise RegistryFormatError("the file is empty or its first line is blank")
        delimiter = max(",;\t", key=first.count)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        names = _header(next(reader))
        previous_end = reader.line_num
        for cells in reader:
            line, previous_end = previous_end + 1, reader.line_num
            record = _record(names, cells)
            if record is not None:
                yield line, record


def _read_xlsx(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError) as exc:
        raise RegistryFormatError(f"{path.name} is not a readable XLSX file ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(min_row=1, values_only=True)
        first = next(rows, None)
        if first is None:
            raise RegistryFormatError("the first sheet is empty")
        names = _header(first)
        for line, cells in enumerate(rows, start=2):
            record = _record(names, cells)
            if record is not None:
                yield line, record
    finally:
        workbook.close()


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) from a CSV (`,` or `;`, UTF-8 with or without BOM) or XLSX.

    The header is line 1. Column names match case-insensitively; unknown columns are ignored,
    blank lines skipped. Raises RegistryFormatError for anything that stops the whole file.
    """
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RegistryFormatError("old .xls files are not supported; save as .xlsx or .csv")
    reader = _read_xlsx if suffix in {".xlsx", ".xlsm"} else _read_csv
    try:
        yield from reader(path)
    except UnicodeDecodeError as exc:
        raise RegistryFormatError(f"{path.name} is not UTF-8 text ({exc.reason})") from None
    except csv.Error as exc:
        raise RegistryFormatError(f"{path.name}: broken CSV ({exc})") from None
    except OSError as exc:
        raise RegistryFormatError(f"cannot read {path}: {exc.strerror or exc}") from None


# --- validating ----------------------------------------------------------------------------


def _date(row: dict[str, str], name: str, reasons: list[str]) -> date | None:
    value = row.get(name, "").strip()
    if not value:
        reasons.append(f"{name}: empty")
        return None
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    reasons.append(f"{name}: not a date in YYYY-MM-DD")
    return None


def _text(row: dict[str, str], name: str, reasons: list[str]) -> str:
    value = " ".join(row.get(name, "").split())
    if not value:
        reasons.append(f"{name}: empty")
    elif name in _MAX_LENGTH and len(value) > _MAX_LENGTH[name]:
        reasons.append(f"{name}: longer than {_MAX_LENGTH[name]} characters")
    return value


def _choice(row: dict[str, str], name: str, kind: type[_E], reasons: list[str]) -> _E | None:
    value = row.get(name, "").strip().lower()
    try:
        return kind(value)
    except ValueError:
        allowed = [member.value for member in kind]
        reasons.append(f"{name}: must be {', '.join(allowed[:-1])} or {allowed[-1]}")
        return None


def validate_row(
    row: dict[str, str], today: date, default_region: str = "UA"
) -> RegistryRow | list[str]:
    """Return the typed row, or every reason it is wrong (plain English, for the operator).

    `today` bounds the birth date; phones without a country code are read in `default_region`.
    """
    reasons: list[str] = []
    policy_number = canonical_id(_text(row, "policy_number", reasons))
    program = _text(row, "program", reasons)
    insured_id = canonical_id(_text(row, "insured_id", reasons))
    full_name = _text(row, "full_name", reasons)

    holder_type = _choice(row, "holder_type", HolderType, reasons)
    relation = _choice(row, "relation", Relation, reasons)

    signed = _date(row, "contract_signed", reasons)
    start = _date(row, "coverage_start", reasons)
    end = _date(row, "coverage_end", reasons)
    birth = _date(row, "birth_date", reasons)
    if start and end and end < start:
        reasons.append("coverage_end is before coverage_start")
    if signed and end and signed > end:
        reasons.append("contract_signed is after coverage_end")
    if birth and birth > today:
        reasons.append("birth_date: in the future")
    elif birth and birth < _OLDEST_BIRTH:
        reasons.append("birth_date: before 1900")

    phone_text = row.get("phone", "").strip()
    phone = normalize_phone(phone_text, default_region) if phone_text else None
    if phone_text and phone is None:
        reasons.append("phone: not a valid phone number")

    if reasons:
        return reasons
    assert holder_type and relation and signed and start and end and birth
    return RegistryRow(
        policy_number=policy_number,
        program=program,
        holder_type=holder_type,
        contract_signed=signed,
        coverage_start=start,
        coverage_end=end,
        insured_id=insured_id,
        full_name=full_name,
        birth_date=birth,
        phone=phone,
        relation=relation,
    )


def _differing(earlier: RegistryRow, later: RegistryRow) -> list[str]:
    pairs = zip(_POLICY_FIELDS, earlier.policy_fields(), later.policy_fields(), strict=True)
    return [name for name, old, new in pairs if old != new]


def _check_file(
    rows: Iterable[tuple[int, dict[str, str]]], today: date, region: str, report: ImportReport
) -> list[tuple[int, RegistryRow]]:
    """Validate every row and the rules across rows; reject into `report`, return the rest."""
    accepted: list[tuple[int, RegistryRow]] = []
    id_seen: dict[str, int] = {}
    policy_seen: dict[str, tuple[int, RegistryRow]] = {}
    for line, raw in rows:
        result = validate_row(raw, today, region)
        reasons = list(result) if isinstance(result, list) else []
        raw_id = canonical_id(raw.get("insured_id", ""))
        if raw_id in id_seen:
            reasons.append(f"duplicate insured_id, first seen on line {id_seen[raw_id]}")
        elif raw_id:
            id_seen[raw_id] = line
        if isinstance(result, RegistryRow) and result.policy_number in policy_seen:
            first_line, first = policy_seen[result.policy_number]
            if names := _differing(first, result):
                verb = "differs" if len(names) == 1 else "differ"
                fields = ", ".join(names)
                reasons.append(
                    f"policy {result.policy_number}: {fields} {verb} from line {first_line}"
                )
        if reasons:
            report.rejected.append(RejectedRow(line, mask_id(raw_id), tuple(reasons)))
            continue
        assert isinstance(result, RegistryRow)
        policy_seen.setdefault(result.policy_number, (line, result))
        accepted.append((line, result))
    return accepted


# --- writing -------------------------------------------------------------------------------


def _policy_state(policy: Policy) -> tuple[Any, ...]:
    return tuple(getattr(policy, name) for name in _POLICY_FIELDS)


def _person_fields(person: InsuredPerson) -> tuple[Any, ...]:
    return tuple(getattr(person, name) for name in _PERSON_FIELDS)


def _row_person_fields(row: RegistryRow) -> tuple[Any, ...]:
    return (row.full_name, row.birth_date, row.phone, row.relation.value)


@dataclass
class _Stored:
    """Live objects by key, and what the database held before the import (to count outcomes)."""

    policies: dict[str, Policy] = field(default_factory=dict)
    persons: dict[str, InsuredPerson] = field(default_factory=dict)
    policy_before: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    # insured_id -> (policy number, person fields)
    person_before: dict[str, tuple[str | None, tuple[Any, ...]]] = field(default_factory=dict)


async def _select_in(
    session: AsyncSession, model: type[_M], column: Any, keys: Sequence[Any]
) -> list[_M]:
    """SELECT model WHERE column IN keys, a chunk of keys per query."""
    found: list[_M] = []
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        result = await session.execute(select(model).where(column.in_(chunk)))
        found.extend(result.scalars())
    return found


async def _preload(session: AsyncSession, rows: list[tuple[int, RegistryRow]]) -> _Stored:
    stored = _Stored()
    numbers = sorted({row.policy_number for _, row in rows})
    for policy in await _select_in(session, Policy, col(Policy.number), numbers):
        stored.policies[policy.number] = policy
        stored.policy_before[policy.number] = _policy_state(policy)
    ids = [row.insured_id for _, row in rows]
    for person in await _select_in(session, InsuredPerson, col(InsuredPerson.insured_id), ids):
        stored.persons[person.insured_id] = person
    number_by_id = {policy.id: number for number, policy in stored.policies.items()}
    # A card may move here from a policy that is not in this file: learn that number too.
    others = sorted({p.policy_id for p in stored.persons.values()} - set(number_by_id))
    for policy in await _select_in(session, Policy, col(Policy.id), others):
        number_by_id[policy.id] = policy.number
    for insured_id, person in stored.persons.items():
        before = (number_by_id.get(person.policy_id), _person_fields(person))
        stored.person_before[insured_id] = before
    return stored


def _outcome(row: RegistryRow, stored: _Stored) -> str:
    """added / updated / unchanged, judged against the database as it was before the import."""
    before = stored.person_before.get(row.insured_id)
    if before is None:
        return "added"
    if (
        before != (row.policy_number, _row_person_fields(row))
        or stored.policy_before.get(row.policy_number) != row.policy_fields()
    ):
        return "updated"
    return "unchanged"


async def _write(
    session: AsyncSession, rows: Sequence[tuple[int, RegistryRow]], stored: _Stored, now: datetime
) -> None:
    """Create or change the policies, then the cards, of these rows (no commit).

    New rows go in as one multi-row INSERT per table (the ORM unit of work is several times
    slower for thousands of new cards); changed rows are updated through the ORM objects.
    """
    new_policies: dict[str, dict[str, Any]] = {}
    for _, row in rows:
        policy = stored.policies.get(row.policy_number)
        if policy is None:
            new_policies[row.policy_number] = {
                "number": row.policy_number,
                **dict(zip(_POLICY_FIELDS, row.policy_fields(), strict=True)),
                "updated_at": now,
            }
        elif _policy_state(policy) != row.policy_fields():
            for name, value in zip(_POLICY_FIELDS, row.policy_fields(), strict=True):
                setattr(policy, name, value)
            policy.updated_at = now
    if new_policies:
        await session.execute(insert(Policy), list(new_policies.values()))
        numbers = list(new_policies)
        for policy in await _select_in(session, Policy, col(Policy.number), numbers):
            stored.policies[policy.number] = policy

    new_persons: list[dict[str, Any]] = []
    for _, row in rows:
        policy_id = stored.policies[row.policy_number].id
        assert policy_id is not None
        person = stored.persons.get(row.insured_id)
        if person is None:
            new_persons.append(
                {
                    "insured_id": row.insured_id,
                    "policy_id": policy_id,
                    **dict(zip(_PERSON_FIELDS, _row_person_fields(row), strict=True)),
                    "updated_at": now,
                }
            )
        elif person.policy_id != policy_id or _person_fields(person) != _row_person_fields(row):
            person.policy_id = policy_id
            for name, value in zip(_PERSON_FIELDS, _row_person_fields(row), strict=True):
                setattr(person, name, value)
            person.updated_at = now
    if new_persons:
        await session.execute(insert(InsuredPerson), new_persons)
    await session.flush()


async def _forget_rolled_back(
    session: AsyncSession, rows: Sequence[tuple[int, RegistryRow]], stored: _Stored
) -> None:
    """After a SAVEPOINT rollback: reload what still exists, forget what does not."""
    for _, row in rows:
        for cache, key in (
            (stored.policies, row.policy_number),
            (stored.persons, row.insured_id),
        ):
            obj: Any = cache.get(key)
            if obj is None:
                continue
            try:
                await session.refresh(obj)
            except InvalidRequestError:  # inserted inside the rolled-back SAVEPOINT
                if obj in session:
                    session.expunge(obj)
                del cache[key]


def _count(report: ImportReport, row: RegistryRow, stored: _Stored) -> None:
    outcome = _outcome(row, stored)
    if outcome == "unchanged":
        report.unchanged += 1
        return
    if outcome == "added":
        report.added += 1
    else:
        report.updated += 1
        old_phone = stored.person_before[row.insured_id][1][2]
        if old_phone:
            report.touched_phones.add(old_phone)
    if row.phone:
        report.touched_phones.add(row.phone)


async def import_registry(
    session: AsyncSession,
    rows: Iterable[tuple[int, dict[str, str]]],
    now: datetime,
    progress: Callable[[int], None] | None = None,
    *,
    default_region: str = "UA",
) -> ImportReport:
    """Upsert policies (by number) and cards (by insured_id) from registry rows; never commits.

    `now` must be timezone-aware; it stamps `updated_at` of what actually changed and bounds
    birth dates. `progress`, if given, is called with the number of input rows finished so far.
    Phones written without a country code are read in `default_region`.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    report = ImportReport()
    accepted = _check_file(rows, now.date(), default_region, report)
    done = len(report.rejected)
    if progress:
        progress(done)
    stored = await _preload(session, accepted)
    for start in range(0, len(accepted), _CHUNK):
        batch = accepted[start : start + _CHUNK]
        try:
            async with session.begin_nested():
                await _write(session, batch, stored, now)
            written = list(batch)
        except SQLAlchemyError:
            await _forget_rolled_back(session, batch, stored)
            written = []
            for item in batch:
                try:
                    async with session.begin_nested():
                        await _write(session, [item], stored, now)
                    written.append(item)
                except SQLAlchemyError as exc:
                    await _forget_rolled_back(session, [item], stored)
                    line, row = item
                    reason = f"database error: {_short_error(exc)}"
                    report.rejected.append(RejectedRow(line, mask_id(row.insured_id), (reason,)))
        for _, row in written:
            _count(report, row, stored)
        done += len(batch)
        if progress:
            progress(done)
    report.rejected.sort(key=lambda rejected: rejected.line)
    return report


def _short_error(exc: SQLAlchemyError) -> str:
    original = getattr(exc, "orig", None) or exc
    return str(original).splitlines()[0][:200]
