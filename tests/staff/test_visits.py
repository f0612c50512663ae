"""`/visit`: staff write the visit the clinic booked in the member's topic; the member is told,
sees it on the request, and is reminded the day before, whether the request is open or done."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.services import reminders, requests
from storage.models import AuditEntry, Member, Notification, Request, RequestKind, RequestStatus
from tests.staff.conftest import FORUM, INTRUDER, IRYNA, OLENA

ASKED = {
    "specialty": "dentist",
    "clinic": "Dobrobut, Kyiv",
    "preferred_date": "2026-11-25",
    "time_window": "evening",
}


def _almaty(day: int, hour: int) -> datetime:
    """A moment in the insurer's zone (Almaty, UTC+5), as the UTC the bot keeps."""
    return datetime(2026, 11, day, hour - 5, tzinfo=UTC)


async def _appointment(world, member: Member, details: dict | None = None) -> Request:
    return await world.submit(member, kind=RequestKind.APPOINTMENT, details=dict(details or ASKED))


async def _asked_in_topic(world) -> tuple[Request, int]:
    """A member's appointment, its card posted in their topic: the request and the topic."""
    request = await _appointment(world, await world.member_with_card())
    await world.deliver()
    return request, _thread(world, request.number)


def _card(world, number: str) -> dict:
    """The request's card in the staff chat (its latest text and buttons)."""
    return next(
        m
        for m in world.bot_messages(FORUM)
        if m.get("text", "").startswith(number) and "Status" in m["text"]
    )


def _thread(world, number: str) -> int:
    card = next(m for m in world.bot_messages(FORUM) if number in m.get("text", ""))
    return card["message_thread_id"]


async def _staff_says(world, text: str, thread: int | None) -> str:
    world.state.send_text(FORUM, text, user_id=IRYNA, thread_id=thread)
    await world.settled()
    await world.deliver()
    return world.bot_messages(FORUM, thread)[-1]["text"]


async def _remind(world, at: datetime) -> None:
    world.clock.now = at
    rules = reminders.ReminderRules(tz=world.settings.tz, sla=timedelta(days=365))
    async with world.sessions.begin() as session:
        await reminders.run_due(session, at, rules)
    await world.deliver()


async def _stored(world, request_id: int) -> Request:
    async with world.sessions() as session:
        request = await session.get(Request, request_id)
        assert request is not None
        return request


async def test_a_visit_booked_is_told_shown_on_the_card_and_reminded_the_day_before(world):
    """The member asked for the 25th in the evening; the clinic gave the 26th at 17:30. Before,
    staff could only write it in a line: the request kept the 25th, the reminder came on the
    24th for the wrong day while the request was open, and never once it was done."""
    member = await world.member_with_card()
    request = await _appointment(world, member)
    await world.deliver()
    thread = _thread(world, request.number)

    answer = await _staff_says(world, "/visit 26.11 17:30", thread)
    assert answer == (
        "📅 R-000001: the visit is booked for November 26, 2026 (Thursday), 17:30. "
        "The member is told now and reminded the day before."
    )
    told = world.bot_messages(OLENA)[-1]["text"]
    assert told.startswith("📅 Your visit is booked: November 26, 2026 (Thursday), 17:30.")
    assert "Specialty: Dentist" in told and "City / clinic: Dobrobut, Kyiv" in told
    assert "Preferred date" not in told  # the day asked for is not the visit's
    card = next(m for m in world.bot_messages(FORUM, thread) if "Status" in m.get("text", ""))
    assert "📅 Visit booked for: November 26, 2026 (Thursday), 17:30" in card["text"]
    stored = await _stored(world, request.id)
    assert stored.visit_on == date(2026, 11, 26)
    assert (stored.details["visit_date"], stored.details["visit_time"]) == ("2026-11-26", "17:30")
    assert stored.details["preferred_date"] == "2026-11-25"  # what the member asked, kept
    async with world.sessions() as session:
        [entry] = (
            await session.execute(select(AuditEntry).where(AuditEntry.action == "visit_booked"))
        ).scalars()
    assert (entry.staff_telegram_id, entry.target) == (IRYNA, "R-000001")

    # what the bot keeps of the member says a reminder is to come
    world.state.send_text(OLENA, "/mydata")
    await world.settled()
    assert "Reminders waiting: 1" in world.bot_messages(OLENA)[-1]["text"]

    # done: staff are not told the member heard nothing of where and when
    card = next(m for m in world.bot_messages(FORUM, thread) if "Status" in m.get("text", ""))
    await world.press(card, "🙋 Take")
    await world.deliver()
    card = next(m for m in world.bot_messages(FORUM, thread) if "Status" in m.get("text", ""))
    await world.press(card, "✅ Done")
    await world.deliver()
    assert not any("is done, but nothing" in m.get("text", "") for m in world.bot_messages(FORUM))
    assert (await _stored(world, request.id)).status == RequestStatus.DONE

    # the 24th (the day before the day asked for): nothing; the 25th: the visit's reminder
    told_before = len(world.bot_messages(OLENA))
    await _remind(world, _almaty(24, 10))
    assert len(world.bot_messages(OLENA)) == told_before
    await _remind(world, _almaty(25, 10))
    reminder = world.bot_messages(OLENA)[-1]["text"]
    assert reminder.startswith(
        "📅 A reminder: your visit is tomorrow, November 26, 2026 (Thursday), 17:30."
    )
    await _remind(world, _almaty(25, 15))  # once
    assert world.bot_messages(OLENA)[-1]["text"] == reminder
    assert len([m for m in world.bot_messages(OLENA) if "A reminder" in m.get("text", "")]) == 1


async def test_mydata_stops_counting_a_visit_once_its_reminder_has_gone(world):
    """A visit ahead is a reminder waiting in /mydata until the reminder is sent the day
    before; it counted until the visit's day before."""
    member = await world.member_with_card()
    request = await _appointment(world, member)
    await world.deliver()
    await _staff_says(world, "/visit 26.11 17:30", _thread(world, request.number))

    async def waiting() -> str:
        world.state.send_text(OLENA, "/mydata")
        await world.settled()
        text = world.bot_messages(OLENA)[-1]["text"]
        return next(line for line in text.splitlines() if line.startswith("Reminders waiting"))

    assert await waiting() == "Reminders waiting: 1"
    await _remind(world, _almaty(25, 10))
    assert world.bot_messages(OLENA)[-1]["text"].startswith("📅 A reminder: your visit is tomorrow")
    assert await waiting() == "Reminders waiting: 0"


async def test_a_visit_is_booked_on_the_appointment_meant_or_staff_are_told_why_not(world):
    member = await world.member_with_card()
    first = await _appointment(world, member)
    await world.deliver()
    thread = _thread(world, first.number)

    assert "Usage:" in await _staff_says(world, "/visit", thread)
    assert "could not read the day in “31.02”" in await _staff_says(
        world, "/visit 31.02 10:00", thread
    )
    assert "a visit or a delivery is booked for today or a day ahead" in await _staff_says(
        world, "/visit 01.11.2026", thread
    )
    assert "Use this in a member's topic" in await _staff_says(world, "/visit 26.11", None)
    # someone in the group who is not staff: refused, nothing booked
    world.state.send_text(FORUM, "/visit 26.11 10:00", user_id=INTRUDER, thread_id=thread)
    await world.settled()
    assert "Only support staff" in world.bot_messages(FORUM, thread)[-1]["text"]
    assert (await _stored(world, first.id)).visit_on is None

    second = await _appointment(world, member, {**ASKED, "specialty": "cardiologist"})
    callback = await world.submit(member)
    await world.deliver()
    assert (
        "This member has several doctor appointments, lab tests or medicines: R-000002, R-000001."
        in await _staff_says(world, "/visit 27.11 9:00", thread)
    )
    assert "R-000003 is not a doctor appointment, lab tests or medicines" in await _staff_says(
        world, f"/visit {callback.number} 27.11 9:00", thread
    )
    answer = await _staff_says(world, "/visit 27.11 9:00 R-2", thread)  # the number last, short
    assert answer.startswith(
        "📅 R-000002: the visit is booked for November 27, 2026 (Friday), 09:00"
    )
    assert (await _stored(world, second.id)).visit_on == date(2026, 11, 27)
    assert (await _stored(world, first.id)).visit_on is None

    # booked again without the hour: the new day, and no hour left from before
    await _staff_says(world, "/visit R-000002 завтра", thread)
    again = await _stored(world, second.id)
    assert again.visit_on == date(2026, 11, 23)
    assert "visit_time" not in again.details
    told = world.bot_messages(OLENA)[-1]["text"]
    assert told.startswith("📅 Your visit is booked: November 23, 2026 (Monday).")
    # a move, not a second visit: the booking it replaces is said under it
    assert told.split("\n")[1] == "🔁 Changed: it was November 27, 2026 (Friday), 09:00."

    async with world.sessions.begin() as session:
        await requests.cancel(
            session, await session.get(Member, member.id), first.id, world.clock()
        )
    assert "R-000001 was cancelled or rejected" in await _staff_says(
        world, "/visit R-000001 28.11", thread
    )
    async with world.sessions() as session:
        kinds = [n.kind for n in (await session.execute(select(Notification))).scalars()]
    assert kinds.count("visit_booked") == 2  # the two bookings, nothing for the refusals


async def test_the_visit_may_be_booked_from_the_card_s_button(world):
    """An appointment taken has "📅 Visit" on its card: it asks the day and hour, a line that
    is no day is answered with why and the next one taken; a request of another kind has no
    such button."""
    member = await world.member_with_card()
    request = await _appointment(world, member)
    callback = await world.submit(member)
    await world.deliver()
    thread = _thread(world, request.number)

    def card(number: str) -> dict:
        return next(
            m
            for m in world.bot_messages(FORUM)
            if m.get("text", "").startswith(number) and "Status" in m["text"]
        )

    assert "📅 Visit" not in str(card(request.number)["reply_markup"])  # not taken yet
    await world.press(card(request.number), "🙋 Take")
    await world.deliver()
    rows = [
        [b["text"] for b in row] for row in card(request.number)["reply_markup"]["inline_keyboard"]
    ]
    assert rows == [["❓ Need info", "✅ Done"], ["⛔️ Reject", "📅 Visit"], ["📞 Show phone"]]
    await world.press(card(callback.number), "🙋 Take")
    await world.deliver()
    assert "📅 Visit" not in str(card(callback.number)["reply_markup"])

    await world.press(card(request.number), "📅 Visit")
    assert (
        "day and time of the visit the clinic or laboratory booked"
        in world.bot_messages(FORUM, thread)[-1]["text"]
    )
    assert "could not read the day in “sometime next week”" in await _staff_says(
        world, "sometime next week", thread
    )
    told_before = len(world.bot_messages(OLENA))
    assert (await _staff_says(world, "27.11 9:15", thread)).startswith(
        "📅 R-000001: the visit is booked for November 27, 2026 (Friday), 09:15."
    )
    assert len(world.bot_messages(OLENA)) == told_before + 1
    assert world.bot_messages(OLENA)[-1]["text"].startswith("📅 Your visit is booked")
    assert "📅 Visit booked for: November 27, 2026 (Friday), 09:15" in card(request.number)["text"]
    # the prompt answered: the next line goes to the member as any line of the topic
    await _staff_says(world, "See you there!", thread)
    assert world.bot_messages(OLENA)[-1]["text"] == "See you there!"


async def test_a_visit_typed_in_reply_to_a_request_s_card_is_booked_on_that_request(world):
    """With two appointments, `/visit` without a number asks which; sent in reply to one's
    card, it is that one's."""
    member = await world.member_with_card()
    first = await _appointment(world, member)
    second = await _appointment(world, member, {**ASKED, "specialty": "cardiologist"})
    await world.deliver()
    thread = _thread(world, first.number)
    card = next(
        m
        for m in world.bot_messages(FORUM)
        if m.get("text", "").startswith(first.number) and "Status" in m["text"]
    )
    world.state.send_text(
        FORUM,
        "/visit 28.11 12:00",
        user_id=IRYNA,
        thread_id=thread,
        reply_to_message_id=card["message_id"],
    )
    await world.settled()
    await world.deliver()
    assert world.bot_messages(FORUM, thread)[-1]["text"].startswith(
        "📅 R-000001: the visit is booked for November 28, 2026 (Saturday), 12:00."
    )
    assert (await _stored(world, first.id)).visit_on == date(2026, 11, 28)
    assert (await _stored(world, second.id)).visit_on is None


LAB_TESTS = {
    "referral": ["Complete blood count", "Ferritin"],
    "preferred_date": "2026-11-25",
    "address": "Kyiv, Khreshchatyk 1, flat 2",
}


async def test_lab_tests_get_their_visit_booked_told_and_reminded_in_their_own_words(world):
    """Lab tests have a day and a place as a doctor's visit has: the laboratory gives the hour,
    staff book it with `/visit` or the card's button, and the member is told and reminded the
    day before with the tests and the address, not a doctor and a clinic. Before, `/visit` said
    a lab test was "not a doctor appointment" and the card had no "📅 Visit"."""
    member = await world.member_with_card()
    tests = await world.submit(member, kind=RequestKind.LAB_TESTS, details=dict(LAB_TESTS))
    await world.deliver()
    thread = _thread(world, tests.number)
    await world.press(_card(world, tests.number), "🙋 Take")
    await world.deliver()
    assert "📅 Visit" in str(_card(world, tests.number)["reply_markup"])

    answer = await _staff_says(world, "/visit 26.11 8:30", thread)
    assert answer.startswith("📅 R-000001: the visit is booked for November 26, 2026 (Thursday)")
    told = world.bot_messages(OLENA)[-1]["text"]
    assert told.startswith("🧪 Your lab tests are booked: November 26, 2026 (Thursday), 08:30.")
    assert "Complete blood count" in told and "Kyiv, Khreshchatyk 1, flat 2" in told
    assert "doctor" not in told.lower() and "Specialty" not in told
    assert (await _stored(world, tests.id)).visit_on == date(2026, 11, 26)

    # an appointment besides: `/visit` without a number asks which of the two
    appointment = await _appointment(world, member)
    await world.deliver()
    assert (
        f"several doctor appointments, lab tests or medicines: {appointment.number}, {tests.number}"
        in await _staff_says(world, "/visit 27.11 9:00", thread)
    )

    await _remind(world, _almaty(25, 10))
    reminder = world.bot_messages(OLENA)[-1]["text"]
    assert reminder.startswith(
        "🧪 A reminder: your lab tests are tomorrow, November 26, 2026 (Thursday), 08:30."
    )
    assert "Ferritin" in reminder


MEDICINES = {"items": "Nurofen 200 mg, 1 pack", "address": "Kyiv, Khreshchatyk 1, flat 2"}


async def test_medicines_get_their_delivery_booked_told_and_reminded(world):
    """Medicines had no day: staff could only write when they would come, and the member was
    not reminded. Their card has "🚚 Delivery" once taken; it (or `/visit`) books the day and
    hour of the delivery, and the member is told and reminded the day before with the
    medicines and the address, as a delivery, not a visit."""
    member = await world.member_with_card()
    medicines = await world.submit(member, kind=RequestKind.MEDICINES, details=dict(MEDICINES))
    await world.deliver()
    thread = _thread(world, medicines.number)
    await world.press(_card(world, medicines.number), "🙋 Take")
    await world.deliver()
    markup = str(_card(world, medicines.number)["reply_markup"])
    assert "🚚 Delivery" in markup and "📅 Visit" not in markup

    await world.press(_card(world, medicines.number), "🚚 Delivery")
    assert (
        "day and time the medicines will be delivered"
        in (world.bot_messages(FORUM, thread)[-1]["text"])
    )
    assert (await _staff_says(world, "27.11 10:00", thread)).startswith(
        "🚚 R-000001: the delivery is booked for November 27, 2026 (Friday), 10:00."
    )
    told = world.bot_messages(OLENA)[-1]["text"]
    assert told.startswith(
        "🚚 Your medicines will be delivered: November 27, 2026 (Friday), 10:00."
    )
    assert "Nurofen 200 mg" in told and "Kyiv, Khreshchatyk 1, flat 2" in told
    assert "visit" not in told.lower()
    stored = await _stored(world, medicines.id)
    assert stored.visit_on == date(2026, 11, 27)
    assert stored.details["delivery_date"] == "2026-11-27"
    assert stored.details["delivery_time"] == "10:00"
    card = _card(world, medicines.number)["text"]
    assert "🚚 Delivery booked for: November 27, 2026 (Friday), 10:00" in card

    await _remind(world, _almaty(26, 10))
    reminder = world.bot_messages(OLENA)[-1]["text"]
    assert reminder.startswith(
        "🚚 A reminder: your medicines are delivered tomorrow, November 27, 2026 (Friday), 10:00."
    )

    # done with nothing said to the member: the topic says how to book the delivery
    other = await world.submit(member, kind=RequestKind.MEDICINES, details=dict(MEDICINES))
    await world.deliver()
    await world.press(_card(world, other.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, other.number), "✅ Done")
    assert world.bot_messages(FORUM)[-1]["text"].startswith(
        f"ℹ️ Request {other.number} (💊 Medicines) is done, but nothing has been sent to the "
        "member since it came. Book the delivery: /visit 09.12 17:30 here"
    )


async def test_a_visit_typed_with_a_whole_hour_is_booked_at_that_hour(world):
    """ "/visit завтра в 10" was "I could not read the day in “завтра в 10”": staff type the
    hour without its minutes as often as with them."""
    request, thread = await _asked_in_topic(world)
    answer = await _staff_says(world, "/visit завтра в 10", thread)
    assert answer.startswith("📅 R-000001: the visit is booked for ")
    assert answer.split("booked for ")[1].startswith(
        f"{(world.clock.now + timedelta(days=1)).strftime('%B %-d, %Y')}"
    )
    assert ", 10:00." in answer
    stored = await _stored(world, request.id)
    assert stored.details["visit_time"] == "10:00"


async def test_a_delivery_booked_as_a_span_of_hours_is_told_in_the_member_s_words(world):
    """Staff answer "🚚 Delivery" as couriers give it: "завтра до 14:00" was "I could not read
    the day in “завтра до”". It is booked by 14:00, and the member reads it in their language
    on the notice, the request's card and the reminder; "с 10 до 14" is a span."""
    member = await world.member_with_card()
    async with world.sessions.begin() as session:
        stored = await session.get(Member, member.id)
        assert stored is not None
        stored.language = "uk"
    medicines = await world.submit(member, kind=RequestKind.MEDICINES, details=dict(MEDICINES))
    await world.deliver()
    thread = _thread(world, medicines.number)
    await world.press(_card(world, medicines.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, medicines.number), "🚚 Delivery")

    tomorrow = (world.clock.now + timedelta(days=1)).astimezone(world.settings.tz).date()
    answer = await _staff_says(world, "завтра до 14:00", thread)
    assert answer.startswith("🚚 R-000001: the delivery is booked for ")
    assert answer.endswith(
        ", by 14:00. The member is told now; there is no reminder the day before, it is too close."
    )
    told = world.bot_messages(OLENA)[-1]["text"]
    assert (
        told.startswith("🚚 Доставку ліків призначено: ") and ", до 14:00." in told.split("\n")[0]
    )
    stored_request = await _stored(world, medicines.id)
    assert stored_request.visit_on == tomorrow
    assert stored_request.details["delivery_time"] == "–14:00"
    assert "🚚 Delivery booked for: " in _card(world, medicines.number)["text"]
    assert ", by 14:00" in _card(world, medicines.number)["text"]

    answer = await _staff_says(world, f"/visit {medicines.number} завтра с 10 до 14", thread)
    assert ", 10:00–14:00. The member is told now; there is no reminder" in answer
    assert ", 10:00–14:00." in world.bot_messages(OLENA)[-1]["text"].split("\n")[0]
    assert (await _stored(world, medicines.id)).details["delivery_time"] == "10:00–14:00"

    # a time of day in words, as the pharmacy gave it: that window's hours
    answer = await _staff_says(world, f"/visit {medicines.number} завтра после обеда", thread)
    assert ", 12:00–16:00. The member is told now" in answer
    assert ", 12:00–16:00." in world.bot_messages(OLENA)[-1]["text"].split("\n")[0]
    assert (await _stored(world, medicines.id)).details["delivery_time"] == "12:00–16:00"


async def test_a_visit_booked_for_tomorrow_is_its_own_reminder(world):
    """A visit booked in the evening for the next morning was told ("… I will remind you the
    day before"), then reminded at once: two messages saying the same thing. Booked for today
    or tomorrow, the booking's message promises no reminder and none comes; booked further
    ahead, both as before."""
    member = await world.member_with_card()
    request = await _appointment(world, member)
    await world.deliver()
    thread = _thread(world, request.number)
    world.clock.now = _almaty(26, 19)  # Thursday evening
    answer = await _staff_says(world, "/visit 27.11 9:00", thread)
    assert answer.endswith(
        "The member is told now; there is no reminder the day before, it is too close."
    )
    told = world.bot_messages(OLENA)[-1]["text"]
    assert told.startswith("📅 Your visit is booked: November 27, 2026 (Friday), 09:00.")
    assert "remind" not in told
    assert "🔁" not in told  # (booked the first time: nothing changed)
    count = len(world.bot_messages(OLENA))
    await _remind(world, _almaty(26, 20))
    assert len(world.bot_messages(OLENA)) == count  # no reminder of what was just said

    # booked again, further ahead: promised, and reminded the day before
    answer = await _staff_says(world, "/visit 29.11 9:00", thread)
    assert answer.endswith("The member is told now and reminded the day before.")
    told = world.bot_messages(OLENA)[-1]["text"]
    assert told.endswith("I will remind you the day before.")
    assert told.split("\n")[:2] == [
        "📅 Your visit is booked: November 29, 2026 (Sunday), 09:00.",
        "🔁 Changed: it was November 27, 2026 (Friday), 09:00.",
    ]
    await _remind(world, _almaty(28, 10))
    assert world.bot_messages(OLENA)[-1]["text"].startswith(
        "📅 A reminder: your visit is tomorrow, November 29, 2026 (Sunday), 09:00."
    )


async def test_a_clinic_s_confirmation_pasted_books_the_visit_and_reaches_the_member(world):
    """Staff paste what the clinic wrote ("Вы записаны к стоматологу на 27 ноября в 17:30,
    каб. 12") in reply to "📅 Visit": it was "I could not read the day", and they had to retype
    it. The day and hour are booked, and the clinic's words reach the member with them, on
    the notice and the request's card; booked again without them, they are gone."""
    request, thread = await _asked_in_topic(world)
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    await world.press(_card(world, request.number), "📅 Visit")
    pasted = "Вы записаны к стоматологу на 27 ноября в 17:30, каб. 12 <2 этаж>"
    answer = await _staff_says(world, pasted, thread)
    assert answer.startswith(
        "📅 R-000001: the visit is booked for November 27, 2026 (Friday), 17:30."
    )
    told = world.bot_messages(OLENA)[-1]["text"]
    assert told.startswith("📅 Your visit is booked: November 27, 2026 (Friday), 17:30.")
    assert f"💬 Booking details: {pasted}" in told  # (escaped where it enters the HTML)
    assert f"💬 Booking details: {pasted}" in _card(world, request.number)["text"]
    stored = await _stored(world, request.id)
    assert stored.details["visit_note"] == pasted

    await _staff_says(world, f"/visit {request.number} 28.11 10:00", thread)
    assert "visit_note" not in (await _stored(world, request.id)).details


async def test_a_visit_booked_at_a_directory_clinic_tells_its_phone(world):
    """A clinic picked from the directory has its phone on the request: the member told of the
    visit, and reminded the day before, has the number to call the clinic by (late, or to move
    it), beside its name and address."""
    member = await world.member_with_card()
    details = {**ASKED, "clinic": "Dobrobut, 25 Peremohy Ave, Kyiv", "clinic_id": 7}
    request = await _appointment(world, member, {**details, "clinic_phone": "+380 44 000 0225"})
    await world.deliver()
    await _staff_says(world, "/visit 26.11 17:30", _thread(world, request.number))
    told = world.bot_messages(OLENA)[-1]["text"]
    assert told.startswith("📅 Your visit is booked: November 26, 2026 (Thursday), 17:30.")
    assert (
        "City / clinic: Dobrobut, 25 Peremohy Ave, Kyiv\nClinic's phone: +380 44 000 0225" in told
    )
    await _remind(world, _almaty(25, 10))
    reminder = world.bot_messages(OLENA)[-1]["text"]
    assert reminder.startswith("📅 A reminder: your visit is tomorrow")
    assert "Clinic's phone: +380 44 000 0225" in reminder


async def test_a_line_that_says_the_visit_was_booked_offers_booking_it(world):
    """Staff wrote the clinic's booking to the member in words ("Записали вас … на 26.11 в
    17:30, кабинет 12"): the member read it, but the request kept no visit, so no reminder
    came the day before and the card showed none. The bot now offers to book what the line
    says; pressed, it is booked as `/visit` books it, the line kept as its note; a second
    press, or a line that books nothing, books nothing more."""
    member = await world.member_with_card()
    request = await _appointment(world, member)
    await world.deliver()
    thread = _thread(world, request.number)

    line = "Добрый день! Записали вас к стоматологу на 26.11 в 17:30, кабинет 12"
    offer = await _staff_says(world, line, thread)
    assert offer == (
        "📅 R-000001: your message reads as a visit booked for November 26, 2026 (Thursday), "
        "17:30. Book the visit on the request? The member is told of it with the request, and "
        "reminded the day before."
    )
    assert world.bot_messages(OLENA)[-1]["text"] == line  # (the line itself reached them)
    assert (await _stored(world, request.id)).visit_on is None  # only offered

    [offered] = [m for m in world.bot_messages(FORUM, thread) if m.get("text") == offer]
    answer = await world.press(offered, "📅 Book the visit", user_id=INTRUDER)  # not staff
    assert answer["text"] == "⛔️ Only support staff can do this here."
    assert (await _stored(world, request.id)).visit_on is None
    answer = await world.press(offered, "📅 Book the visit")
    assert answer["text"] == "✅ Saved"
    await world.deliver()
    stored = await _stored(world, request.id)
    assert stored.visit_on == date(2026, 11, 26)
    assert (stored.details["visit_date"], stored.details["visit_time"]) == ("2026-11-26", "17:30")
    assert stored.details["visit_note"] == line
    told = world.bot_messages(OLENA)[-1]["text"]
    assert told.startswith("📅 Your visit is booked: November 26, 2026 (Thursday), 17:30.")
    assert world.bot_messages(FORUM, thread)[-1]["text"].startswith(
        "📅 R-000001: the visit is booked for November 26, 2026 (Thursday), 17:30."
    )
    [offered] = [m for m in world.bot_messages(FORUM, thread) if m.get("text") == offer]
    assert not (offered.get("reply_markup") or {}).get("inline_keyboard")  # pressed: gone

    # the same line again: booked already, nothing offered; a line that books nothing neither
    before = len(world.bot_messages(FORUM, thread))
    await _staff_says(world, line, thread)
    await _staff_says(world, "Клиника перезвонит вам завтра утром, чтобы уточнить время", thread)
    assert len(world.bot_messages(FORUM, thread)) == before


async def test_a_booking_written_with_a_whole_hour_is_offered(world):
    """ "Записала вас на 26.11 в 11, к доктору Ахметовой" offered nothing: an hour had to be
    written with its minutes. It is offered at 11:00 and booked so; a room's number ("в 12
    кабинет") is no hour."""
    member = await world.member_with_card()
    request = await _appointment(world, member)
    await world.deliver()
    thread = _thread(world, request.number)
    world.state.send_text(
        FORUM, "Записала вас в 12 кабинет на завтра", user_id=IRYNA, thread_id=thread
    )
    await world.settled()
    await world.deliver()
    said = [m.get("text", "") for m in world.bot_messages(FORUM, thread)]
    assert not any("reads as a visit booked" in text for text in said)  # a room: no hour
    offer = await _staff_says(world, "Записала вас на 26.11 в 11, к доктору Ахметовой", thread)
    assert offer.startswith(
        "📅 R-000001: your message reads as a visit booked for November 26, 2026 (Thursday), 11:00."
    )
    [offered] = [m for m in world.bot_messages(FORUM, thread) if m.get("text") == offer]
    await world.press(offered, "📅 Book the visit")
    await world.deliver()
    stored = await _stored(world, request.id)
    assert (stored.details["visit_date"], stored.details["visit_time"]) == ("2026-11-26", "11:00")
    assert world.bot_messages(OLENA)[-1]["text"].startswith(
        "📅 Your visit is booked: November 26, 2026 (Thursday), 11:00."
    )


async def test_an_offer_pressed_late_or_on_a_closed_request_books_nothing(world):
    """The offer's day is read as of the day the line was written ("завтра" then), and a press
    after that day, or once the request is closed, is answered with why and books nothing."""
    request, thread = await _asked_in_topic(world)
    offer = await _staff_says(world, "Вас записали в клинику на завтра в 10:00, каб. 5", thread)
    assert offer.startswith("📅 R-000001: your message reads as a visit booked for November 23")
    [offered] = [m for m in world.bot_messages(FORUM, thread) if m.get("text") == offer]

    world.clock.now += timedelta(days=3)  # the 25th: the 23rd has passed
    answer = await world.press(offered, "📅 Book the visit")
    assert answer["text"] == "That day has passed: book the visit with /visit."
    assert answer["show_alert"] is True
    assert (await _stored(world, request.id)).visit_on is None

    offer = await _staff_says(world, "Записали вас на 28.11 в 9:30, кабинет 3", thread)
    [offered] = [m for m in world.bot_messages(FORUM, thread) if m.get("text") == offer]
    async with world.sessions.begin() as session:
        closed = await session.get(Request, request.id)
        closed.status = RequestStatus.CANCELLED
    answer = await world.press(offered, "📅 Book the visit")
    assert answer["text"] == "This is booked already, or the request is closed."
    assert (await _stored(world, request.id)).visit_on is None
    # a line no longer there (or a forged one): answered, nothing booked
    answer = await world.forge_press(offered, "vs:999999")
    assert answer["text"] == "This button is out of date. Use the buttons on the latest card."
    assert answer["show_alert"] is True


async def test_a_line_that_says_the_medicines_delivery_was_booked_offers_booking_it(world):
    member = await world.member_with_card()
    request = await world.submit(
        member, kind=RequestKind.MEDICINES, details={"items": "Нурофен", "address": "Хрещатик 1"}
    )
    await world.deliver()
    thread = _thread(world, request.number)
    said = "Ліки доставлять 27.11 з 10:00 до 14:00, кур'єр зателефонує"
    offer = await _staff_says(world, said, thread)
    assert offer.startswith(
        "🚚 R-000001: your message reads as a delivery booked for November 27, 2026 (Friday), "
        "10:00–14:00. Book the delivery on the request?"
    )
    [offered] = [m for m in world.bot_messages(FORUM, thread) if m.get("text") == offer]
    assert (await world.press(offered, "🚚 Book the delivery"))["text"] == "✅ Saved"
    stored = await _stored(world, request.id)
    assert (stored.details["delivery_date"], stored.details["delivery_time"]) == (
        "2026-11-27",
        "10:00–14:00",
    )
