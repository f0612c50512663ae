"""Owners add and remove staff (`/staff add|remove`), each change written to the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.staff.audit import audit
from storage.repositories import staff as staff_repo


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
