"""One admin-chat topic per member, created exactly once even when events race."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AdminTopic, Member
from storage.repositories import relay as relay_repo

TITLE_MAX = 128


def topic_title(member: Member) -> str:
    """The member's name and a short id, e.g. "Olena Kovalenko · #42"."""
    name = member.full_name or f"Member {member.telegram_id}"
    suffix = f" · #{member.id}"
    return name[: TITLE_MAX - len(suffix)] + suffix


async def get(session: AsyncSession, member_id: int) -> AdminTopic | None:
    return await relay_repo.topic_of_member(session, member_id)


async def reserve(
    session: AsyncSession, member: Member, chat_id: int, now: datetime
) -> tuple[AdminTopic, bool]:
    """The member's topic row and whether this caller created it (and so must create the topic).

    The unique member_id decides the race: the loser gets the winner's row, whose thread_id
    stays None until the winner has created the topic.
    """
    assert member.id is not None
    existing = await get(session, member.id)
    if existing is not None:
        return existing, False
    topic = AdminTopic(
        member_id=member.id, chat_id=chat_id, title=topic_title(member), created_at=now
    )
    try:
        async with session.begin_nested():
            session.add(topic)
    except IntegrityError:
        found = await get(session, member.id)
        assert found is not None
        return found, False
    return topic, True


async def set_thread(session: AsyncSession, topic: AdminTopic, thread_id: int | None) -> None:
    topic.thread_id = thread_id
    session.add(topic)
    await session.flush()


async def forget(session: AsyncSession, topic: AdminTopic) -> None:
    """Staff deleted the topic: drop the row so the next event creates a new one."""
    await session.delete(topic)
    await session.flush()
