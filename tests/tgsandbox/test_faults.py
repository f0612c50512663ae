"""Fault switches: 403, 429, 500 and 502, scoped by chat and method, counted down."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter, TelegramServerError

from tests.tgsandbox.conftest import MEMBER, OTHER_MEMBER, Control


async def test_blocked_switch_raises_forbidden(bot: Bot, control: Control) -> None:
    await control.fault(kind="blocked", count=2, chat_id=MEMBER)
    await bot.send_message(OTHER_MEMBER, "other chats still work")
    for _ in range(2):
        with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
            await bot.send_message(MEMBER, "hi")
    await bot.send_message(MEMBER, "third call goes through")
    assert await control.call("GET", "/faults") == []


async def test_retry_after_switch_carries_the_delay(bot: Bot, control: Control) -> None:
    await control.fault(kind="retry_after", retry_after=7)
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(MEMBER, "flood")
    assert caught.value.retry_after == 7
    await bot.send_message(MEMBER, "after waiting")


@pytest.mark.parametrize("kind", ["500", "502"])
async def test_server_errors(bot: Bot, control: Control, kind: str) -> None:
    await control.fault(kind=kind, method="sendMessage")
    await bot.send_chat_action(MEMBER, "typing")  # another method is not affected
    with pytest.raises(TelegramServerError):
        await bot.send_message(MEMBER, "boom")


async def test_unscoped_fault_spares_polling(bot: Bot, control: Control) -> None:
    await control.fault(kind="blocked")
    assert await bot.get_updates(timeout=0) == []
    await bot.get_me()
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(MEMBER, "hit")


async def test_fault_on_get_updates_when_named(bot: Bot, control: Control) -> None:
    await control.fault(kind="429", method="getUpdates", retry_after=1)
    with pytest.raises(TelegramRetryAfter):
        await bot.get_updates(timeout=0)


async def test_bad_fault_request_is_refused(control: Control) -> None:
    status, body = await control.raw("POST", "/faults", {"kind": "teapot"})
    assert status == 400
    assert "kind must be one of" in body["error"]
    await control.fault(kind="blocked", count=3)
    assert await control.call("DELETE", "/faults") is True
    assert await control.call("GET", "/faults") == []


async def test_member_blocking_the_bot(bot: Bot, control: Control) -> None:
    await control.call("POST", f"/chats/{MEMBER}/block", {"blocked": True})
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(MEMBER, "reminder")
    await control.call("POST", f"/chats/{MEMBER}/block", {"blocked": False})
    await bot.send_message(MEMBER, "welcome back")


async def test_writing_to_a_blocked_bot_unblocks_it_first(bot: Bot, control: Control) -> None:
    await control.call("POST", f"/chats/{MEMBER}/block", {"blocked": True})
    await control.text(MEMBER, "/start")
    updates = await bot.get_updates(timeout=0)
    kinds = [u.event_type for u in updates]
    assert kinds == ["my_chat_member", "my_chat_member", "message"]
    assert updates[1].my_chat_member is not None
    assert updates[1].my_chat_member.new_chat_member.status == "member"
    await bot.send_message(MEMBER, "welcome back")
