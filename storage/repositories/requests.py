"""Requests, their history and documents."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, update
from sqlalchemy import select as core_select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.driver_lane import select_rows
from storage.models import (
    ActorKind,
    Request,
    RequestDocument,
    RequestEvent,
    RequestKind,
    RequestStatus,
)

_requests = Request.__table__  # type: ignore[attr-defined]


async def add(session: AsyncSession, request: Request) -> Request:
    session.add(request)
    await session.flush()
    return request


async def by_submission(session: AsyncSession, member_id: int, token: str) -> Request | None:
    """The request a member sent from the draft named `token`, if any."""
    query = select(Request).where(Request.member_id == member_id, Request.submission_token == token)
    return (await session.execute(query)).scalar_one_or_none()


async def open_of_kind(
    session: AsyncSession,
    member_id: int,
    card_id: int,
    kind: RequestKind,
    statuses: Sequence[RequestStatus],
) -> list[Request]:
    """The member's requests of `kind` on a card in one of `statuses` (a few), newest first."""
    query = (
        select(Request)
        .where(
            Request.member_id == member_id,
            Request.card_id == card_id,
            Request.kind == kind,
            col(Request.status).in_(list(statuses)),
        )
        .order_by(col(Request.id).desc())
    )
    return list((await session.execute(query)).scalars())


async def get(
    session: AsyncSession, request_id: int, *, for_update: bool = False
) -> Request | None:
    query = select(Request).where(Request.id == request_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def of_member_in(
    session: AsyncSession, member_id: int, statuses: Collection[RequestStatus], limit: int
) -> list[Request]:
    """Up to `limit` of a member's requests in these statuses, oldest first."""
    rows = await session.execute(
        select(Request)
        .where(Request.member_id == member_id, col(Request.status).in_(list(statuses)))
        .order_by(col(Request.id))
        .limit(limit)
    )
    return list(rows.scalars())


# built once: sent to SQLite's driver in a member's update (`storage/driver_lane.py`), as the
# delivery address step reads it on every render
_LATEST_DETAILS = (
    core_select(_requests.c.details)
    .where(
        _requests.c.member_id == bindparam("member_id"),
        _requests.c.kind.in_(bindparam("kinds", expanding=True)),
    )
    .order_by(_requests.c.id.desc())
    .limit(bindparam("limit"))
)


async def latest_details(
    session: AsyncSession, member_id: int, kinds: Sequence[str], limit: int
) -> list[dict[str, Any]]:
    """The answers of a member's latest `limit` requests of these kinds, newest first."""
    rows = await select_rows(
        session, _LATEST_DETAILS, {"member_id": member_id, "kinds": list(kinds), "limit": limit}
    )
    return [dict(details or {}) for (details,) in rows]


async def awaiting(
    session: AsyncSession, member_id: int, since: datetime, limit: int
) -> list[Request]:
    """Up to `limit` of a member's requests waiting for their message, oldest first: those
    support asked more information on, those still new or in progress whose latest event,
    made at `since` or later, is the member's own or a line staff wrote to them (an answer to
    it), and those rejected at `since` or later (an objection goes to support)."""
    latest = (
        select(func.max(RequestEvent.id))
        .where(RequestEvent.request_id == Request.id)
        .correlate(Request)
        .scalar_subquery()
    )
    theirs = (
        select(RequestEvent.id)
        .where(
            RequestEvent.id == latest,
            col(RequestEvent.created_at) >= since,
            or_(
                col(RequestEvent.actor_kind) == ActorKind.MEMBER,
                # a staff line (a status change has one of its own)
                and_(
                    col(RequestEvent.actor_kind) == ActorKind.STAFF,
                    col(RequestEvent.to_status).is_(None),
                ),
            ),
        )
        .exists()
    )
    going = col(Request.status).in_([RequestStatus.NEW, RequestStatus.IN_PROGRESS])
    rows = await session.execute(
        select(Request)
        .where(
            Request.member_id == member_id,
            or_(
                col(Request.status) == RequestStatus.NEED_INFO,
                and_(going, col(Request.updated_at) >= since, theirs),
                and_(
                    col(Request.status) == RequestStatus.REJECTED,
                    col(Request.updated_at) >= since,
                ),
            ),
        )
        .order_by(col(Request.id))
        .limit(limit)
    )
    return list(rows.scalars())


async def latest_actor(session: AsyncSession, request_id: int) -> ActorKind | None:
    """Who made the latest event of the request's history (its creation, a status change, a
    line); None when it has none."""
    rows = await session.execute(
        select(RequestEvent.actor_kind)
        .where(RequestEvent.request_id == request_id)
        .order_by(col(RequestEvent.id).desc())
        .limit(1)
    )
    actor = rows.scalars().first()
    return ActorKind(actor) if actor is not None else None


async def for_member(
    session: AsyncSession, member_id: int, offset: int, limit: int
) -> tuple[list[Request], int]:
    """A page of a member's requests, newest first, and the total."""
    total = (
        await session.execute(select(func.count()).where(Request.member_id == member_id))
    ).scalar_one()
    rows = await session.execute(
        select(Request)
        .where(Request.member_id == member_id)
        .order_by(col(Request.created_at).desc(), col(Request.id).desc())
        .offset(offset)
        .limit(limit)
    )
    return list(rows.scalars()), int(total)


async def recent_of_kinds(
    session: AsyncSession,
    member_id: int,
    kinds: Collection[str],
    excluded: Collection[str],
    since: datetime,
) -> list[Request]:
    """The member's requests of these kinds sent at `since` or later, not in an `excluded`
    status, newest first."""
    rows = await session.execute(
        select(Request)
        .where(
            Request.member_id == member_id,
            col(Request.kind).in_(kinds),
            col(Request.status).not_in(excluded),
            col(Request.created_at) >= since,
        )
        .order_by(col(Request.id).desc())
    )
    return list(rows.scalars())


async def events(session: AsyncSession, request_id: int) -> list[RequestEvent]:
    rows = await session.execute(
        select(RequestEvent)
        .where(RequestEvent.request_id == request_id)
        .order_by(col(RequestEvent.created_at), col(RequestEvent.id))
    )
    return list(rows.scalars())


async def edit_staff_line(
    session: AsyncSession, request_id: int, written_at: datetime, text: str
) -> None:
    """A staff line in a request's history (written at `written_at`) as staff edited it; one
    the retention sweep emptied stays empty."""
    await session.execute(
        update(RequestEvent)
        .where(
            col(RequestEvent.request_id) == request_id,
            col(RequestEvent.actor_kind) == ActorKind.STAFF,
            col(RequestEvent.to_status).is_(None),
            col(RequestEvent.created_at) == written_at,
            col(RequestEvent.comment).is_not(None),
        )
        .values(comment=text)
    )


async def has_album_part(session: AsyncSession, request_id: int, media_group_id: str) -> bool:
    """Whether a photo or file of the album `media_group_id` is already on the request."""
    found = await session.execute(
        select(RequestDocument.id)
        .where(
            RequestDocument.request_id == request_id,
            RequestDocument.media_group_id == media_group_id,
        )
        .limit(1)
    )
    return found.first() is not None


async def documents(session: AsyncSession, request_id: int) -> list[RequestDocument]:
    rows = await session.execute(
        select(RequestDocument)
        .where(RequestDocument.request_id == request_id)
        .order_by(col(RequestDocument.id))
    )
    return list(rows.scalars())


async def statuses_in_chat(
    session: AsyncSession, member_id: int, chat_id: int, default_chat_id: int | None
) -> list[str]:
    """The statuses of a member's requests routed to a staff chat (a request not routed yet
    counts for the default chat)."""
    in_chat = col(Request.staff_chat_id) == chat_id
    if chat_id == default_chat_id:
        in_chat = or_(in_chat, col(Request.staff_chat_id).is_(None))
    rows = await session.execute(
        select(Request.status).where(Request.member_id == member_id, in_chat)
    )
    return [str(status) for status in rows.scalars()]
