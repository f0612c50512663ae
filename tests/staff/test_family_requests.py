"""A parent's request on a child's card: what the bot tells the parent says whose it is."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.services import reminders, requests
from bot.services.cards import confirm_phone, set_active_card
from storage.models import Member, Request, RequestKind
from tests.factories import make_person, make_policy
from tests.staff.conftest import FORUM, OLENA, StaffWorld

PHONE = "+380501112233"


async def _child_s_request(
    world: StaffWorld, kind: RequestKind, details: dict[str, Any]
) -> Request:
    """Olena's phone links her card and her son's; she makes a request on his."""
    async with world.sessions.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        await make_person(session, policy, full_name="Kovalenko Olena Petrivna", phone=PHONE)
        child = await make_person(
            session, policy, full_name="Kovalenko Taras Andriiovych", relation="child", phone=PHONE
        )
        member = Member(telegram_id=OLENA, language="en", created_at=world.clock())
        session.add(member)
        await session.flush()
        await confirm_phone(session, member, PHONE, world.clock(), world.clock().date())
        assert child.id is not None and await set_active_card(session, member, child.id)
        return await requests.submit(
            session, member, kind, details, [], world.clock(), world.clock().date()
        )


async def test_a_status_message_names_whose_request_it_is_in_a_family(world: StaffWorld) -> None:
    request = await _child_s_request(
        world, RequestKind.CALLBACK, {"phone": PHONE, "time_window": "any", "topic": "Vaccination"}
    )
    await world.deliver()
    card = next(m for m in world.bot_messages(FORUM) if m.get("text", "").startswith("R-000001"))
    await world.press(card, "🙋 Take")
    await world.deliver()
    [told] = [m["text"] for m in world.bot_messages(OLENA) if m["text"].startswith("🔔")]
    assert told == f"🔔 Request {request.number} (📞 Call-back · Taras): 🔧 in progress."


async def test_the_appointment_reminder_names_whose_appointment_it_is(world: StaffWorld) -> None:
    await _child_s_request(
        world,
        RequestKind.APPOINTMENT,
        {"specialty": "pediatrician", "clinic": "Kyiv", "preferred_date": "2026-11-24"},
    )
    await world.deliver()
    world.clock.advance(days=1)  # Monday, 10:00 in Almaty: the morning before
    async with world.sessions.begin() as session:
        # (an SLA so long it never escalates here)
        rules = reminders.ReminderRules(tz=ZoneInfo("Asia/Almaty"), sla=timedelta(days=365))
        assert await reminders.run_due(session, world.clock(), rules) == 1
    await world.deliver()
    [told] = [m["text"] for m in world.bot_messages(OLENA) if m["text"].startswith("📅")]
    assert told.splitlines()[:3] == [
        "📅 A reminder: your doctor appointment request R-000001 is for tomorrow.",
        "👤 Insured person: Kovalenko Taras Andriiovych",
        "Specialty: Pediatrician",
    ]
