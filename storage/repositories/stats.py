"""Counts for staff's /stats."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import Notification, NotificationStatus, Request


async def _count_by(session: AsyncSession, column: Any) -> dict[str, int]:
    result = await session.execute(select(column, func.count()).group_by(column))
    return {str(name): int(count) for name, count in result.all()}


async def requests_by_status(session: AsyncSession) -> dict[str, int]:
    return await _count_by(session, col(Request.status))


async def requests_by_kind(session: AsyncSession) -> dict[str, int]:
    return await _count_by(session, col(Request.kind))


async def first_staff_actions(session: AsyncSession) -> list[tuple[datetime, datetime]]:
    """(created_at, first_staff_action_at) of every request staff have acted on."""
    pairs = await session.execute(
        select(Request.created_at, Request.first_staff_action_at).where(
            col(Request.first_staff_action_at).is_not(None)
        )
    )
    return [(created, first) for created, first in pairs.all() if first is not None]


async def failed_notifications(session: AsyncSession) -> int:
    failed = await session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.status == NotificationStatus.FAILED)
    )
    return int(failed or 0)
