"""What /healthz and /metrics read from the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import Notification, NotificationStatus
from storage.repositories.stats import _count_by


async def schema_revision(session: AsyncSession) -> str | None:
    """The Alembic revision the database is at (None before the first migration)."""
    try:
        return await session.scalar(text("SELECT version_num FROM alembic_version"))
    except Exception:  # no table yet: not migrated
        return None


async def notifications_by_status(session: AsyncSession) -> dict[str, int]:
    return await _count_by(session, col(Notification.status))


async def oldest_waiting(session: AsyncSession) -> datetime | None:
    """When the oldest notification still to be sent (pending or being sent) was queued."""
    waiting = (NotificationStatus.PENDING, NotificationStatus.SENDING)
    return await session.scalar(
        select(func.min(Notification.created_at)).where(col(Notification.status).in_(waiting))
    )
