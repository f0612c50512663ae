"""Which member an admin-chat message is about: relay links and topics by their Telegram ids."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import AdminTopic, RelayLink


async def link_for(session: AsyncSession, chat_id: int, message_id: int) -> RelayLink | None:
    result = await session.execute(
        select(RelayLink).where(
            RelayLink.admin_chat_id == chat_id, RelayLink.admin_message_id == message_id
        )
    )
    return result.scalar_one_or_none()


async def topic_by_thread(session: AsyncSession, chat_id: int, thread_id: int) -> AdminTopic | None:
    result = await session.execute(
        select(AdminTopic).where(AdminTopic.chat_id == chat_id, AdminTopic.thread_id == thread_id)
    )
    return result.scalar_one_or_none()


async def topic_of_member(session: AsyncSession, member_id: int, chat_id: int) -> AdminTopic | None:
    result = await session.execute(
        select(AdminTopic).where(AdminTopic.member_id == member_id, AdminTopic.chat_id == chat_id)
    )
    return result.scalar_one_or_none()


async def last_admin_message(session: AsyncSession, chat_id: int, member_id: int) -> int | None:
    row = (
        await session.execute(
            select(RelayLink.admin_message_id)
            .where(RelayLink.admin_chat_id == chat_id, RelayLink.member_id == member_id)
            .order_by(col(RelayLink.id).desc())
            .limit(1)
        )
    ).first()
    return row[0] if row else None
