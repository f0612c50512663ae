"""Reminders from stored data (never in-memory timers): each run looks at what is due now and
queues it in the outbox with a key that makes it happen once, whichever process runs it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import notifications as note
from bot.services import outbox, visits
from bot.services.activation import REMINDER_ACTIVATION_OPENS
from bot.services.hours import WeeklyHours, open_time
from bot.services.requests import OPEN_STATUSES
from storage.models import NotificationKind, RequestKind, RequestStatus
from storage.repositories import notifications as notifications_repo
from storage.repositories import reminders as reminders_repo


@dataclass(frozen=True)
class ReminderRules:
    tz: ZoneInfo
    hour: int = 9  # the morning reminders go out from this hour, the nudges from it too
    sla: timedelta = timedelta(hours=4)
    nudge_after: timedelta = timedelta(hours=24)
    # a nudge is nobody's answer to anything: it waits for the daytime, not the member's night
    # (a question asked at 22:30 is nudged the morning after next, from `hour`)
    evening: int = 21
    # the SLA counts the hours staff work (the call centre's): a request sent at 23:00 is
    # escalated 4 working hours after the next opening, not at 3:00 to an empty chat; None:
    # every hour counts
    staff_hours: WeeklyHours | None = None


async def run_due(session: AsyncSession, now: datetime, rules: ReminderRules) -> int:
    """Queue every reminder due at `now`; returns how many were queued."""
    local = now.astimezone(rules.tz)
    queued = 0
    if local.time() >= time(rules.hour):
        queued += await _activation_opens(session, now, local.date())
        queued += await _coverage_starts(session, now, local.date())
        queued += await _appointments_tomorrow(
            session, now, local.date() + timedelta(days=1), rules.tz
        )
    if _daytime(local.time(), rules):
        queued += await _need_info_nudges(session, now, rules.nudge_after)
    queued += await _sla_escalations(session, now, rules)
    return queued


def _daytime(moment: time, rules: ReminderRules) -> bool:
    """From the reminders' hour to the evening (a REMINDER_HOUR of `evening` or later: to the
    end of that day)."""
    if moment < time(rules.hour):
        return False
    return rules.hour >= rules.evening or moment < time(rules.evening)


async def _activation_opens(session: AsyncSession, now: datetime, today: date) -> int:
    rows = await reminders_repo.due(session, REMINDER_ACTIVATION_OPENS, today)
    count = 0
    for reminder in rows:
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


# the most cards one "coverage started" message names (a family's are a few)
COVERAGE_CARDS_NAMED = 10
# a start older than this is not announced any more (the bot was down for long, or the card
# was linked before these reminders were kept: migration 0021)
COVERAGE_TOLD_WITHIN = timedelta(days=7)


async def _coverage_starts(session: AsyncSession, now: datetime, today: date) -> int:
    """One message a member for the cards whose coverage started, on the morning it starts.

    A card no longer linked, or ended, or whose start is more than `COVERAGE_TOLD_WITHIN` ago,
    is not named. A start the registry moved later waits for its new day; one it moved earlier
    is told on that day, or at once when that day has passed (the member was told "I will tell
    you" and has not been: `reminders_repo.coverage_due`). The activation
    reminder of the same card on that day or later says it already ("open from today"), so the
    member is not told twice."""
    cards: dict[int, list[int]] = {}
    for due in await reminders_repo.coverage_due(session, today):
        reminder = due.reminder
        if due.coverage_start > today:
            reminder.due_on = due.coverage_start
            continue
        reminder.sent_at = now
        told_by_activation = (
            due.activation_due_on is not None and due.activation_due_on >= reminder.due_on
        )
        recent = reminder.due_on >= today - COVERAGE_TOLD_WITHIN
        if due.linked and due.coverage_end >= today and recent and not told_by_activation:
            assert reminder.card_id is not None
            cards.setdefault(reminder.member_id, []).append(reminder.card_id)
    count = 0
    for member_id, card_ids in cards.items():
        named = card_ids[:COVERAGE_CARDS_NAMED]
        count += await outbox.enqueue_new(
            session,
            note.CoverageStarted(card_ids=named),
            dedup_key=f"coverage:{member_id}:{','.join(map(str, named))}",
            member_id=member_id,
            now=now,
        )
    return count


def visit_reminder_key(request_id: int | None, day: date | str) -> str:
    """The outbox key of the reminder of a visit on `day` (once a request and day)."""
    return f"appointment:{request_id}:{day}"


async def _appointments_tomorrow(
    session: AsyncSession, now: datetime, tomorrow: date, tz: ZoneInfo
) -> int:
    """The day before a visit: the one staff booked (`visits.book`), the request open or done,
    unless it was booked that day or after (its booking's message was the reminder and made no
    promise of one, `visits.reminded`); else, while the request is open, the day the member
    asked for, unless they asked on that day before or after (a visit asked for tomorrow: a
    reminder a moment after sending it tells them nothing)."""
    asked = await reminders_repo.asked_for(
        session, tomorrow, OPEN_STATUSES, RequestKind.APPOINTMENT
    )
    booked = await reminders_repo.visits_on(
        session, tomorrow, list(visits.KINDS), list(visits.NOT_BOOKED)
    )
    day_before = datetime.combine(tomorrow - timedelta(days=1), time(), tzinfo=tz)
    count = 0
    for request in asked + booked:
        assert request.id is not None
        if request in booked and await notifications_repo.told_since(
            session, request.id, NotificationKind.VISIT_BOOKED, day_before
        ):
            continue  # booked on the day before or later: its booking was the reminder
        if request not in booked and request.created_at >= day_before:
            continue  # asked on the day before or later: it is fresh in the member's mind
        count += await outbox.enqueue_new(
            session,
            note.AppointmentTomorrow(),
            dedup_key=visit_reminder_key(request.id, tomorrow),
            member_id=request.member_id,
            request_id=request.id,
            now=now,
        )
    return count


async def _need_info_nudges(session: AsyncSession, now: datetime, after: timedelta) -> int:
    rows = await reminders_repo.requests_of(session, (RequestStatus.NEED_INFO,))
    count = 0
    for request in rows:
        assert request.id is not None
        asked = await reminders_repo.last_need_info(session, request.id)
        if asked is None or asked.created_at > now - after:
            continue
        assert asked.id is not None
        if await reminders_repo.member_acted_after(session, request.id, asked.id):
            continue
        # an answer too long for a request's messages went to support as a message of its own:
        # staff have it in the topic, and "still waiting for your answer" would be wrong
        if await notifications_repo.queued_since(
            session, request.member_id, (NotificationKind.MEMBER_MESSAGE,), asked.created_at
        ):
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


async def _sla_escalations(session: AsyncSession, now: datetime, rules: ReminderRules) -> int:
    # open hours are never more than the hours that passed: those are the candidates
    rows = await reminders_repo.untouched_since(session, now - rules.sla)
    hours = rules.staff_hours
    payload = note.Escalation(
        hours=round(rules.sla.total_seconds() / 3600, 1), working=hours is not None
    )
    count = 0
    for request in rows:
        if hours is not None and open_time(hours, request.created_at, now, rules.tz) < rules.sla:
            continue
        count += await outbox.enqueue_new(
            session,
            payload,
            dedup_key=f"sla:{request.id}",
            member_id=request.member_id,
            request_id=request.id,
            now=now,
        )
    return count
