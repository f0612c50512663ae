"""Helpdesk data: internal notes, canned reply templates, ratings, and what an edit must find."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import (
    Notification,
    NotificationKind,
    NotificationStatus,
    RelayDirection,
    RelayLink,
    ReplyTemplate,
    Request,
    RequestRating,
    RequestStatus,
    StaffNote,
)


async def note_by_message(session: AsyncSession, chat_id: int, message_id: int) -> StaffNote | None:
    result = await session.execute(
        select(StaffNote).where(
            StaffNote.admin_chat_id == chat_id, StaffNote.admin_message_id == message_id
        )
    )
    return result.scalar_one_or_none()


async def notes_of_member(session: AsyncSession, member_id: int) -> list[StaffNote]:
    result = await session.execute(
        select(StaffNote).where(StaffNote.member_id == member_id).order_by(col(StaffNote.id))
    )
    return list(result.scalars())


async def templates(session: AsyncSession) -> list[ReplyTemplate]:
    result = await session.execute(
        select(ReplyTemplate).order_by(col(ReplyTemplate.name), col(ReplyTemplate.language))
    )
    return list(result.scalars())


async def templates_named(session: AsyncSession, name: str) -> list[ReplyTemplate]:
    result = await session.execute(select(ReplyTemplate).where(ReplyTemplate.name == name))
    return list(result.scalars())


async def delete_templates(session: AsyncSession, name: str, language: str | None) -> int:
    query = delete(ReplyTemplate).where(col(ReplyTemplate.name) == name)
    if language is not None:
        query = query.where(col(ReplyTemplate.language) == language)
    result = await session.execute(query)
    return int(getattr(result, "rowcount", 0) or 0)


async def latest_open_request(session: AsyncSession, member_id: int) -> Request | None:
    """The member's newest request not yet finished (what a canned reply is about)."""
    result = await session.execute(
        select(Request)
        .where(
            Request.member_id == member_id,
            col(Request.status).in_(
                [RequestStatus.NEW, RequestStatus.IN_PROGRESS, RequestStatus.NEED_INFO]
            ),
        )
        .order_by(col(Request.id).desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def rating_of(session: AsyncSession, request_id: int) -> RequestRating | None:
    result = await session.execute(
        select(RequestRating).where(RequestRating.request_id == request_id)
    )
    return result.scalar_one_or_none()


async def rating_by_prompt(
    session: AsyncSession, member_id: int, prompt_message_id: int
) -> RequestRating | None:
    result = await session.execute(
        select(RequestRating).where(
            RequestRating.member_id == member_id,
            RequestRating.prompt_message_id == prompt_message_id,
        )
    )
    return result.scalar_one_or_none()


async def rating_awaiting_comment(
    session: AsyncSession, member_id: int, since: datetime
) -> RequestRating | None:
    """The member's latest rating whose "write a comment" prompt went out with no comment yet,
    scored or changed at `since` or later."""
    result = await session.execute(
        select(RequestRating)
        .where(
            RequestRating.member_id == member_id,
            col(RequestRating.prompt_message_id).is_not(None),
            col(RequestRating.comment).is_(None),
            col(RequestRating.updated_at) >= since,
        )
        .order_by(col(RequestRating.updated_at).desc(), col(RequestRating.id).desc())
        .limit(1)
    )
    return result.scalar_one_or_none()


async def unrated_done(
    session: AsyncSession, member_id: int, since: datetime, limit: int
) -> list[int]:
    """Up to `limit` of the member's requests done (last changed) at `since` or later that
    have no rating yet, newest first."""
    result = await session.execute(
        select(Request.id)
        .outerjoin(RequestRating, col(RequestRating.request_id) == col(Request.id))
        .where(
            Request.member_id == member_id,
            Request.status == RequestStatus.DONE,
            col(Request.updated_at) >= since,
            col(RequestRating.id).is_(None),
        )
        .order_by(col(Request.id).desc())
        .limit(limit)
    )
    return [request_id for request_id in result.scalars() if request_id is not None]


async def notification_by_key(session: AsyncSession, dedup_key: str) -> Notification | None:
    result = await session.execute(select(Notification).where(Notification.dedup_key == dedup_key))
    return result.scalar_one_or_none()


async def sent_copy(session: AsyncSession, chat_id: int, message_id: int) -> Notification | None:
    """The outbox row that copied staff message `message_id` to the member (see relay.to_member)."""
    return await notification_by_key(session, f"copy:{chat_id}:{message_id}")


async def topic_copies(
    session: AsyncSession, member_id: int, member_message_id: int
) -> list[RelayLink]:
    """The admin-chat messages that carry one member message, oldest first."""
    result = await session.execute(
        select(RelayLink)
        .where(
            RelayLink.member_id == member_id,
            RelayLink.member_message_id == member_message_id,
            RelayLink.direction == RelayDirection.TO_STAFF,
        )
        .order_by(col(RelayLink.id))
    )
    return list(result.scalars())


async def pending_member_messages(session: AsyncSession, member_id: int) -> list[Notification]:
    """The member's messages to staff still waiting in the outbox (pending or held), oldest
    first: a "My requests → Reply" row is keyed by its request event, so an edit of the
    member's Telegram message finds it by the id its payload carries."""
    result = await session.execute(
        select(Notification)
        .where(
            Notification.member_id == member_id,
            Notification.kind == NotificationKind.MEMBER_MESSAGE,
            col(Notification.status).in_([NotificationStatus.PENDING, NotificationStatus.HELD]),
        )
        .order_by(col(Notification.id))
    )
    return list(result.scalars())


async def pending_member_message(session: AsyncSession, dedup_key: str) -> Notification | None:
    """A member message still waiting in the outbox (an edit then only changes its payload)."""
    row = await notification_by_key(session, dedup_key)
    if row is None or row.status not in (NotificationStatus.PENDING, NotificationStatus.HELD):
        return None
    return row
