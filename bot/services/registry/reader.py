"""Reading a registry file: CSV (`,`, `;` or tab, UTF-8 with or without BOM) or XLSX, streamed.

Rows come one at a time, so a file of any length costs the memory of one row; the header is
read (and checked) when `read_rows` is called, so a file without the right columns fails before
anything is written.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from itertools import chain
from operator import itemgetter
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

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

Line = tuple[int, dict[str, str]]


class RegistryFormatError(Exception):
    """The file as a whole cannot be read: unreadable, not UTF-8, or required columns missing."""

    def __init__(self, message: str, missing: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.missing = tuple(missing)


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


def _positions(cells: Sequence[object]) -> list[int]:
    """Where each of COLUMNS is in the header (names match case-insensitively)."""
    names = [_cell_text(cell).lower() for cell in cells]
    missing = [name for name in COLUMNS if name not in names]
    if missing:
        raise RegistryFormatError(f"missing column(s): {', '.join(missing)}", missing)
    duplicated = sorted({name for name in names if name in COLUMNS and names.count(name) > 1})
    if duplicated:
        raise RegistryFormatError(f"duplicated column(s): {', '.join(duplicated)}")
    return [names.index(name) for name in COLUMNS]


def _picker(positions: list[int]) -> Callable[[list[str]], dict[str, str]]:
    """{column: text} from a row's cell texts; a short row reads as blanks."""
    width = max(positions) + 1
    pick = itemgetter(*positions)

    def record(values: list[str]) -> dict[str, str]:
        if len(values) < width:
            values += [""] * (width - len(values))
        return dict(zip(COLUMNS, pick(values), strict=True))

    return record


def _read_csv(path: Path) -> Iterator[Line]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        if not first.strip():
            raise RegistryFormatError("the file is empty or its first line is blank")
        delimiter = max(",;\t", key=first.count)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        record = _picker(_positions(next(reader)))
        previous_end = reader.line_num
        for cells in reader:
            # a record starts on the line after the previous one ended (a cell may span lines)
            line, previous_end = previous_end + 1, reader.line_num
            values = [cell.strip() for cell in cells]
            if any(values):
                yield line, record(values)


def _read_xlsx(path: Path) -> Iterator[Line]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError) as exc:
        raise RegistryFormatError(f"{path.name} is not a readable XLSX file ({exc})") from None
    try:
        rows = workbook.worksheets[0].iter_rows(min_row=1, values_only=True)
        first = next(rows, None)
        if first is None:
            raise RegistryFormatError("the first sheet is empty")
        record = _picker(_positions(first))
        for line, cells in enumerate(rows, start=2):
            values = [_cell_text(cell) for cell in cells]
            if any(values):
                yield line, record(values)
    finally:
        workbook.close()


def _translated(path: Path, rows: Iterator[Line]) -> Iterator[Line]:
    try:
        yield from rows
    except UnicodeDecodeError as exc:
        raise RegistryFormatError(f"{path.name} is not UTF-8 text ({exc.reason})") from None
    except csv.Error as exc:
        raise RegistryFormatError(f"{path.name}: broken CSV ({exc})") from None
    except OSError as exc:
        raise RegistryFormatError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_rows(path: Path) -> Iterator[Line]:
    """(line number, row) from a CSV or XLSX registry, one row at a time.

    The header is line 1. Column names match case-insensitively; unknown columns are ignored,
    blank lines skipped. The header is checked now (RegistryFormatError for anything that
    stops the whole file); a broken row further on raises it while the rows are read.
    """
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RegistryFormatError("old .xls files are not supported; save as .xlsx or .csv")
    reader = _read_xlsx if suffix in {".xlsx", ".xlsm"} else _read_csv
    rows = _translated(path, reader(path))
    first = next(rows, None)
    return iter(()) if first is None else chain((first,), rows)
