"""Dialogs opened within the same second keep apart, and a lost dialog recovers cleanly.

aiogram-dialog's own intent ids repeat one time in a hundred within a second
(`dialogs/intent_ids.py`); before the fix these tests failed, on SQLite with a 30-second
"database is locked" from the recovery path.
"""

from __future__ import annotations

import re

from aiogram_dialog.api.entities import stack
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy import func, select

from dialogs.intent_ids import use_random_intent_ids
from dialogs.states import MainSG
from storage.models import FsmRecord
from tests.dialogs.requests_helpers import member_with_active_card, restore_state, stored_state


def test_a_thousand_dialogs_in_one_second_get_a_thousand_ids(monkeypatch) -> None:
    monkeypatch.setattr(stack.time, "time", lambda: 1_800_000_000.0)
    use_random_intent_ids()
    chat = stack.Stack()
    ids = set()
    for _ in range(1000):
        chat.intents.clear()  # the stack's own limit is small; the ids are what is tested
        ids.add(chat.push(MainSG.menu, None).id)
    assert len(ids) == 1000
    assert max(len(i) for i in ids) <= 7


async def test_the_language_opened_over_the_menu_in_the_same_second(
    member, session_factory, monkeypatch
) -> None:
    # the library's weak spot made certain: every id of a second would be the same
    monkeypatch.setattr(stack.random, "randint", lambda _a, _b: 0)
    monkeypatch.setattr(stack.time, "time", lambda: 1_800_000_000.0)
    await member_with_active_card(member, session_factory)  # ends on /menu
    await member.send("/language")
    await member.click("🇷🇺 Русский")
    await member.send("/menu")
    assert "📝 Новая заявка" in member.buttons()


async def test_a_stale_button_shows_the_open_menu_again_and_the_state_is_saved(
    member, session_factory
) -> None:
    await member_with_active_card(member, session_factory)
    stale = member.last()
    await member.send("/cancel")  # a new stack: the old menu's buttons point nowhere
    await member.client.click(stale, InlineButtonTextLocator("👤 Profile"))

    # the menu open now is shown again below, saying the button belongs to a step left
    assert "already left" in member.text()
    assert member.text().count("⚠️") == 1
    assert "📝 New request" in member.buttons()
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(FsmRecord)) >= 1
    await member.click("👤 Profile")  # the recovered menu works
    assert "👤 Profile" not in member.buttons()


async def test_a_press_on_a_screen_left_for_a_sub_dialog_keeps_the_members_place(
    member, session_factory
) -> None:
    """The menu's "New request" pressed again (an old message, or Telegram sending the press
    again after a crash): the form opened over the menu stays where it is (issue 17)."""
    await member_with_active_card(member, session_factory)  # ends on /menu
    menu = member.last()
    await member.click("📝 New request")
    assert "🩺 Doctor appointment" in member.buttons()
    await member.client.click(menu, InlineButtonTextLocator("📝 New request"))
    assert "out of date" not in member.text()
    # the open step again at the bottom of the chat, where the member reads, saying why
    assert "already left" in member.text()
    assert "🩺 Doctor appointment" in member.buttons()
    await member.click("🩺 Doctor appointment")  # the form goes on
    assert "🩺 Doctor appointment" not in member.buttons()


async def test_a_step_shown_but_not_stored_gives_way_to_the_stored_one(
    member, session_factory
) -> None:
    """The process died after a step was shown and before it was stored (the dialog state is
    committed after the screen): the member's next press on that screen shows the step that
    was stored, in the same place, and the form goes on from there (issue 17: PostgreSQL's
    wider commit window sent members back to the menu with "That screen is out of date")."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    stored = await stored_state(session_factory)
    await member.click("📞 Call-back")  # a form over the list: shown, then stored
    shown = member.last()
    # ... but the commit never happened (the stack keeps the message: Telegram's edit kept its id)
    await restore_state(session_factory, stored, last_message_id=shown.message_id)

    await member.click(re.escape(member.buttons()[0]))
    # the stored step replaces the unstored one (an edit; the test's message manager gives
    # every edit a new id), with no notice: the member is where the bot last stored them
    assert "out of date" not in member.text()
    assert "already left" not in member.text()
    assert "📞 Call-back" in member.buttons()  # the stored step: the list of kinds
    await member.click("📞 Call-back")  # and the form goes on from it
    assert "📞 Call-back" not in member.buttons()


async def test_a_screen_never_stored_below_the_stored_one_shows_the_stored_step(
    member, session_factory
) -> None:
    """The same, when the unstored step was sent as a new message: the stored step is sent
    again below it with a line saying the button belongs to a step already left."""
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    kinds = member.last()
    await member.click("📞 Call-back")
    await member.send("/cancel")  # the form is gone; a new menu below
    await member.click("📝 New request")
    await member.client.click(kinds, InlineButtonTextLocator("📞 Call-back"))
    assert "already left" in member.text()
    assert "📞 Call-back" in member.buttons()
