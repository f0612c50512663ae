"""Forms forget what they no longer need: typed insured IDs, birth dates, IBANs and free text
leave the dialog state when the form ends or is cancelled, and abandoned forms after
DRAFT_TTL_HOURS."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage.models import FsmRecord
from tests.dialogs.requests_helpers import member_with_active_card
from tests.factories import make_person, make_policy


async def _state(session_factory) -> str:
    async with session_factory() as session:
        rows = (await session.execute(select(FsmRecord))).scalars().all()
    return json.dumps([(r.key, r.state, r.data) for r in rows], ensure_ascii=False)


async def test_activation_forgets_the_typed_id_and_birth_date(member, session_factory):
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0007")
        await make_person(session, policy, insured_id="KZ-100001", phone=None)
    await member.send("/start")
    await member.click("🪪 Activate by insured ID")
    await member.send("kz-100001")
    await member.send("05/03/1984")
    assert "is linked and active" in member.text()
    state = await _state(session_factory)
    assert "100001" not in state
    assert "1984" not in state


async def test_a_sent_request_form_forgets_the_iban_and_free_text(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("📞 Call-back")
    await member.click("📱 Use \\+380 50 111 2233")
    await member.click("🌆 Evening, 16:00–20:00")
    await member.send("Secret question about my diagnosis")
    await member.click("✅ Send")
    assert "R-000001 is sent" in member.text()
    state = await _state(session_factory)
    assert "diagnosis" not in state and "380501112233" not in state
    assert '"number": "R-000001"' in state  # what the "sent" screen still shows
