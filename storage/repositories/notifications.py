"""Outbox rows outside the deliverer's claim (see bot/services/outbox.py for the queue itself)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from storage.models import Notification, NotificationStatus


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
