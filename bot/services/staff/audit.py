"""The audit log: every staff action and every view of personal data leaves a row."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry

TARGET_LENGTH = 128  # audit_log.target


async def audit(
    session: AsyncSession,
    staff_id: int,
    action: str,
    now: datetime,
    target: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Add an audit row to the caller's transaction (stored with the action it records)."""
    session.add(
        AuditEntry(
            staff_telegram_id=staff_id,
            action=action,
            target=target,
            details=details,
            created_at=now,
        )
    )
