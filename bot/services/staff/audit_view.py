"""The audit as the insurer reads it: `/audit member 42 | request R-000042 | staff 123456` in
the admin chat (owners only), and the same entries as an XLSX workbook."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.services.privacy.erase import member_target
from storage.models import AuditEntry, request_number
from storage.repositories import privacy as privacy_repo
from storage.sql import MAX_ROW_ID

SHOWN = 30  # entries listed in the chat; the workbook has them all (up to EXPORTED)
EXPORTED = 10_000
# a spreadsheet takes a cell starting with one of these for a formula (CSV/XLSX injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class AuditScope(StrEnum):
    MEMBER = "member"
    REQUEST = "request"
    STAFF = "staff"


class AuditQueryError(ValueError):
    """Not of the form `member <id>`, `request <number>` or `staff <telegram id>`."""


@dataclass(frozen=True)
class AuditView:
    scope: AuditScope
    subject: str
    entries: list[AuditEntry]  # newest first, all of them (up to EXPORTED)
    total: int


def parse(query: str) -> tuple[AuditScope, int]:
    match = re.fullmatch(r"\s*(\w+)\s+(?:R-|#)?0*(\d{1,18})\s*", query, re.IGNORECASE)
    if match is None:
        raise AuditQueryError(query)
    try:
        scope = AuditScope(match.group(1).lower())
    except ValueError:
        raise AuditQueryError(query) from None
    return scope, int(match.group(2))


async def view(session: AsyncSession, query: str) -> AuditView:
    """Entries about a member (their requests and their own actions, e.g. an erase), about one
    request, or made by one staff member."""
    scope, number = parse(query)
    where: Any
    if scope is AuditScope.STAFF:
        subject = str(number)
        where = col(AuditEntry.staff_telegram_id) == number
    elif scope is AuditScope.REQUEST:
        subject = request_number(number)
        where = col(AuditEntry.target) == subject
    else:
        subject = member_target(number)
        requests = await privacy_repo.requests_of(session, number) if number <= MAX_ROW_ID else []
        numbers = [r.number for r in requests]
        where = col(AuditEntry.target).in_([subject, *numbers])
    entries = await privacy_repo.audit_where(session, where, limit=EXPORTED)
    return AuditView(scope, subject, entries, await privacy_repo.count_audit(session, where))


def safe_cell(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula is kept as text (a leading quote)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def details_text(entry: AuditEntry) -> str:
    return json.dumps(entry.details, ensure_ascii=False, sort_keys=True) if entry.details else ""


def workbook(result: AuditView) -> bytes:
    """The entries as an XLSX sheet: time (UTC), staff id, action, target, details."""
    from openpyxl import Workbook  # loaded here, not at start-up (docs/performance.md)

    book = Workbook(write_only=True)
    sheet = book.create_sheet("audit")
    sheet.append(["time_utc", "staff_telegram_id", "action", "target", "details"])
    for e in result.entries:
        row = [e.created_at.strftime("%Y-%m-%d %H:%M:%S"), e.staff_telegram_id, e.action]
        sheet.append([safe_cell(v) for v in [*row, e.target or "", details_text(e)]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
