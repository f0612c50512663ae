"""Outbox rows outside the deliverer's claim (see bot/services/outbox.py for the queue itself)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import Audience, Notification, NotificationKind, NotificationStatus


async def release_held(session: AsyncSession, member_id: int) -> None:
    """A member's held messages become pending again."""
    await session.execute(
        update(Notification)
        .where(
            col(Notification.member_id) == member_id,
            col(Notification.audience) == "member",
            col(Notification.status) == NotificationStatus.HELD,
        )
        .values(status=NotificationStatus.PENDING)
    )


async def staff_row_ahead(
    session: AsyncSession, notification: Notification, worker_prefix: str
) -> datetime | None:
    """When the soonest older staff row about the same member is due, if one still waits
    (set aside, or held by another process); card refreshes neither wait nor are waited for.

    A member's topic gets its messages in the order they were queued even when one of them was
    set aside for the group's budget.
    """
    ahead = await session.execute(
        select(func.min(Notification.next_attempt_at)).where(
            col(Notification.audience) == Audience.STAFF,
            col(Notification.member_id) == notification.member_id,
            col(Notification.id) < (notification.id or 0),
            col(Notification.kind) != NotificationKind.CARD_REFRESH,
            or_(
                col(Notification.status) == NotificationStatus.PENDING,
                (col(Notification.status) == NotificationStatus.SENDING)
                & ~col(Notification.claimed_by).startswith(worker_prefix, autoescape=True),
            ),
        )
    )
    return ahead.scalar_one_or_none()
