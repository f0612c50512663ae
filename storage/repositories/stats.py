"""Counts for staff's /stats."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import (
    InsuredPerson,
    Member,
    Notification,
    NotificationStatus,
    Policy,
    Request,
    RequestEvent,
    RequestRating,
    RequestStatus,
)
from storage.sql import in_chunks


async def _count_by(session: AsyncSession, column: Any) -> dict[str, int]:
    result = await session.execute(select(column, func.count()).group_by(column))
    return {str(name): int(count) for name, count in result.all()}


async def requests_by_status(session: AsyncSession) -> dict[str, int]:
    return await _count_by(session, col(Request.status))


async def requests_by_kind(session: AsyncSession) -> dict[str, int]:
    return await _count_by(session, col(Request.kind))


async def first_staff_actions(session: AsyncSession) -> list[tuple[datetime, datetime]]:
    """(created_at, first_staff_action_at) of every request staff have acted on."""
    pairs = await session.execute(
        select(Request.created_at, Request.first_staff_action_at).where(
            col(Request.first_staff_action_at).is_not(None)
        )
    )
    return [(created, first) for created, first in pairs.all() if first is not None]


async def failed_notifications(session: AsyncSession) -> int:
    failed = await session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.status == NotificationStatus.FAILED)
    )
    return int(failed or 0)


# --- the /stats chart and /export (issue 14) -------------------------------------------------


async def request_rows(
    session: AsyncSession, since: datetime | None, until: datetime | None
) -> list[tuple[Request, datetime | None, RequestRating | None]]:
    """Requests created in [since, until) with when each was first marked done and its rating."""
    done = (
        select(
            RequestEvent.request_id.label("request_id"),  # type: ignore[attr-defined]
            func.min(RequestEvent.created_at).label("done_at"),
        )
        .where(RequestEvent.to_status == RequestStatus.DONE)
        .group_by(col(RequestEvent.request_id))
        .subquery()
    )
    query = (
        select(Request, done.c.done_at, RequestRating)
        .outerjoin(done, done.c.request_id == Request.id)
        .outerjoin(RequestRating, col(RequestRating.request_id) == Request.id)
        .order_by(col(Request.id))
    )
    if since is not None:
        query = query.where(Request.created_at >= since)
    if until is not None:
        query = query.where(Request.created_at < until)
    rows = await session.execute(query)
    return [(request, done_at, rating) for request, done_at, rating in rows.all()]


async def export_people(
    session: AsyncSession, request_ids: list[int]
) -> dict[int, tuple[Member, InsuredPerson | None, Policy | None]]:
    """The member, card and policy of each request (for the export's masked columns)."""
    people: dict[int, tuple[Member, InsuredPerson | None, Policy | None]] = {}
    for chunk in in_chunks(request_ids):
        rows = await session.execute(
            select(Request.id, Member, InsuredPerson, Policy)
            .join(Member, col(Member.id) == Request.member_id)
            .outerjoin(InsuredPerson, col(InsuredPerson.id) == Request.card_id)
            .outerjoin(Policy, col(Policy.id) == InsuredPerson.policy_id)
            .where(col(Request.id).in_(chunk))
        )
        people.update((int(rid), (m, person, policy)) for rid, m, person, policy in rows.all())
    return people
