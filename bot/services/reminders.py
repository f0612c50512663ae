"""Reminders from stored data (never in-memory timers): each run looks at what is due now and
queues it in the outbox with a key that makes it happen once, whichever process runs it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from bot.services import notifications as note
from bot.services import outbox
from bot.services.activation import REMINDER_ACTIVATION_OPENS
from storage.models import ActorKind, Reminder, Request, RequestEvent, RequestKind, RequestStatus

OPEN = (RequestStatus.NEW, RequestStatus.IN_PROGRESS, RequestStatus.NEED_INFO)


@dataclass(frozen=True)
class ReminderRules:
    tz: ZoneInfo
    hour: int = 9
    sla: timedelta = timedelta(hours=4)
    nudge_after: timedelta = timedelta(hours=24)


async def run_due(session: AsyncSession, now: datetime, rules: ReminderRules) -> int:
    """Queue every reminder due at `now`; returns how many were queued."""
    local = now.astimezone(rules.tz)
    queued = 0
    if local.time() >= time(rules.hour):
        queued += await _activation_opens(session, now, local.date())
        queued += await _appointments_tomorrow(session, now, local.date() + timedelta(days=1))
    queued += await _need_info_nudges(session, now, rules.nudge_after)
    queued += await _sla_escalations(session, now, rules.sla)
    return queued


async def _activation_opens(session: AsyncSession, now: datetime, today: object) -> int:
    rows = await session.execute(
        select(Reminder).where(
            Reminder.kind == REMINDER_ACTIVATION_OPENS,
            col(Reminder.sent_at).is_(None),
            col(Reminder.due_on) <= today,
        )
    )
    count = 0
    for reminder in rows.scalars():
        count += await outbox.enqueue_new(
            session,
            note.ActivationOpen(card_id=reminder.card_id),
            dedup_key=f"reminder:{reminder.id}:{reminder.due_on}",
            member_id=reminder.member_id,
            now=now,
        )
        reminder.sent_at = now
        session.add(reminder)
    return count


async def _appointments_tomorrow(session: AsyncSession, now: datetime, tomorrow: object) -> int:
    rows = await session.execute(
        select(Request).where(
            Request.kind == RequestKind.APPOINTMENT, col(Request.status).in_(OPEN)
        )
    )
    count = 0
    for request in rows.scalars():
        if request.details.get("preferred_date") != str(tomorrow):
            continue
        count += await outbox.enqueue_new(
            session,
            note.AppointmentTomorrow(),
            dedup_key=f"appointment:{request.id}:{tomorrow}",
            member_id=request.member_id,
            request_id=request.id,
            now=now,
        )
    return count


async def _need_info_nudges(session: AsyncSession, now: datetime, after: timedelta) -> int:
    rows = await session.execute(select(Request).where(Request.status == RequestStatus.NEED_INFO))
    count = 0
    for request in rows.scalars():
        asked = (
            await session.execute(
                select(RequestEvent)
                .where(
                    RequestEvent.request_id == request.id,
                    RequestEvent.to_status == RequestStatus.NEED_INFO,
                )
                .order_by(col(RequestEvent.id).desc())
                .limit(1)
            )
        ).scalar_one_or_none()
        if asked is None or asked.created_at > now - after:
            continue
        answered = (
            await session.execute(
                select(RequestEvent.id).where(
                    RequestEvent.request_id == request.id,
                    RequestEvent.actor_kind == ActorKind.MEMBER,
                    col(RequestEvent.id) > asked.id,
                )
            )
        ).first()
        if answered is not None:
            continue
        count += await outbox.enqueue_new(
            session,
            note.NeedInfoNudge(question=asked.comment),
            dedup_key=f"nudge:{request.id}:{asked.id}",
            member_id=request.member_id,
            request_id=request.id,
            now=now,
        )
    return count


async def _sla_escalations(session: AsyncSession, now: datetime, sla: timedelta) -> int:
    rows = await session.execute(
        select(Request).where(
            Request.status == RequestStatus.NEW,
            col(Request.first_staff_action_at).is_(None),
            col(Request.created_at) <= now - sla,
        )
    )
    count = 0
    for request in rows.scalars():
        count += await outbox.enqueue_new(
            session,
            note.Escalation(hours=round(sla.total_seconds() / 3600, 1)),
            dedup_key=f"sla:{request.id}",
            member_id=request.member_id,
            request_id=request.id,
            now=now,
        )
    return count
