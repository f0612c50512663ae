"""Reading a registry file: CSV (`,`, `;` or tab; UTF-8 with or without BOM, or UTF-16 with
BOM) or XLSX, streamed.

Rows come one at a time, so a file of any length costs the memory of one row; the header is
read (and checked) when `read_rows` is called, so a file without the right columns fails before
anything is written.

Files are hostile until read (`ReadLimits`): the file's size is checked first; a CSV's encoding,
NUL bytes and line count are checked in one pass over its bytes before a row is parsed; an XLSX's
members' unpacked sizes are summed from the zip's directory before openpyxl opens it (Python's
zipfile never unpacks a member past the size the directory declares), and openpyxl parses its XML
through defusedxml (a DTD or an entity is refused, not expanded). Rows past the cap stop the read.
"""

from __future__ import annotations

import codecs
import csv
import logging
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

log = logging.getLogger(__name__)

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
# A row as its cells: the columns' texts in their order, as read (a CSV's with their spaces)
Cells = tuple[int, tuple[str, ...]]
MB = 1024 * 1024
_CHUNK = MB
_ZIP_MEMBERS = 10_000  # an XLSX has a few dozen; a zip of millions costs time to list


@dataclass(frozen=True)
class ReadLimits:
    """What a registry file may cost: its size, its unpacked size (XLSX), its rows."""

    max_rows: int = 300_000
    max_file_bytes: int = 50 * MB
    max_unpacked_bytes: int = 256 * MB


class Problem(StrEnum):
    """Why a whole file is refused (each has its own sentence for staff)."""

    COLUMNS = "columns"  # missing or duplicated columns, an empty first line or sheet
    UNREADABLE = "unreadable"  # cannot be opened or read at all
    OLD_XLS = "old_xls"
    NOT_XLSX = "not_xlsx"
    XML_ENTITIES = "xml_entities"  # a DTD or entities: refused, never expanded
    ENCODING = "encoding"  # not UTF-8 (nor UTF-16 with a BOM), or NUL bytes
    BROKEN_CSV = "broken_csv"
    FILE_TOO_BIG = "file_too_big"
    UNPACKS_TOO_BIG = "unpacks_too_big"
    TOO_MANY_ROWS = "too_many_rows"


class RegistryFormatError(Exception):
    """The file as a whole cannot be read: unreadable, not UTF-8, required columns missing, or
    past a limit. `problem` says which; `details` carries its numbers (line, MB, rows)."""

    def __init__(
        self,
        message: str,
        missing: Sequence[str] = (),
        *,
        problem: Problem = Problem.COLUMNS,
        **details: int,
    ) -> None:
        super().__init__(message)
        self.missing = tuple(missing)
        self.problem = problem
        self.details = details


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


def _positions(cells: Sequence[object], columns: Sequence[str]) -> list[int]:
    """Where each of `columns` is in the header (names match case-insensitively)."""
    names = [_cell_text(cell).lower() for cell in cells]
    missing = [name for name in columns if name not in names]
    if missing:
        raise RegistryFormatError(f"missing column(s): {', '.join(missing)}", missing)
    duplicated = sorted({name for name in names if name in columns and names.count(name) > 1})
    if duplicated:
        raise RegistryFormatError(f"duplicated column(s): {', '.join(duplicated)}")
    return [names.index(name) for name in columns]


def _picker(
    positions: list[int], columns: Sequence[str], cells: bool
) -> Callable[[list[str]], Any]:
    """{column: text} from a row's cell texts, or (`cells`) the columns' texts in their order;
    a short row reads as blanks."""
    width = max(positions) + 1
    pick = itemgetter(*positions)

    def record(values: list[str]) -> Any:
        if len(values) < width:
            values += [""] * (width - len(values))
        return pick(values) if cells else dict(zip(columns, pick(values), strict=True))

    return record


_BOMS = (
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)


def _csv_encoding(path: Path, limits: ReadLimits) -> str:
    """The file's encoding, after one pass over its bytes: every byte decodes, no NUL byte, at
    most `max_rows` + 1 lines (records never outnumber lines). Refused before a row is read."""
    with path.open("rb") as handle:
        head = handle.read(4)
        encoding = next((name for bom, name in _BOMS if head.startswith(bom)), "utf_8")
        handle.seek(0)
        decoder = codecs.getincrementaldecoder(encoding)()
        lines = 1
        while chunk := handle.read(_CHUNK):
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                line = lines + chunk.count(b"\n", 0, exc.start)
                raise RegistryFormatError(
                    f"{path.name}: line {line} is not UTF-8 text; save the file as CSV UTF-8",
                    problem=Problem.ENCODING,
                    line=line,
                ) from None
            if "\x00" in text:
                line = lines + text.count("\n", 0, text.index("\x00"))
                raise RegistryFormatError(
                    f"{path.name}: line {line} holds a NUL byte (not a text file?)",
                    problem=Problem.ENCODING,
                    line=line,
                )
            lines += text.count("\n")
            if lines > limits.max_rows + 2:  # the header, and a last line without a newline
                raise _too_many_rows(limits)
        decoder.decode(b"", final=True)
    return encoding


def _too_many_rows(limits: ReadLimits) -> RegistryFormatError:
    return RegistryFormatError(
        f"more than {limits.max_rows} rows (REGISTRY_MAX_ROWS); split the file",
        problem=Problem.TOO_MANY_ROWS,
        limit=limits.max_rows,
    )


def _capped(rows: Iterator[Line | Cells], limits: ReadLimits) -> Iterator[Line | Cells]:
    for count, row in enumerate(rows, start=1):
        if count > limits.max_rows:
            raise _too_many_rows(limits)
        yield row


def _read_csv(
    path: Path, limits: ReadLimits, columns: Sequence[str], cells: bool
) -> Iterator[Line | Cells]:
    encoding = _csv_encoding(path, limits)
    with path.open(encoding=encoding, newline="") as handle:
        first = handle.readline()
        if not first.strip():
            raise RegistryFormatError("the file is empty or its first line is blank")
        delimiter = max(",;\t", key=first.count)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter)
        record = _picker(_positions(next(reader), columns), columns, cells)
        previous_end = reader.line_num
        for texts in reader:
            # a record starts on the line after the previous one ended (a cell may span lines)
            line, previous_end = previous_end + 1, reader.line_num
            if cells:  # as read: whoever takes them trims them (a blank line is still skipped)
                if any(map(str.strip, texts)):
                    yield line, record(texts)
                continue
            values = [text.strip() for text in texts]
            if any(values):
                yield line, record(values)


def _check_zip(path: Path, limits: ReadLimits) -> None:
    """Refuse an XLSX whose members would unpack past the limit, from the zip's directory alone."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise RegistryFormatError(
            f"{path.name} is not a readable XLSX file ({exc})", problem=Problem.NOT_XLSX
        ) from None
    unpacked = sum(member.file_size for member in members)
    if len(members) > _ZIP_MEMBERS or unpacked > limits.max_unpacked_bytes:
        raise RegistryFormatError(
            f"{path.name} unpacks to {unpacked // MB} MB, more than "
            f"{limits.max_unpacked_bytes // MB} MB (REGISTRY_MAX_UNPACKED_MB)",
            problem=Problem.UNPACKS_TOO_BIG,
            size_mb=unpacked // MB,
            limit_mb=limits.max_unpacked_bytes // MB,
        )


def load_workbook(path: Path) -> Workbook:
    """openpyxl's read-only pass over `path`.

    openpyxl (and numpy, which it imports when installed: about 20 MB together) is imported
    here, at the first XLSX, not when the bot starts (docs/performance.md, "Memory")."""
    import openpyxl.xml
    from openpyxl import load_workbook as open_workbook

    # openpyxl picks defusedxml when it is installed, unless OPENPYXL_DEFUSEDXML says otherwise:
    # an XLSX with entities must never be parsed by a parser that expands them.
    if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover (an environment that turned it off)
        raise ImportError("openpyxl must parse through defusedxml (unset OPENPYXL_DEFUSEDXML)")
    return open_workbook(path, read_only=True, data_only=True)


def _read_xlsx(
    path: Path, limits: ReadLimits, columns: Sequence[str], cells: bool
) -> Iterator[Line | Cells]:
    _check_zip(path, limits)
    workbook = load_workbook(path)
    try:
        rows = workbook.worksheets[0].iter_rows(min_row=1, values_only=True)
        first = next(rows, None)
        if first is None:
            raise RegistryFormatError("the first sheet is empty")
        record = _picker(_positions(first, columns), columns, cells)
        for line, row in enumerate(rows, start=2):
            values = [_cell_text(cell) for cell in row]
            if any(values):
                yield line, record(values)
    finally:
        workbook.close()


# What openpyxl and zipfile raise on a file that is not what it claims to be (hostile or broken),
# with openpyxl's own InvalidFileException (`_xlsx_errors`).
_XLSX_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    ParseError,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
)


def _xlsx_errors() -> tuple[type[Exception], ...]:
    from openpyxl.utils.exceptions import InvalidFileException

    return (*_XLSX_ERRORS, InvalidFileException)


def _defused(exc: BaseException | None) -> DefusedXmlException | None:
    """defusedxml's refusal in an exception's chain of causes, if it is there."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def _translated(path: Path, rows: Iterator[Line | Cells]) -> Iterator[Line | Cells]:
    try:
        yield from rows
    except RegistryFormatError:
        raise
    except UnicodeDecodeError as exc:
        raise RegistryFormatError(
            f"{path.name} is not UTF-8 text ({exc.reason})", problem=Problem.ENCODING
        ) from None
    except csv.Error as exc:
        raise RegistryFormatError(
            f"{path.name}: broken CSV ({exc})", problem=Problem.BROKEN_CSV
        ) from None
    except OSError as exc:
        raise RegistryFormatError(
            f"cannot read {path}: {exc.strerror or exc}", problem=Problem.UNREADABLE
        ) from None
    except Exception as exc:
        # only an XLSX's reading is refused here (openpyxl is loaded by then: `load_workbook`)
        if path.suffix.lower() not in _READERS or not isinstance(exc, _xlsx_errors()):
            raise
        refused = _defused(exc)
        if refused is not None:  # openpyxl wraps it in a ValueError of its own
            raise RegistryFormatError(
                f"{path.name} declares XML entities or a DTD ({type(refused).__name__}); "
                "refused unread",
                problem=Problem.XML_ENTITIES,
            ) from None
        # the exception's text may quote the file: only its type goes to the log
        log.warning("registry file refused: %s", type(exc).__name__)
        raise RegistryFormatError(
            f"{path.name} is not a readable XLSX file ({type(exc).__name__})",
            problem=Problem.NOT_XLSX,
        ) from None


XLSX_SUFFIXES = (".xlsx", ".xlsm")
_READERS: dict[str, Callable[[Path, ReadLimits, Sequence[str], bool], Iterator[Line | Cells]]] = (
    dict.fromkeys(XLSX_SUFFIXES, _read_xlsx)
)


def read_rows(
    path: Path, limits: ReadLimits | None = None, columns: Sequence[str] = COLUMNS
) -> Iterator[Line]:
    """(line number, row) from a CSV or XLSX registry, one row at a time.

    `columns` are the ones the file must have (the registry's by default; the clinic directory
    reads its own through the same limits and checks).

    The header is line 1. Column names match case-insensitively; unknown columns are ignored,
    blank lines skipped, each text trimmed. The file's size, encoding (CSV) or unpacked size
    (XLSX) and the header are checked now (RegistryFormatError for anything that stops the whole
    file); a broken row further on, or a row past `limits.max_rows`, raises it while the rows are
    read.
    """
    return cast(Iterator[Line], _read(path, limits or ReadLimits(), columns, cells=False))


def read_cells(path: Path, limits: ReadLimits | None = None) -> Iterator[Cells]:
    """`read_rows` of a registry, each row as its columns' texts in COLUMNS' order, not trimmed
    (a CSV's): for a reader that trims as it checks (`rows.RowChecker`), a dict a row and a
    trim a cell less."""
    return cast(Iterator[Cells], _read(path, limits or ReadLimits(), COLUMNS, cells=True))


def _read(
    path: Path, limits: ReadLimits, columns: Sequence[str], cells: bool
) -> Iterator[Line | Cells]:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RegistryFormatError(
            "old .xls files are not supported; save as .xlsx or .csv", problem=Problem.OLD_XLS
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RegistryFormatError(
            f"cannot read {path}: {exc.strerror or exc}", problem=Problem.UNREADABLE
        ) from None
    if size > limits.max_file_bytes:
        raise RegistryFormatError(
            f"{path.name} is {size // MB} MB, more than {limits.max_file_bytes // MB} MB "
            "(REGISTRY_MAX_FILE_MB)",
            problem=Problem.FILE_TOO_BIG,
            size_mb=size // MB,
            limit_mb=limits.max_file_bytes // MB,
        )
    reader = _READERS.get(suffix, _read_csv)
    rows = _translated(path, _capped(reader(path, limits, columns, cells), limits))
    first = next(rows, None)
    return iter(()) if first is None else chain((first,), rows)
