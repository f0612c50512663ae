"""Outbox rows outside the deliverer's claim (see bot/services/outbox.py for the queue itself)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import (
    Audience,
    Member,
    Notification,
    NotificationKind,
    NotificationStatus,
    Request,
)


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


# --- the deliverer's reads of the rows it claimed (issue 14: fewer statements per row) -----


async def member_chats(session: AsyncSession, ids: list[int]) -> dict[int, int]:
    """The Telegram chat of each member row among `ids` (row id -> chat id), in one query."""
    rows = await session.execute(
        select(Notification.id, Member.telegram_id)
        .join(Member, col(Member.id) == col(Notification.member_id))
        .where(col(Notification.id).in_(ids), col(Notification.audience) == Audience.MEMBER)
    )
    return {row_id: chat_id for row_id, chat_id in rows.all() if row_id is not None}


async def claimed_row(session: AsyncSession, notification_id: int) -> Notification | None:
    """The row while it is being sent (status `sending`), read with its member and request in
    one statement: they are in the session afterwards, so `session.get` of them is free."""
    found = (
        await session.execute(
            select(Notification, Member, Request)
            .outerjoin(Member, col(Member.id) == col(Notification.member_id))
            .outerjoin(Request, col(Request.id) == col(Notification.request_id))
            .where(
                col(Notification.id) == notification_id,
                col(Notification.status) == NotificationStatus.SENDING,
            )
        )
    ).first()
    if found is None:
        return None
    # the session's identity map holds objects weakly: kept here for the session's life
    session.info.setdefault("loaded_with_rows", []).append(tuple(found))
    return found[0]


async def claimed_by(session: AsyncSession, notification_id: int) -> str | None:
    """Who holds the row while it is being sent (None: not being sent), read without loading
    the row (whose stored kind may be one this version no longer knows)."""
    found = await session.execute(
        select(col(Notification.claimed_by)).where(
            col(Notification.id) == notification_id,
            col(Notification.status) == NotificationStatus.SENDING,
        )
    )
    return found.scalar_one_or_none()


async def sent_as(
    session: AsyncSession, member_id: int, message_id: int
) -> tuple[NotificationKind, int | None] | None:
    """What a message the bot sent in the member's chat was (the outbox row that sent it): its
    kind and the request it was about; None when the outbox did not send it."""
    query = (
        select(col(Notification.kind), col(Notification.request_id))
        .where(
            col(Notification.member_id) == member_id,
            col(Notification.audience) == Audience.MEMBER,
            col(Notification.sent_message_id) == message_id,
        )
        .limit(1)
    )
    row = (await session.execute(query)).first()
    return (NotificationKind(row[0]), row[1]) if row is not None else None


async def queued_since(
    session: AsyncSession, member_id: int, kinds: Sequence[NotificationKind], since: datetime
) -> bool:
    """Whether a notification of one of `kinds` about the member was queued at `since` or
    later: staff wrote to them (a line of the topic copied, a canned reply), or they wrote to
    support."""
    found = await session.execute(
        select(Notification.id)
        .where(
            Notification.member_id == member_id,
            col(Notification.kind).in_(list(kinds)),
            Notification.created_at >= since,
        )
        .limit(1)
    )
    return found.first() is not None


async def told_since(
    session: AsyncSession, request_id: int, kind: NotificationKind, since: datetime
) -> bool:
    """Whether a notification of `kind` about `request_id` was queued at `since` or later."""
    found = await session.execute(
        select(Notification.id)
        .where(
            Notification.request_id == request_id,
            Notification.kind == kind,
            Notification.created_at >= since,
        )
        .limit(1)
    )
    return found.first() is not None


async def last_sent(session: AsyncSession, request_id: int, kind: NotificationKind) -> int | None:
    """The message the newest row of `kind` about `request_id` sent (its Telegram id), or None
    when none was sent."""
    query = (
        select(col(Notification.sent_message_id))
        .where(
            col(Notification.request_id) == request_id,
            col(Notification.kind) == kind,
            col(Notification.sent_message_id).is_not(None),
        )
        .order_by(col(Notification.id).desc())
        .limit(1)
    )
    return (await session.execute(query)).scalar_one_or_none()
