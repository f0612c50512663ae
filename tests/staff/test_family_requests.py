"""A parent's request on a child's card: the status messages say whose request it is."""

from __future__ import annotations

from bot.services import requests
from bot.services.cards import confirm_phone, set_active_card
from storage.models import Member, RequestKind
from tests.factories import make_person, make_policy
from tests.staff.conftest import FORUM, OLENA, StaffWorld


async def test_a_status_message_names_whose_request_it_is_in_a_family(world: StaffWorld) -> None:
    async with world.sessions.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        phone = "+380501112233"
        await make_person(session, policy, full_name="Kovalenko Olena Petrivna", phone=phone)
        child = await make_person(
            session, policy, full_name="Kovalenko Taras Andriiovych", relation="child", phone=phone
        )
        member = Member(telegram_id=OLENA, language="en", created_at=world.clock())
        session.add(member)
        await session.flush()
        await confirm_phone(session, member, phone, world.clock(), world.clock().date())
        assert child.id is not None and await set_active_card(session, member, child.id)
        request = await requests.submit(
            session,
            member,
            RequestKind.CALLBACK,
            {"phone": phone, "time_window": "any", "topic": "Vaccination"},
            [],
            world.clock(),
            world.clock().date(),
        )
    await world.deliver()
    card = next(m for m in world.bot_messages(FORUM) if m.get("text", "").startswith("R-000001"))
    await world.press(card, "🙋 Take")
    await world.deliver()
    [told] = [m["text"] for m in world.bot_messages(OLENA) if m["text"].startswith("🔔")]
    assert told == f"🔔 Request {request.number} (📞 Call-back · Taras): 🔧 in progress."
