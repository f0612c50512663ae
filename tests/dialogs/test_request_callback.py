from datetime import date

from tests.dialogs.requests_helpers import member_with_active_card, stored_requests


async def test_callback_request_end_to_end(member, session_factory):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    assert "New request on card SIP-2026-0001 (Olena Kovalenko)" in member.text()
    await member.click("📞 Call-back")
    await member.send("12")
    assert "does not look like a phone number" in member.text()
    await member.click("📱 Use \\+380501112233")
    await member.click("🌆 Evening, 16:00–20:00")
    await member.send("?")
    assert "at least a few characters" in member.text()
    await member.send("Question about my dental limit")
    summary = member.text()
    assert "Phone: +380501112233" in summary
    assert "Time: 🌆 Evening, 16:00–20:00" in summary

    await member.click("✏️ Phone")  # edit one field, then straight back to the summary
    await member.send("8 701 123 45 67")  # as people write it in Kazakhstan
    assert "Phone: +77011234567" in member.text()
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert f"Request {request.number} is sent" in member.text()
    assert request.number == "R-000001"
    assert (request.kind, request.status) == ("callback", "new")
    assert request.details == {
        "phone": "+77011234567",
        "time_window": "evening",
        "topic": "Question about my dental limit",
    }


async def test_waiting_card_cannot_take_requests_and_says_from_when(member, session_factory):
    await member_with_active_card(member, session_factory, coverage_start=date(2026, 12, 1))
    await member.click("📝 New request")
    assert "Coverage on your active card starts on December 1, 2026" in member.text()
    assert "📞 Call-back" not in member.buttons()


async def test_expired_card_cannot_take_requests(member, session_factory):
    await member_with_active_card(member, session_factory, coverage_end=date(2026, 10, 31))
    await member.click("📝 New request")
    assert "ended on October 31, 2026" in member.text()
