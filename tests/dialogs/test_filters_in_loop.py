"""Filters are checked in the event loop: none costs a thread hand-off (bot/filters/magic.py).

aiogram runs a filter that is not a coroutine through `asyncio.to_thread`; aiogram-dialog gives
each dialog such a filter on its callback queries, so a button press used to hop to a thread
once per dialog before the right one matched.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.factory import create_dispatcher
from bot.filters.magic import _filters
from tests.factories import make_person, make_policy


def test_no_filter_left_to_a_thread(settings, session_factory, messages) -> None:
    staffed = settings.model_copy(update={"admin_chat_id": -100_500})
    dp, _bg = create_dispatcher(staffed, session_factory, message_manager=messages)

    filters = list(_filters(dp))
    assert len(filters) > 40  # every router's and handler's, the dialogs' and the staff side's
    assert [f.callback for f in filters if not f.awaitable] == []


async def test_member_steps_run_no_filter_in_a_thread(member, session_factory, monkeypatch) -> None:
    async with session_factory.begin() as session:
        policy = await make_policy(session, number="SIP-2026-0001")
        await make_person(session, policy, full_name="Olena Kovalenko", relation="self")
    handed_off: list[Any] = []
    to_thread = asyncio.to_thread

    async def counting(func: Any, /, *args: Any, **kwargs: Any) -> Any:
        handed_off.append(func)
        return await to_thread(func, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", counting)

    await member.send("/start")
    await member.click("📱 Confirm phone")
    await member.share_contact("380501112233")
    assert "Phone +380 50 111 2233 is confirmed" in member.text()
    await member.send("/start")
    await member.click("🌐 Language")
    await member.click("🇺🇦 Українська")

    assert handed_off == [], handed_off
    assert any("Мова" in label for label in member.buttons()), member.buttons()


@pytest.mark.parametrize("result", [True, False, {"extra": 1}])
async def test_a_converted_filter_gives_what_the_check_gave(result: Any) -> None:
    from aiogram import Router
    from aiogram.dispatcher.event.handler import FilterObject

    from bot.filters.magic import checks_in_loop

    router = Router()

    def check(message: Any, state: Any) -> Any:
        return result

    @router.message(check)
    async def handler(message: Any) -> None:  # pragma: no cover - never called
        pass

    assert checks_in_loop(router) == 1
    (event_filter,) = router.message.handlers[0].filters or []
    assert isinstance(event_filter, FilterObject) and event_filter.awaitable
    # aiogram still passes only the arguments the check asked for
    assert await event_filter.call("message", state="s", unrelated=1) == result
