"""Reminders from stored data, with a clock the test moves."""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.services import reminders, requests, support_chat
from bot.services.activation import ActivationRules, activate
from bot.services.cards import confirm_phone
from bot.services.hours import parse_weekly_hours
from storage.models import ActorKind, Notification, RequestKind, RequestStatus
from tests.factories import make_member, make_person, make_policy

TZ = ZoneInfo("Asia/Almaty")  # UTC+5
SLA_RULES = reminders.ReminderRules(
    tz=TZ, hour=9, sla=timedelta(hours=4), nudge_after=timedelta(hours=24)
)
# for the other reminders, an SLA so long it never fires in these tests
RULES = reminders.ReminderRules(
    tz=TZ, hour=9, sla=timedelta(days=365), nudge_after=timedelta(hours=24)
)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment given in Almaty time, as the UTC the bot keeps."""
    return datetime(2026, 11, day, hour, minute, tzinfo=TZ).astimezone(UTC)


async def _queued(session, kind=None):
    query = select(Notification)
    if kind:
        query = query.where(Notification.kind == kind)
    return list((await session.execute(query)).scalars())


async def test_activation_reminder_fires_on_the_opening_morning_and_not_before(session):
    policy = await make_policy(
        session, contract_signed=date(2026, 11, 15), coverage_start=date(2026, 11, 30)
    )
    await make_person(session, policy, insured_id="KZ-1", phone=None)
    member = await make_member(session)
    result = await activate(
        session, member, "KZ-1", date(1984, 3, 5), at(22, 10), TZ, ActivationRules(), b"s"
    )
    assert result.opens_on == date(2026, 11, 30)

    for moment in (at(22, 10), at(29, 23, 59), at(30, 8, 59)):
        assert await reminders.run_due(session, moment, RULES) == 0, moment
    assert await reminders.run_due(session, at(30, 9, 0), RULES) == 1
    [queued] = await _queued(session, "activation_open")
    assert (queued.member_id, queued.audience) == (member.id, "member")
    # it happens once, however often the job runs
    assert await reminders.run_due(session, at(30, 9, 1), RULES) == 0
    assert await reminders.run_due(session, at(30, 12, 0), RULES) == 0


async def test_coverage_start_is_told_once_on_its_morning_for_the_family_s_waiting_cards(
    session,
):
    """Cards a phone linked while their coverage had not started: on that day's morning one
    message names them all, and only those (a card already covering is not in it)."""
    coming = await make_policy(session, coverage_start=date(2026, 11, 30))
    current = await make_policy(session)
    own = await make_person(session, coming)
    child = await make_person(session, coming, full_name="Sofia Kovalenko", relation="child")
    await make_person(session, current, full_name="Andrii Kovalenko", relation="spouse")
    member = await make_member(session)
    await confirm_phone(session, member, own.phone, at(22, 10), date(2026, 11, 22))

    for moment in (at(22, 10), at(29, 23, 59), at(30, 8, 59)):
        assert await reminders.run_due(session, moment, RULES) == 0, moment
    assert await reminders.run_due(session, at(30, 9, 0), RULES) == 1
    [queued] = await _queued(session, "coverage_started")
    assert (queued.member_id, queued.audience) == (member.id, "member")
    assert queued.payload["card_ids"] == [own.id, child.id]
    assert await reminders.run_due(session, at(30, 9, 1), RULES) == 0
    assert await reminders.run_due(session, at(30, 15, 0), RULES) == 0
    # confirming the phone again (a new device) does not tell it again
    await confirm_phone(session, member, own.phone, at(30, 16), date(2026, 11, 30))
    assert await reminders.run_due(session, at(30, 17), RULES) == 0


async def test_a_start_the_registry_moves_later_is_told_on_its_new_day(session):
    policy = await make_policy(session, coverage_start=date(2026, 11, 25))
    card = await make_person(session, policy)
    member = await make_member(session)
    await confirm_phone(session, member, card.phone, at(22, 10), date(2026, 11, 22))
    policy.coverage_start = date(2026, 11, 28)  # a re-import moved it
    session.add(policy)
    await session.flush()

    assert await reminders.run_due(session, at(25, 10), RULES) == 0
    assert await reminders.run_due(session, at(27, 10), RULES) == 0
    assert await reminders.run_due(session, at(28, 10), RULES) == 1


async def test_a_start_the_registry_moves_earlier_is_told_on_that_day_or_at_once(session):
    """The member was told "I will tell you when it starts" for November 30; the registry
    moves the start to the 26th (and, for a second card, to a day already past): each is told
    on the morning of its new day, or at the next morning run, not on the 30th."""
    policy = await make_policy(session, coverage_start=date(2026, 11, 30))
    card = await make_person(session, policy)
    member = await make_member(session)
    await confirm_phone(session, member, card.phone, at(22, 10), date(2026, 11, 22))
    other = await make_policy(session, number="SIP-2026-0002", coverage_start=date(2026, 11, 30))
    late = await make_person(session, other, phone="+380507776655")
    second = await make_member(session, telegram_id=1002)
    await confirm_phone(session, second, late.phone, at(22, 10), date(2026, 11, 22))
    policy.coverage_start = date(2026, 11, 26)  # a re-import on the 23rd moved it
    session.add(policy)
    await session.flush()

    assert await reminders.run_due(session, at(25, 10), RULES) == 0
    assert await reminders.run_due(session, at(26, 9), RULES) == 1
    [told] = await _queued(session, "coverage_started")
    assert (told.member_id, told.payload["card_ids"]) == (member.id, [card.id])

    other.coverage_start = date(2026, 11, 20)  # a re-import on the 27th: a day already past
    session.add(other)
    await session.flush()
    assert await reminders.run_due(session, at(27, 10), RULES) == 1
    assert [n.member_id for n in await _queued(session, "coverage_started")] == [
        member.id,
        second.id,
    ]
    assert await reminders.run_due(session, at(30, 10), RULES) == 0  # neither told twice


async def test_a_card_unlinked_or_long_started_is_not_told(session):
    policy = await make_policy(session, coverage_start=date(2026, 11, 25))
    card = await make_person(session, policy)
    member = await make_member(session)
    await confirm_phone(session, member, card.phone, at(22, 10), date(2026, 11, 22))
    card.phone = "+380509998877"  # staff corrected the card's phone: the link goes
    session.add(card)
    await session.flush()
    await confirm_phone(session, member, "+380501112233", at(23, 10), date(2026, 11, 23))
    assert await reminders.run_due(session, at(25, 10), RULES) == 0

    other = await make_policy(session, coverage_start=date(2026, 11, 10))
    late = await make_person(session, other, phone="+380507776655")
    second = await make_member(session, telegram_id=1002)
    await confirm_phone(session, second, late.phone, at(8, 10), date(2026, 11, 8))
    # the bot was down from before the 10th to the 18th: a start 8 days ago is not news
    assert await reminders.run_due(session, at(18, 10), RULES) == 0
    assert await _queued(session, "coverage_started") == []


async def test_the_activation_reminder_of_the_same_day_is_the_one_message(session):
    """Linked by phone while waiting, then activated by insured ID: the waiting period ends on
    the day coverage starts, and "open from today" is said once."""
    policy = await make_policy(
        session, contract_signed=date(2026, 11, 15), coverage_start=date(2026, 11, 30)
    )
    card = await make_person(session, policy, insured_id="KZ-1")
    member = await make_member(session)
    await confirm_phone(session, member, card.phone, at(22, 10), date(2026, 11, 22))
    await activate(
        session, member, "KZ-1", date(1984, 3, 5), at(22, 11), TZ, ActivationRules(), b"s"
    )
    assert await reminders.run_due(session, at(30, 9, 0), RULES) == 1
    assert [n.kind for n in await _queued(session)] == ["activation_open"]


async def test_a_coverage_starting_after_the_waiting_period_is_told_on_its_own_day(session):
    """Activated by insured ID: the waiting period ends on the 30th, the coverage starts three
    days later; each day has its message."""
    policy = await make_policy(
        session, contract_signed=date(2026, 11, 15), coverage_start=date(2026, 12, 3)
    )
    await make_person(session, policy, insured_id="KZ-1", phone=None)
    member = await make_member(session)
    await activate(
        session, member, "KZ-1", date(1984, 3, 5), at(22, 10), TZ, ActivationRules(), b"s"
    )
    assert await reminders.run_due(session, at(30, 9, 0), RULES) == 1
    assert [n.kind for n in await _queued(session)] == ["activation_open"]
    dec_3 = datetime(2026, 12, 3, 9, 0, tzinfo=TZ).astimezone(UTC)
    assert await reminders.run_due(session, dec_3 - timedelta(minutes=1), RULES) == 0
    assert await reminders.run_due(session, dec_3, RULES) == 1
    assert [n.kind for n in await _queued(session)] == ["activation_open", "coverage_started"]


async def _linked_member(session, now):
    policy = await make_policy(session)
    card = await make_person(session, policy)
    member = await make_member(session)
    await confirm_phone(session, member, card.phone, now, now.date())
    return member


async def test_appointment_tomorrow_once_from_the_morning_before(session):
    member = await _linked_member(session, at(22, 10))
    request = await requests.submit(
        session,
        member,
        RequestKind.APPOINTMENT,
        {
            "specialty": "dentist",
            "clinic": "Kyiv",
            "preferred_date": "2026-11-25",
            "time_window": "morning",
            "comment": None,
        },
        [],
        at(22, 10),
        date(2026, 11, 22),
    )
    assert await reminders.run_due(session, at(23, 12), RULES) == 0
    assert await reminders.run_due(session, at(24, 8), RULES) == 0
    assert await reminders.run_due(session, at(24, 9), RULES) == 1
    assert await reminders.run_due(session, at(24, 18), RULES) == 0
    [queued] = await _queued(session, "appointment_tomorrow")
    assert queued.request_id == request.id
    # a cancelled appointment is not reminded
    other = await requests.submit(
        session,
        member,
        RequestKind.APPOINTMENT,
        {"preferred_date": "2026-11-26"},
        [],
        at(22, 10),
        date(2026, 11, 22),
    )
    await requests.cancel(session, member, other.id, at(22, 11))
    assert await reminders.run_due(session, at(25, 10), RULES) == 0


async def _asked(session, member, question):
    """A call-back of `member`'s, taken on the 22nd at 11:00 and asked `question` at 12:00."""
    request = await requests.submit(
        session, member, RequestKind.CALLBACK, {}, [], at(22, 10), date(2026, 11, 22)
    )
    await requests.change_status(
        session, request.id, RequestStatus.IN_PROGRESS, ActorKind.STAFF, 7, at(22, 11)
    )
    await requests.change_status(
        session, request.id, RequestStatus.NEED_INFO, ActorKind.STAFF, 7, at(22, 12), question
    )
    return request


async def test_need_info_nudge_after_a_day_without_answer(session):
    member = await _linked_member(session, at(22, 10))
    await _asked(session, member, "Which clinic?")
    assert await reminders.run_due(session, at(23, 11, 59), RULES) == 0
    assert await reminders.run_due(session, at(23, 12, 0), RULES) == 1
    [nudge] = await _queued(session, "need_info_nudge")
    assert nudge.payload == {"question": "Which clinic?"}
    assert await reminders.run_due(session, at(24, 12), RULES) == 0  # once per question

    # answered questions are not nudged
    second = await _asked(session, member, "Date?")
    await requests.add_member_message(session, member, second.id, "Monday", [], at(22, 13))
    assert await reminders.run_due(session, at(25, 12), RULES) == 0


async def test_an_answer_that_went_to_support_is_not_nudged(session):
    """Asked for more information, the member answered in 1,500 characters: longer than a
    request's messages take, it went to support as a message of its own (staff have it in the
    topic). "Support is still waiting for your answer" a day later was wrong."""
    member = await _linked_member(session, at(22, 10))
    await _asked(session, member, "Why?")
    went = await support_chat.pass_on(session, member, None, "x" * 1500, [], 77, at(22, 13))
    assert went is False  # to support, not to the request
    assert await reminders.run_due(session, at(23, 12), RULES) == 0
    assert await _queued(session, "need_info_nudge") == []


async def test_a_need_info_nudge_waits_for_the_daytime(session):
    """Staff asked at 22:30: a day later it is the member's night, and the nudge waits for the
    morning, from the reminders' hour; one asked at 8:00 waits for 9:00 the next day."""
    member = await _linked_member(session, at(22, 10))
    late = await requests.submit(
        session, member, RequestKind.CALLBACK, {}, [], at(22, 10), date(2026, 11, 22)
    )
    early = await requests.submit(
        session, member, RequestKind.CALLBACK, {}, [], at(22, 10), date(2026, 11, 22)
    )
    for request, asked in ((late, at(22, 22, 30)), (early, at(22, 8))):
        await requests.change_status(
            session, request.id, RequestStatus.IN_PROGRESS, ActorKind.STAFF, 7, asked
        )
        await requests.change_status(
            session, request.id, RequestStatus.NEED_INFO, ActorKind.STAFF, 7, asked, "Which?"
        )
    for moment in (at(23, 8), at(23, 8, 59)):
        assert await reminders.run_due(session, moment, RULES) == 0, moment
    assert await reminders.run_due(session, at(23, 9), RULES) == 1
    assert [n.request_id for n in await _queued(session, "need_info_nudge")] == [early.id]
    for moment in (at(23, 20, 59), at(23, 21), at(23, 22, 30), at(24, 3), at(24, 8, 59)):
        assert await reminders.run_due(session, moment, RULES) == 0, moment
    assert await reminders.run_due(session, at(24, 9), RULES) == 1
    assert [n.request_id for n in await _queued(session, "need_info_nudge")] == [early.id, late.id]


async def test_sla_escalation_for_untouched_requests_only(session):
    member = await _linked_member(session, at(22, 10))
    untouched = await requests.submit(
        session, member, RequestKind.CALLBACK, {}, [], at(22, 10), date(2026, 11, 22)
    )
    taken = await requests.submit(
        session, member, RequestKind.CALLBACK, {}, [], at(22, 10), date(2026, 11, 22)
    )
    await requests.change_status(
        session, taken.id, RequestStatus.IN_PROGRESS, ActorKind.STAFF, 7, at(22, 11)
    )
    assert await reminders.run_due(session, at(22, 13, 59), SLA_RULES) == 0
    assert await reminders.run_due(session, at(22, 14, 0), SLA_RULES) == 1
    [escalation] = await _queued(session, "escalation")
    assert (escalation.audience, escalation.request_id) == ("staff", untouched.id)
    assert await reminders.run_due(session, at(22, 18, 0), SLA_RULES) == 0


async def test_the_sla_counts_the_hours_staff_work(session):
    """Sent on Friday at 20:00, a request has had an hour of the call centre's by closing, and
    three more on Saturday from 10:00: it is escalated at 13:00 on Saturday, not at midnight.
    Sent on Saturday at 15:00: an hour, Sunday closed, then Monday from 9:00 until 12:00."""
    rules = replace(
        SLA_RULES, staff_hours=parse_weekly_hours("mon-fri 09:00-21:00; sat 10:00-16:00")
    )
    member = await _linked_member(session, at(27, 19))
    friday = await requests.submit(
        session, member, RequestKind.CALLBACK, {}, [], at(27, 20), date(2026, 11, 27)
    )
    for moment in (at(28, 0), at(28, 9), at(28, 12, 59)):
        assert await reminders.run_due(session, moment, rules) == 0, moment
    assert await reminders.run_due(session, at(28, 13), rules) == 1
    saturday = await requests.submit(
        session, member, RequestKind.CALLBACK, {}, [], at(28, 15), date(2026, 11, 28)
    )
    for moment in (at(28, 19, 1), at(29, 12), at(30, 11, 59)):
        assert await reminders.run_due(session, moment, rules) == 0, moment
    assert await reminders.run_due(session, at(30, 12), rules) == 1
    queued = await _queued(session, "escalation")
    assert [(n.request_id, n.payload) for n in queued] == [
        (friday.id, {"hours": 4.0, "working": True}),
        (saturday.id, {"hours": 4.0, "working": True}),
    ]


def test_nudges_keep_a_window_when_the_reminders_hour_is_late():
    late = reminders.ReminderRules(tz=TZ, hour=22)
    assert not reminders._daytime(time(21, 59), late)
    assert reminders._daytime(time(22), late) and reminders._daytime(time(23, 59), late)
    usual = reminders.ReminderRules(tz=TZ)
    assert [reminders._daytime(time(h), usual) for h in (8, 9, 20, 21)] == [
        False,
        True,
        True,
        False,
    ]


async def test_a_visit_asked_for_tomorrow_is_not_reminded_a_moment_after(session):
    """A visit asked for tomorrow was reminded ("📅 A reminder: your doctor appointment request
    … is for tomorrow") at the next run, a minute after the member sent it. A request sent on
    the day before its day, or later, is not reminded of that day; one sent the day before
    that still is, on the morning before."""
    member = await _linked_member(session, at(22, 10))
    fresh = await requests.submit(
        session, member, RequestKind.APPOINTMENT, {"preferred_date": "2026-11-24"}, [],
        at(23, 15), date(2026, 11, 23),
    )  # fmt: skip
    earlier = await requests.submit(
        session, member, RequestKind.APPOINTMENT, {"preferred_date": "2026-11-24"}, [],
        at(22, 23, 30), date(2026, 11, 22),
    )  # fmt: skip
    assert await reminders.run_due(session, at(23, 15, 1), RULES) == 1
    [queued] = await _queued(session, "appointment_tomorrow")
    assert queued.request_id == earlier.id != fresh.id
