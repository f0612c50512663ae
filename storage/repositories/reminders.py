"""Reminders the scheduler delivers on their day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, or_
from sqlalchemy import select as core_select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from storage.models import (
    ActorKind,
    CardLink,
    InsuredPerson,
    Policy,
    Reminder,
    ReminderKind,
    Request,
    RequestEvent,
    RequestStatus,
)


async def ensure(
    session: AsyncSession,
    member_id: int,
    kind: ReminderKind,
    card_id: int | None,
    due_on: date,
    now: datetime,
) -> Reminder:
    """The one reminder of this kind for this member and card (created or re-dated)."""
    query = select(Reminder).where(
        Reminder.member_id == member_id, Reminder.kind == kind, Reminder.card_id == card_id
    )
    reminder = (await session.execute(query)).scalar_one_or_none()
    if reminder is None:
        try:
            async with session.begin_nested():
                reminder = Reminder(
                    member_id=member_id, kind=kind, card_id=card_id, due_on=due_on, created_at=now
                )
                session.add(reminder)
        except IntegrityError:
            reminder = (await session.execute(query)).scalar_one()
    if reminder.due_on != due_on:
        reminder.due_on = due_on
        reminder.sent_at = None
    return reminder


async def due(session: AsyncSession, kind: str, today: date) -> list[Reminder]:
    """Reminders of this kind due by `today` and not sent yet."""
    rows = await session.execute(
        select(Reminder).where(
            Reminder.kind == kind, col(Reminder.sent_at).is_(None), col(Reminder.due_on) <= today
        )
    )
    return list(rows.scalars())


@dataclass(frozen=True)
class CoverageDue:
    """A due "coverage starts" reminder with what deciding on it needs: the card's coverage as
    the registry has it now, whether the card is still linked to the member, and the day of an
    activation reminder for the same card (None: there is none)."""

    reminder: Reminder
    coverage_start: date
    coverage_end: date
    linked: bool
    activation_due_on: date | None


async def coverage_due(session: AsyncSession, today: date) -> list[CoverageDue]:
    """ "Coverage starts" reminders due by `today` and not sent yet, oldest card first: due by
    their day, or by the card's start where the registry moved it earlier."""
    activation = aliased(Reminder)
    rows = await session.execute(
        core_select(
            Reminder,
            col(Policy.coverage_start),
            col(Policy.coverage_end),
            col(CardLink.id).is_not(None),
            col(activation.due_on),
        )
        .join(InsuredPerson, col(InsuredPerson.id) == Reminder.card_id)
        .join(Policy, col(Policy.id) == InsuredPerson.policy_id)
        .outerjoin(
            CardLink,
            and_(
                col(CardLink.member_id) == Reminder.member_id,
                col(CardLink.card_id) == Reminder.card_id,
            ),
        )
        .outerjoin(
            activation,
            and_(
                col(activation.member_id) == Reminder.member_id,
                col(activation.card_id) == Reminder.card_id,
                col(activation.kind) == ReminderKind.ACTIVATION_OPENS,
            ),
        )
        .where(
            col(Reminder.kind) == ReminderKind.COVERAGE_STARTS,
            col(Reminder.sent_at).is_(None),
            or_(col(Reminder.due_on) <= today, col(Policy.coverage_start) <= today),
        )
        .order_by(col(Reminder.member_id), col(Reminder.card_id))
    )
    return [CoverageDue(*row) for row in rows.all()]


async def requests_of(
    session: AsyncSession, statuses: Sequence[str], kind: str | None = None
) -> list[Request]:
    """Requests in one of these statuses (of this kind, when given)."""
    query = select(Request).where(col(Request.status).in_(statuses))
    if kind is not None:
        query = query.where(Request.kind == kind)
    return list((await session.execute(query)).scalars())


async def asked_for(
    session: AsyncSession, day: date, statuses: Sequence[str], kind: str
) -> list[Request]:
    """Requests of `kind` in one of these statuses whose member asked for `day` (the details'
    `preferred_date`) and that have no visit booked: the JSON field read by the database (SQLite's
    `json_extract`, PostgreSQL's `->>`), not every open request loaded to look at it."""
    asked = col(Request.details)["preferred_date"].as_string()
    rows = await session.execute(
        select(Request).where(
            col(Request.status).in_(statuses),
            Request.kind == kind,
            col(Request.visit_on).is_(None),
            asked == day.isoformat(),
        )
    )
    return list(rows.scalars())


async def visits_on(
    session: AsyncSession, day: date, kinds: Sequence[str], excluded: Sequence[str]
) -> list[Request]:
    """Requests of these kinds whose visit staff booked on `day` (`Request.visit_on`), not in
    an `excluded` status."""
    rows = await session.execute(
        select(Request).where(
            Request.visit_on == day,
            col(Request.kind).in_(kinds),
            col(Request.status).not_in(excluded),
        )
    )
    return list(rows.scalars())


async def untouched_since(session: AsyncSession, before: datetime) -> list[Request]:
    """New requests created by `before` that no staff member has acted on."""
    rows = await session.execute(
        select(Request).where(
            Request.status == RequestStatus.NEW,
            col(Request.first_staff_action_at).is_(None),
            col(Request.created_at) <= before,
        )
    )
    return list(rows.scalars())


async def last_need_info(session: AsyncSession, request_id: int) -> RequestEvent | None:
    """The request's latest move to "need info" (staff's question)."""
    rows = await session.execute(
        select(RequestEvent)
        .where(
            RequestEvent.request_id == request_id,
            RequestEvent.to_status == RequestStatus.NEED_INFO,
        )
        .order_by(col(RequestEvent.id).desc())
        .limit(1)
    )
    return rows.scalar_one_or_none()


async def member_acted_after(session: AsyncSession, request_id: int, event_id: int) -> bool:
    rows = await session.execute(
        select(RequestEvent.id).where(
            RequestEvent.request_id == request_id,
            RequestEvent.actor_kind == ActorKind.MEMBER,
            col(RequestEvent.id) > event_id,
        )
    )
    return rows.first() is not None
