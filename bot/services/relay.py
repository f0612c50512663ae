"""Messages between a member and staff: which member an admin-chat message is for, and the relay."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.notifications import StaffCopy
from storage.models import RelayDirection, RelayLink
from storage.repositories import members as members_repo
from storage.repositories import relay as relay_repo


@dataclass(frozen=True)
class RelayTarget:
    member_id: int
    request_id: int | None
    unreachable: bool


async def member_for_admin_message(
    session: AsyncSession, chat_id: int, thread_id: int | None, reply_to_message_id: int | None
) -> RelayTarget | None:
    """The member behind a topic, or behind the admin message being replied to."""
    request_id = None
    member_id = None
    if reply_to_message_id is not None:
        link = await relay_repo.link_for(session, chat_id, reply_to_message_id)
        if link is not None:
            member_id, request_id = link.member_id, link.request_id
    if member_id is None and thread_id is not None:
        topic = await relay_repo.topic_by_thread(session, chat_id, thread_id)
        member_id = topic.member_id if topic else None
    if member_id is None:
        return None
    member = await members_repo.get(session, member_id)
    if member is None:
        return None
    return RelayTarget(member_id, request_id, member.unreachable_since is not None)


async def to_member(
    session: AsyncSession, target: RelayTarget, chat_id: int, message_id: int, now: datetime
) -> None:
    """Queue a copy of a staff message for the member (copied, so staff names stay hidden)."""
    session.add(
        RelayLink(
            admin_chat_id=chat_id,
            admin_message_id=message_id,
            member_id=target.member_id,
            request_id=target.request_id,
            direction=RelayDirection.TO_MEMBER,
            created_at=now,
        )
    )
    await outbox.enqueue(
        session,
        StaffCopy(from_chat_id=chat_id, message_id=message_id),
        dedup_key=f"copy:{chat_id}:{message_id}",
        member_id=target.member_id,
        request_id=target.request_id,
        now=now,
    )


async def remember(
    session: AsyncSession,
    chat_id: int,
    message_id: int,
    member_id: int,
    request_id: int | None,
    now: datetime,
) -> None:
    """An admin-chat message the bot posted for a member, so staff can reply to it."""
    session.add(
        RelayLink(
            admin_chat_id=chat_id,
            admin_message_id=message_id,
            member_id=member_id,
            request_id=request_id,
            direction=RelayDirection.TO_STAFF,
            created_at=now,
        )
    )


async def last_admin_message(session: AsyncSession, chat_id: int, member_id: int) -> int | None:
    """The newest admin-chat message about a member (to thread by reply in a plain group)."""
    return await relay_repo.last_admin_message(session, chat_id, member_id)
