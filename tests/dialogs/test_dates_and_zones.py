"""What a member reads about time: in their own zone, from the bot's clock, never the machine's.

The bot's clock in these tests is far from the machine's (the machine's date is whatever day the
suite runs on), so anything read from the machine's clock shows up as a wrong date or mark.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from bot.services.phones import shown_phone
from storage.models import Request
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import stored_requests
from tests.factories import make_person, make_policy

KZ_PHONE = "+77010000101"
UA_PHONE = "+380501112233"


async def _member_with_card(member: MemberClient, session_factory, phone: str, **policy) -> None:
    async with session_factory.begin() as session:
        p = await make_policy(session, **policy)
        await make_person(session, p, full_name="Aigerim Serikova", phone=phone)
    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact(phone.removeprefix("+"))
    await member.send("/menu")


async def _callback_request(member: MemberClient, phone: str) -> None:
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click(re.escape(f"📱 Use {shown_phone(phone)}"))
    await member.click("🕘 Any time")
    await member.send("About my limits")
    await member.click("✅ Send")


async def test_a_request_sent_in_the_almaty_night_is_dated_the_almaty_day(
    member, session_factory, clock
):
    # 21:30 UTC on 1 December is 02:30 on 2 December in Almaty
    clock.now = datetime(2026, 12, 1, 21, 30, tzinfo=UTC)
    await _member_with_card(member, session_factory, KZ_PHONE)
    await _callback_request(member, KZ_PHONE)
    await member.send("/menu")
    await member.click("📋 My requests")
    await member.click("R-000001.*")

    text = member.text()
    assert "Sent on December 2, 2026, 02:30" in text
    assert "December 2, 2026, 02:30 — 🆕 new" in text
    assert "December 1" not in text
    assert "Almaty" not in text  # the member's own zone is not named
    [request] = await stored_requests(session_factory)
    assert request.created_at == clock.now


async def test_mydata_dates_what_happened_on_the_member_s_day(member, session_factory, clock):
    """/mydata said a card linked at 00:30 in Kyiv was linked the day before: the UTC date of
    the stored moment. The day a card was linked and a request sent are the member's."""
    clock.now = datetime(2026, 12, 1, 22, 30, tzinfo=UTC)  # 00:30 on 2 December in Kyiv
    await _member_with_card(member, session_factory, UA_PHONE)
    await _callback_request(member, UA_PHONE)
    await member.send("/mydata")
    text = member.text()
    assert "(linked December 2, 2026)" in text
    assert "R-000001 · 📞 Call-back · 🆕 new · December 2, 2026" in text
    assert "December 1" not in text


async def _lock_out(member: MemberClient, session_factory, button: str) -> None:
    """Five wrong birth dates for a card that exists: activation locks for an hour."""
    async with session_factory.begin() as session:
        policy = await make_policy(session)
        await make_person(session, policy, insured_id="KZ-700001", phone=None)
    await member.send("/menu")
    await member.click(button)
    for _ in range(5):
        await member.send("KZ-700001")
        await member.send("01.01.2000")


async def test_a_kyiv_member_reads_the_lock_out_end_in_kyiv_time(member, session_factory):
    await _member_with_card(member, session_factory, UA_PHONE)
    await _lock_out(member, session_factory, "➕ Add a card by insured ID")
    # failures from 05:00 UTC, locked for an hour: 06:00 UTC is 08:00 in Kyiv (UTC+2 in winter)
    assert "locked until 08:00." in member.text()
    assert "11:00" not in member.text()


async def test_a_member_whose_zone_is_unknown_is_told_which_zone_a_time_is_in(
    member, session_factory
):
    await _lock_out(member, session_factory, "🪪 Activate by insured ID")
    assert "locked until 11:00 (Almaty time)." in member.text()


async def test_support_says_until_what_time_it_is_open_today(member, session_factory, clock):
    clock.now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # Monday 11:00 in Almaty
    await _member_with_card(member, session_factory, KZ_PHONE)
    await member.click("☎️ Support")
    assert "The call centre is open now, until 21:00." in member.text()


async def test_support_gives_a_kyiv_member_the_closing_time_in_kyiv(member, session_factory, clock):
    clock.now = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    await _member_with_card(member, session_factory, UA_PHONE)
    await member.click("☎️ Support")
    text = member.text()
    # 21:00 in Almaty; under the schedule in Almaty time, which zone 18:00 is in is said
    assert "The call centre is open now, until 18:00 (your time)." in text
    assert "Hours (Almaty time):" in text  # the schedule itself is the call centre's


async def test_support_closed_tonight_says_it_opens_today_or_on_which_day(member, clock):
    clock.now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 07:00 in Almaty
    await member.send("/start")
    await member.click("☎️ Support")
    assert "It opens today at 09:00 (Almaty time)." in member.text()

    clock.now = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)  # Sunday 10:00 in Almaty
    await member.send("/start")
    await member.click("☎️ Support")
    assert "It opens on November 23, 2026, 09:00 (Almaty time)." in member.text()


# --- calendars: their first screens follow the bot's clock ---------------------------------------


async def test_the_birth_date_calendar_opens_on_a_decade_of_birth_years(member, session_factory):
    async with session_factory.begin() as session:
        policy = await make_policy(session)
        await make_person(session, policy, insured_id="KZ-700003", phone=None)
    await member.send("/start")
    await member.click("🪪 Activate by insured ID")
    await member.send("KZ-700003")
    await member.click("📅 Pick on the calendar")

    years = [b for b in member.buttons() if b.strip().isdigit()]
    assert years == [str(y) for y in range(1980, 1990)]
    assert "1990 »" in member.buttons()
    for decade in ("1990", "2000", "2010", "2020"):
        await member.click(f"{decade} »")
    # 2026 is this year by the bot's clock; no later year is offered
    assert "[ 2026 ]" in member.buttons()
    assert not {"2027", "2028", "2029"} & set(member.buttons())
    assert not any(b.endswith("»") for b in member.buttons())

    await member.click(r"\[ 2026 \]")
    assert "[ November ]" in member.buttons()
    assert "December" not in member.buttons()
    await member.click(r"\[ November \]")
    assert "[ 22 ]" in member.buttons()
    assert "23" not in member.buttons()  # no future day


async def test_a_calendar_opens_on_the_bots_today_far_from_the_machines(
    member, session_factory, clock
):
    clock.now = datetime(2031, 2, 10, 5, 0, tzinfo=UTC)
    await _member_with_card(
        member,
        session_factory,
        UA_PHONE,
        coverage_start=date(2031, 1, 1),
        coverage_end=date(2031, 12, 31),
        contract_signed=date(2030, 12, 1),
    )
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.click("Dentist")
    await member.send("Kyiv, City Clinic No. 4")
    buttons = member.buttons()
    assert "🗓 February 2031" in buttons
    assert "[ 10 ]" in buttons
    assert "9" not in buttons  # a preferred date is today or later
    assert not any(b.startswith("[ ") and b != "[ 10 ]" for b in buttons)


async def test_the_service_date_calendar_offers_only_the_claim_window(
    member, session_factory, clock
):
    # coverage started 10 days ago: the window is coverage start .. today
    await _member_with_card(member, session_factory, UA_PHONE, coverage_start=date(2026, 11, 12))
    await member.click("📝 New request")
    await member.click("💵 Reimbursement")
    days = [b.strip("[ ]") for b in member.buttons() if b.strip("[ ]").isdigit()]
    assert days == [str(d) for d in range(12, 23)]
    assert "[ 22 ]" in member.buttons()


async def test_times_are_stored_from_the_bots_clock(member, session_factory, clock):
    clock.now = datetime(2030, 6, 1, 8, 0, tzinfo=UTC)
    await _member_with_card(
        member,
        session_factory,
        UA_PHONE,
        coverage_start=date(2030, 1, 1),
        coverage_end=date(2030, 12, 31),
        contract_signed=date(2029, 12, 1),
    )
    await _callback_request(member, UA_PHONE)
    async with session_factory() as session:
        request = (await session.execute(Request.__table__.select())).one()
    assert request.created_at == clock.now
