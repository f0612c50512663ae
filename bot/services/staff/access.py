"""Owners add, remove and list staff (`/staff add|remove|list`), each change audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.staff.audit import audit
from storage.repositories import staff as staff_repo


@dataclass(frozen=True)
class StaffList:
    """Who may act as staff in the admin chat, and why (`/staff list`)."""

    owners: list[int]  # OWNER_IDS
    configured: list[int]  # STAFF_IDS
    added: list[tuple[int, int, datetime]]  # (id, added by, when), by /staff add
    everyone: bool  # STAFF_ALL_ADMIN_CHAT


async def staff_list(
    session: AsyncSession, owners: frozenset[int], configured: list[int], everyone: bool
) -> StaffList:
    added = [(s.telegram_id, s.added_by, s.added_at) for s in await staff_repo.listed(session)]
    return StaffList(sorted(owners), sorted(set(configured)), added, everyone)


async def add_staff(session: AsyncSession, telegram_id: int, owner_id: int, now: datetime) -> bool:
    """Make `telegram_id` staff; False when they already were (nothing audited then)."""
    added = await staff_repo.add(session, telegram_id, owner_id, now)
    if added:
        await audit(session, owner_id, "staff_add", now, target=str(telegram_id))
    return added


async def remove_staff(
    session: AsyncSession, telegram_id: int, owner_id: int, now: datetime
) -> bool:
    """Take `telegram_id` off the staff list; False when they were not on it."""
    removed = await staff_repo.remove(session, telegram_id)
    if removed:
        await audit(session, owner_id, "staff_remove", now, target=str(telegram_id))
    return removed
