"""Staff added by owners (`staff_members`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import StaffMember


async def is_listed(session: AsyncSession, telegram_id: int) -> bool:
    found = await session.scalar(
        select(StaffMember.telegram_id).where(col(StaffMember.telegram_id) == telegram_id)
    )
    return found is not None


async def listed(session: AsyncSession) -> list[StaffMember]:
    """Everyone owners added, the earliest first."""
    rows = await session.execute(
        select(StaffMember).order_by(col(StaffMember.added_at), col(StaffMember.telegram_id))
    )
    return list(rows.scalars())


async def add(session: AsyncSession, telegram_id: int, added_by: int, now: datetime) -> bool:
    """Add a staff member; False when they already were (two owners at once: the key decides)."""
    if await is_listed(session, telegram_id):
        return False
    try:
        async with session.begin_nested():
            session.add(StaffMember(telegram_id=telegram_id, added_by=added_by, added_at=now))
    except IntegrityError:
        return False
    return True


async def remove(session: AsyncSession, telegram_id: int) -> bool:
    """Remove a staff member; False when they were not one."""
    result = await session.execute(
        delete(StaffMember).where(col(StaffMember.telegram_id) == telegram_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
