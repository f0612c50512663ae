"""Support tickets ("card not found")."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import SupportTicket, TicketKind, TicketStatus


async def open_of(session: AsyncSession, member_id: int, kind: TicketKind) -> list[SupportTicket]:
    """The member's open tickets of this kind, oldest first."""
    rows = await session.execute(
        select(SupportTicket)
        .where(
            SupportTicket.member_id == member_id,
            SupportTicket.kind == kind,
            SupportTicket.status == TicketStatus.OPEN,
        )
        .order_by(col(SupportTicket.id))
    )
    return list(rows.scalars())
