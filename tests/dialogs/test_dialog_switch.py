"""A member's update goes straight to the dialog that owns its context (dialogs/switch.py), and
the command routers above the dialogs refuse a step's answer in one check each
(bot/filters/commands.py), with everything answered as before."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from aiogram import Router
from aiogram.filters import Command
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import CallbackQuery, Update
from aiogram_dialog import Dialog

from bot.factory import create_member_router
from dialogs.common import MemberDialog, member_window
from dialogs.states import MainSG
from dialogs.switch import DialogSwitch
from dialogs.widgets import I18nFormat
from tests.dialogs.harness import MemberClient
from tests.dialogs.requests_helpers import member_with_active_card

TYPED_DATE = "25.12.2026"  # ahead of the dialog tests' clock, within a year


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """The member dialogs (by states group) an update is offered to, in order (not
    aiogram-dialog's own, included after the fallback router)."""
    offered: list[str] = []
    propagate = Router.propagate_event

    async def recording(self: Router, update_type: str, event: Any, **kwargs: Any) -> Any:
        if isinstance(self, Dialog) and self.states_group().__module__.startswith("dialogs."):
            offered.append(self.states_group().__name__)
        return await propagate(self, update_type, event, **kwargs)

    monkeypatch.setattr(Router, "propagate_event", recording)
    return offered


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The commands whose filter parsed a message."""
    seen: list[str] = []
    check = Command.__call__

    async def recording(self: Command, message: Any, bot: Any) -> Any:
        seen.append(str(self))
        return await check(self, message, bot)

    monkeypatch.setattr(Command, "__call__", recording)
    return seen


async def _at_the_date_step(member: MemberClient, session_factory) -> None:
    await member_with_active_card(member, session_factory)
    await member.click("📝 New request")
    await member.click("🧪 Lab tests")
    await member.send("Complete blood count")
    await member.click("➡️ Next")
    assert "On which day would you like to take the tests?" in member.text()


async def test_a_typed_date_goes_straight_to_the_form_that_asked_for_it(
    member, session_factory, asked, parsed
) -> None:
    await _at_the_date_step(member, session_factory)
    asked.clear()
    parsed.clear()

    await member.send(TYPED_DATE)

    assert "find a laboratory nearby" in member.text()
    # the lab-tests form only: not offered first to the ~15 dialogs included before it
    assert asked == ["LabTestsSG"]
    # refused by each command router as a whole, never parsed by a command's filter
    assert parsed == []


async def test_commands_are_still_taken_first_in_a_form(
    member, session_factory, asked, parsed
) -> None:
    await _at_the_date_step(member, session_factory)
    asked.clear()

    await member.send("/menu")

    assert "📝 New request" in member.buttons()
    assert "On which day" not in member.text()
    assert parsed  # the command filters decided it
    assert "LabTestsSG" not in asked  # taken by the commands router, above the dialogs


async def test_a_button_the_owning_dialog_refuses_is_offered_to_no_other(
    member, session_factory, asked
) -> None:
    await _at_the_date_step(member, session_factory)
    asked.clear()
    before = len(member.bot.calls)
    # a button without data (a game button, a modified client): MemberDialog filters it out
    query = CallbackQuery(
        id=str(uuid.uuid4()),
        from_user=member.user,
        chat_instance="--",
        message=member.last(),
        data=None,
    )
    await member.dp.feed_update(member.client.bot, Update(update_id=1, callback_query=query))

    assert asked == ["LabTestsSG"]  # the others would refuse it by their intent filter anyway
    answers = [c for c in member.bot.calls[before:] if isinstance(c, AnswerCallbackQuery)]
    assert [a.text for a in answers] == ["This button is out of date."]
    assert "On which day would you like to take the tests?" in member.text()  # the same step


async def test_without_a_dialog_open_every_dialog_is_asked_as_before(member, asked) -> None:
    await member.send("hello")  # a new member: no dialog open, no context

    assert "📱 Confirm phone" in member.buttons()  # the fallback router opened the menu
    dialogs = [r for r in create_member_router().chain_tail if isinstance(r, Dialog)]
    assert asked == [d.states_group().__name__ for d in dialogs]


def test_the_switch_skips_only_routers_that_would_refuse() -> None:
    (switch,) = create_member_router().sub_routers
    assert isinstance(switch, DialogSwitch)
    # bare: nothing of its own the direct route would skip
    for observer in switch.observers.values():
        assert not observer.handlers and not observer._handler.filters
        assert not observer.outer_middleware and not observer.middleware
    # the dialogs passed over have no outer middleware that would have run before their refusal
    for dialog in switch.sub_routers:
        assert isinstance(dialog, Dialog)
        assert all(not observer.outer_middleware for observer in dialog.observers.values())


def test_the_switch_holds_dialogs_and_one_dialog_per_states_group() -> None:
    switch = DialogSwitch()
    with pytest.raises(TypeError, match="dialogs only"):
        switch.include_router(Router())
    switch.include_router(
        MemberDialog(member_window(I18nFormat("menu-greeting"), state=MainSG.menu))
    )
    with pytest.raises(ValueError, match="MainSG"):
        switch.include_router(
            MemberDialog(member_window(I18nFormat("menu-greeting"), state=MainSG.help))
        )
