"""Registry rows: one row validated and typed, and the rules across the rows of a file.

Plain English reasons, for the operator. Dates and phones repeat a lot in a registry (a
family shares a phone, a policy's rows share its dates), so a `RowChecker` reads each distinct
value once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, compress, repeat
from operator import itemgetter, ne, sub
from typing import Any, NamedTuple, cast

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


def _date(row: dict[str, str], name: str, reasons: Reasons) -> date | None:
    value = row.get(name, "").strip()
    if not value:
        _reason(reasons, name, f"{name}: empty")
        return None
    parsed = parse_date(value)
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


def _check_policy(row: dict[str, str]) -> PolicyPart:
    """The policy's columns of a row: (number, program, holder type, signed, start, end)."""
    reasons: Reasons = []
    number = canonical_id(_text(row, "policy_number", reasons))
    program = _text(row, "program", reasons)
    holder_type = _choice(row, "holder_type", reasons)
    signed = _date(row, "contract_signed", reasons)
    start = _date(row, "coverage_start", reasons)
    end = _date(row, "coverage_end", reasons)
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
    phones: Callable[[str, str], str | None] = normalize_phone,
) -> RegistryRow | list[str]:
    """Return the typed row, or every reason it is wrong (plain English, for the operator).

    `today` bounds the birth date; phones without a country code are read in `default_region`,
    by `phones` (a `RowChecker` has them read already).
    """
    policy_values, policy_reasons = _check_policy(row)
    reasons = list(policy_reasons)
    insured_id = canonical_id(_text(row, "insured_id", reasons))
    full_name = _text(row, "full_name", reasons)
    relation = _choice(row, "relation", reasons)
    birth = _date(row, "birth_date", reasons)
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
    program, holder_type, signed, start, end = fields  # a date's str is YYYY-MM-DD
    return f"{line} {holder_type.value} {signed} {start} {end} {program}"


def _unpacked_policy(text: str) -> tuple[int, tuple[Any, ...]]:
    line, holder_type, signed, start, end, program = text.split(" ", 5)
    days = map(date.fromisoformat, (signed, start, end))
    return int(line), (program, HolderType(holder_type), *days)


# a row's columns in COLUMNS' order, from a row as `read_rows` makes it (every column there)
_ROW = itemgetter(*COLUMNS)
# a row as read: `read_rows`'s texts by column, or `read_cells`'s texts in COLUMNS' order
Raw = dict[str, str] | tuple[str, ...]
_NO_PHONE = ""  # a phone's text that is not a phone (a cache's answer; a valid one has digits)


def _columns(raws: Sequence[Raw]) -> dict[str, list[str]]:
    """Each column's texts, row by row ("" where a row lacks the column)."""
    values: Sequence[Any] = raws  # a batch of cells (`reader.read_cells`)
    if isinstance(raws[0], dict):
        records = cast(Sequence[dict[str, str]], raws)
        try:
            values = list(map(_ROW, records))
        except KeyError:  # a row given directly, without some column
            values = [tuple(raw.get(name, "") for name in COLUMNS) for raw in records]
    return dict(zip(COLUMNS, map(list, zip(*values, strict=True)), strict=True))


def as_read(raw: Raw) -> dict[str, str]:
    """A row as `read_rows` gives it (trimmed texts by column), from its cells or itself."""
    if isinstance(raw, dict):
        return raw
    return dict(zip(COLUMNS, map(str.strip, raw), strict=True))


def _where(values: Sequence[Any], wrong: Callable[[Any], bool]) -> list[int]:
    return [place for place, value in enumerate(values) if wrong(value)]


def _texts(values: list[str], name: str, bad: set[int]) -> list[str]:
    """`_text` of each value; the places of the empty and the too long ones go to `bad`."""
    texts = [" ".join(value.split()) for value in values]
    if "" in texts:
        bad.update(_where(texts, lambda text: not text))
    limit = _MAX_LENGTH[name]
    if max(map(len, texts)) > limit:
        bad.update(_where(texts, lambda text: len(text) > limit))
    return texts


def _chosen(values: list[str], name: str, bad: set[int]) -> list[Any]:
    """`_choice` of each value (None for a wrong one, whose place goes to `bad`)."""
    found = list(map(_CHOICES[name].get, map(str.lower, map(str.strip, values))))
    if None in found:
        bad.update(_where(found, lambda value: value is None))
    return found


@dataclass(frozen=True)
class _Runs:
    """A batch's runs of rows that repeat a policy's columns: where each starts, how many rows,
    and the policy's columns (number, then POLICY_FIELDS), one value a run."""

    starts: list[int]
    sizes: list[int]
    columns: list[list[Any]]

    def each_row(self, values: list[Any]) -> Iterable[Any]:
        """One value a run, repeated for each of its rows."""
        return chain.from_iterable(map(repeat, values, self.sizes))


@dataclass
class RowChecker:
    """Validates a file's rows a batch at a time, with the rules across rows.

    A batch is checked a column at a time: each check runs over a column's values in one pass
    (the standard library's loops in C, not a Python function per value), and a row that fails
    any of them is checked again alone by `validate_row` for its reasons, in their order. A
    policy's columns repeat on each of its rows, which come together: they are checked once per
    run of equal ones, and so are the rules across rows that concern the policy.

    Remembers only what those rules need (the line of each insured ID, the first line and
    fields of each policy), in a `Seen` of a few dozen bytes a key, asked once per batch for the
    batch's keys: memory stays flat in the row count. Dates and phones are parsed once per
    distinct value among the last CACHED ones or so (a family's rows come together, and share a
    phone).
    """

    today: date
    region: str = "UA"
    _id_lines: Seen = field(default_factory=Seen)
    # policy number -> `_packed_policy`, for the policies of accepted rows
    _policies: Seen = field(default_factory=Seen)
    # a date's text -> the date; a phone's text -> its E.164 form, or _NO_PHONE
    _dates: dict[str, date] = field(default_factory=dict)
    _phones: dict[str, str] = field(default_factory=dict)

    def close(self) -> None:
        self._id_lines.close()
        self._policies.close()

    def check_many(self, lines: Sequence[tuple[int, Raw]]) -> list[RegistryRow | RejectedRow]:
        """Each row checked, in order, against the rows before it (in this batch or earlier).
        The rows are all `read_rows`'s (dicts) or all `read_cells`'s (cells)."""
        if not lines:
            return []
        numbers = [line for line, _ in lines]
        raws = [raw for _, raw in lines]
        columns = _columns(raws)
        bad: set[int] = set()  # the rows a check failed on
        runs = self._runs(columns, bad)
        id_texts = _texts(columns["insured_id"], "insured_id", bad)
        raw_ids = list(map(canonical_id, id_texts))
        names = _texts(columns["full_name"], "full_name", bad)
        relations = _chosen(columns["relation"], "relation", bad)
        births = self._dated(columns["birth_date"], bad)
        known = [birth for birth in births if birth is not None]
        if known and (max(known) > self.today or min(known) < _OLDEST_BIRTH):
            bad.update(_where(births, lambda b: b and not _OLDEST_BIRTH <= b <= self.today))
        phones = self._phoned(columns["phone"], bad)
        person = (raw_ids, names, births, phones, relations)
        rows = zip(*map(runs.each_row, runs.columns), *person, strict=True)
        results: list[Any] = list(map(tuple.__new__, repeat(RegistryRow), rows))
        reasons: dict[int, list[str]] = {}
        for place in sorted(bad):  # told by the row alone, each reason in its place
            results[place] = validate_row(
                as_read(raws[place]), self.today, self.region, phones=self._phone
            )
            if isinstance(results[place], list):
                reasons[place] = list(results[place])

        new_policies: dict[str, str] = {}
        try:
            self._duplicates(raw_ids, numbers, reasons)
            self._policy_rule(runs, numbers, results, reasons, new_policies)
        finally:
            self._policies.add(new_policies.items())
            if len(self._dates) > CACHED:
                self._dates.clear()
            if len(self._phones) > CACHED:
                self._phones.clear()
        for place, told in reasons.items():
            results[place] = RejectedRow(numbers[place], mask_id(raw_ids[place]), tuple(told))
        return results

    def _runs(self, columns: dict[str, list[str]], bad: set[int]) -> _Runs:
        """The batch's runs of rows that repeat a policy's columns, each checked once (a run
        that fails a check puts its rows in `bad`)."""
        keys = list(zip(*map(columns.__getitem__, _POLICY_COLUMNS), strict=True))
        starts = list(compress(range(len(keys)), map(ne, keys, chain((None,), keys))))
        sizes = list(map(sub, chain(starts[1:], (len(keys),)), starts))
        wrong: set[int] = set()
        texts = [list(map(columns[name].__getitem__, starts)) for name in _POLICY_COLUMNS]
        numbers = list(map(canonical_id, _texts(texts[0], "policy_number", wrong)))
        programs = _texts(texts[1], "program", wrong)
        holders = _chosen(texts[2], "holder_type", wrong)
        signed, begins, ends = (self._dated(days, wrong) for days in texts[3:])
        wrong.update(
            run
            for run, (first, start, end) in enumerate(zip(signed, begins, ends, strict=True))
            if (start and end and end < start) or (first and end and first > end)
        )
        for run in wrong:
            bad.update(range(starts[run], starts[run] + sizes[run]))
        return _Runs(starts, sizes, [numbers, programs, holders, signed, begins, ends])

    def _policy_rule(
        self,
        runs: _Runs,
        numbers: list[int],
        results: list[Any],
        reasons: dict[int, list[str]],
        new_policies: dict[str, str],
    ) -> None:
        """A policy's later rows repeat the columns of its first accepted row: the reason of each
        typed row that does not; the policies new in the batch go to `new_policies`."""
        policy_numbers, *policy_fields = runs.columns
        firsts = {
            key: _unpacked_policy(str(value))
            for key, value in self._policies.many(set(policy_numbers)).items()
        }
        fields_of_runs = zip(*policy_fields, strict=True)
        each_run = zip(policy_numbers, fields_of_runs, runs.starts, runs.sizes, strict=True)
        for number, fields, start, size in each_run:
            rows = range(start, start + size)
            first = firsts.get(number)
            if first is None:  # the run's first row without a reason is the policy's first
                place: int | None = start
                if start in reasons:
                    place = next((place for place in rows if place not in reasons), None)
                if place is not None:
                    firsts[number] = (numbers[place], fields)
                    new_policies[number] = _packed_policy(numbers[place], fields)
            elif first[1] != fields:
                names = _differing(first[1], fields)
                verb = "differs" if len(names) == 1 else "differ"
                reason = f"policy {number}: {', '.join(names)} {verb} from line {first[0]}"
                for place in rows:
                    if isinstance(results[place], RegistryRow):
                        reasons.setdefault(place, []).append(reason)

    def _duplicates(
        self, raw_ids: list[str], numbers: list[int], reasons: dict[int, list[str]]
    ) -> None:
        """A duplicate insured ID's reason for each row whose ID came before (in this batch or
        earlier); each ID new to the file is remembered with its first line."""
        # each ID's first line in the batch: the last of the pairs read backwards
        firsts = dict(zip(reversed(raw_ids), reversed(numbers), strict=True))
        firsts.pop("", None)
        # remembered first, each with the line it was first seen on (in an earlier batch, or
        # this one): when all of them were new and none repeats in the batch, as in most
        # batches, no row is a duplicate and there is nothing to ask
        new = self._id_lines.add(firsts.items())
        if new == len(firsts) == len(raw_ids) - raw_ids.count(""):
            return
        first_lines = {key: int(line) for key, line in self._id_lines.many(firsts).items()}
        for place, (raw_id, line) in enumerate(zip(raw_ids, numbers, strict=True)):
            if raw_id and (first_line := first_lines[raw_id]) != line:
                reasons.setdefault(place, []).append(
                    f"duplicate insured_id, first seen on line {first_line}"
                )

    def _phone(self, text: str, _region: str) -> str | None:
        """`normalize_phone` for `validate_row` (always in this checker's region), read once per
        distinct text with the column's (`_phoned`)."""
        return self._e164(text) or None

    def _e164(self, text: str) -> str:
        """A phone's text in E.164, or _NO_PHONE: each distinct text read once."""
        found = self._phones.get(text)
        if found is None:
            found = self._phones[text] = normalize_phone(text, self.region) or _NO_PHONE
        return found

    def _dated(self, values: list[str], bad: set[int]) -> list[date | None]:
        """Each text's date (None where it is not one, and its place goes to `bad`)."""
        texts = list(map(str.strip, values))
        found: list[Any] = list(map(self._dates.get, texts))
        if None in found:
            for place in _where(found, lambda value: value is None):
                text = texts[place]
                parsed = self._dates.get(text) or (parse_date(text) if text else None)
                if parsed is None:
                    bad.add(place)
                else:
                    self._dates[text] = found[place] = parsed
        return found

    def _phoned(self, values: list[str], bad: set[int]) -> list[str | None]:
        """Each text's phone in E.164 (None for no text; a text that is no phone: its place goes
        to `bad`)."""
        texts = list(map(str.strip, values))
        found: list[Any] = list(map(self._phones.get, texts))
        if None in found:  # not read yet, or no text
            for place in _where(found, lambda value: value is None):
                found[place] = self._e164(texts[place]) if texts[place] else None
        if _NO_PHONE in found:
            bad.update(_where(found, lambda value: value == _NO_PHONE))
        return found
