""" "Назад" typed: a request form's step before, the way the member came; a screen's "⬅️ Back"
pressed. It was the answer to the step ("City / clinic: назад"), or "Messages are not taken on
this screen"."""

from __future__ import annotations

import pytest

from tests.dialogs.requests_helpers import member_with_active_card, stored_requests

CHOOSER = "What do you need?"
SPECIALTY = "Which doctor do you need?"
CLINIC = "In which city?"
DATE = "Which day would suit you?"
TIME = "What time of day suits you best?"
COMMENT = "Anything the clinic should know"
MENU = "Active card: SIP-2026-0001"


async def test_back_typed_in_a_form_goes_back_the_way_the_member_came(
    member, session_factory, clock
):
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🩺 Doctor appointment")
    await member.send("назад")  # the form's first step: the screen it was opened from
    assert CHOOSER in member.text()
    await member.click("🩺 Doctor appointment")
    await member.click("Dentist")
    await member.send("Kyiv")
    await member.send("назад")
    assert CLINIC in member.text()  # the step before, not "I could not read that date"
    await member.send("Almaty")
    await member.send("завтра")
    await member.click("🕘 Any time")
    assert COMMENT in member.text()
    for typed, step in (("назад", TIME), ("повернутися", DATE), ("back", CLINIC)):
        await member.send(typed)
        assert step in member.text(), typed
    await member.send("артқа")  # the specialty was pressed: no "Another specialty" step
    assert SPECIALTY in member.text()
    await member.click("✍️ Another specialty")
    await member.send("назад")
    assert SPECIALTY in member.text()
    await member.click("ENT")
    await member.send("Lviv")
    await member.send("завтра")
    await member.click("🕘 Any time")
    await member.click("⏭ Skip")
    assert "Is everything right?" in member.text()
    await member.send("назад")  # under the summary: the last step
    assert COMMENT in member.text()
    await member.click("⏭ Skip")
    await member.click("✏️ Date")
    await member.send("назад")  # a field opened to change: the summary, as it was
    assert "Is everything right?" in member.text()
    assert "Preferred date: November 23, 2026" in member.text()
    await member.click("✅ Send")

    [request] = await stored_requests(session_factory)
    assert (request.details["specialty"], request.details["clinic"]) == ("ent", "Lviv")
    await member.send("назад")  # "Request sent": its "🏠 Main menu", and no line for support
    assert MENU in member.text()
    [request] = await stored_requests(session_factory)
    assert "назад" not in str(request.details)


async def test_back_typed_skips_a_step_the_member_did_not_see(member, session_factory, clock):
    """A claim's amount typed with its currency asks no currency: back from the documents is
    the amount."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("💵 Reimbursement")
    await member.send("15.11.2026")
    await member.send("1500 грн")
    assert "Send photos or files" in member.text()
    await member.send("назад")
    assert "amount" in member.text()
    assert "In which currency" not in member.text()
    await member.send("назад")
    assert "On what date did you receive the medical service?" in member.text()


@pytest.mark.parametrize(
    ("button", "typed", "screen"),
    [
        ("💳 My cards", "назад", MENU),
        ("📋 My requests", "назад", MENU),
        ("👤 Profile", "back", MENU),
        ("☎️ Support", "назад", MENU),
    ],
)
async def test_back_typed_on_a_screen_presses_its_back(
    member, session_factory, clock, button, typed, screen
):
    """ "назад" on "My cards" was "⚠️ Messages are not taken on this screen. Send this to
    support?"."""
    await member_with_active_card(member, session_factory)
    await member.click(button)
    await member.send(typed)
    assert screen in member.text()
    assert "Send this to support?" not in member.text()


async def test_back_typed_on_a_card_is_the_list_and_on_the_menu_is_nothing_new(
    member, session_factory, clock
):
    await member_with_active_card(member, session_factory)
    await member.click("💳 My cards")
    await member.click("✅ Olena Kovalenko · SIP-2026-0001")
    await member.send("назад")
    assert "Your insurance cards (1)" in member.text()
    await member.send("/menu")
    await member.send("назад")  # nothing to go back to: the menu again, and no question
    assert MENU in member.text()
    assert "Send this to support?" not in member.text()
