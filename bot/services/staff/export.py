"""Staff's /export FROM TO: the requests of a date range as an XLSX for the insurer's back office.

No documents; personal data masked as on the staff card (phones masked, insured IDs not given).
Every text cell is written as a string with Excel's quote prefix, so a value that begins like a
formula (`=`, `+`, `-`, `@`, a tab or CR: registry and member text can) is never run as one.
The export is audited."""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.phones import mask_phone
from bot.services.staff.audit import audit
from storage.models import InsuredPerson, Member, Policy, Request, RequestRating
from storage.repositories import stats as stats_repo

MAX_DAYS = 366
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "number", "created", "kind", "status", "member", "phone", "language", "policy", "program",
    "holder", "relation", "assignee", "first_action", "done", "rating", "rating_comment",
    "details",
)  # fmt: skip


class ExportRangeError(ValueError):
    """FROM after TO, or a range longer than MAX_DAYS."""


@dataclass(frozen=True)
class Export:
    data: bytes
    rows: int
    file_name: str


def _masked_details(details: dict[str, Any]) -> str:
    parts = []
    for key, value in details.items():
        if value in (None, "", [], {}):
            continue
        shown = mask_phone(str(value)) if key == "phone" else value
        parts.append(f"{key}: {shown}")
    return "\n".join(parts)


def _local(value: datetime | None, zone: tzinfo) -> datetime | None:
    # Excel keeps no time zone: the insurer's local time, as staff read it
    return value.astimezone(zone).replace(tzinfo=None) if value is not None else None


def write_cell(sheet: Any, row: int, column: int, value: Any) -> None:
    """One cell; text is forced to string type with the quote prefix (never a formula)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"


def _values(
    request: Request,
    done_at: datetime | None,
    rating: RequestRating | None,
    people: tuple[Member, InsuredPerson | None, Policy | None],
    zone: tzinfo,
) -> list[Any]:
    member, person, policy = people
    return [
        request.number,
        _local(request.created_at, zone),
        str(request.kind),
        str(request.status),
        member.full_name or f"#{member.id}",
        mask_phone(member.phone) if member.phone else "",
        member.language or "",
        policy.number if policy else "",
        policy.program if policy else "",
        person.full_name if person else "",
        str(person.relation) if person else "",
        request.assignee_name or "",
        _local(request.first_staff_action_at, zone),
        _local(done_at, zone),
        rating.score if rating else None,
        (rating.comment or "") if rating else "",
        _masked_details(request.details),
    ]


def _workbook(headers: list[str], table: list[list[Any]]) -> bytes:
    # openpyxl (with numpy when installed, ~20 MB) loads at the first export, not at start-up
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "requests"
    for line, values in enumerate([headers, *table], start=1):
        for column, value in enumerate(values, start=1):
            write_cell(sheet, line, column, value)
    for column in range(1, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 18
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def export(
    session: AsyncSession,
    first: date,
    last: date,
    zone: tzinfo,
    staff_id: int,
    now: datetime,
    headers: dict[str, str],
) -> Export:
    """Requests created from `first` to `last` (inclusive, days in `zone`); audited as "export".

    `headers`: the column titles in the staff language, by the names in COLUMNS."""
    if last < first or (last - first).days >= MAX_DAYS:
        raise ExportRangeError(first, last)
    since = datetime.combine(first, time(), zone)
    until = datetime.combine(last + timedelta(days=1), time(), zone)
    rows = await stats_repo.request_rows(session, since, until)
    people = await stats_repo.export_people(session, [r.id or 0 for r, _, _ in rows])
    table = [
        _values(request, done_at, rating, people[request.id or 0], zone)
        for request, done_at, rating in rows
    ]
    # building the file is CPU work: off the event loop
    data = await asyncio.to_thread(_workbook, [headers.get(n, n) for n in COLUMNS], table)
    await audit(
        session,
        staff_id,
        "export",
        now,
        f"{first.isoformat()}..{last.isoformat()}",
        {"rows": len(rows)},
    )
    name = "_".join(("requests", first.isoformat(), last.isoformat())) + ".xlsx"
    return Export(data, len(rows), name)
