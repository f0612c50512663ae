"""Opt-in rate limits: 30 sends a second, one a second per private chat, 20 a minute per group."""

from __future__ import annotations

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter

from tests.tgsandbox.conftest import MEMBER, OTHER_MEMBER, Control
from tgsandbox import DEFAULT_FORUM_CHAT_ID, EmulatorState, RateLimits


class Ticks:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


@pytest.fixture
def state(request: pytest.FixtureRequest, ticks: Ticks) -> EmulatorState:
    """Limits on a hand-moved clock; parametrize `state` indirectly with options, or "off"."""
    options = getattr(request, "param", {})
    if options == "off":
        return EmulatorState()
    return EmulatorState(rate_limits=RateLimits(clock=ticks, **options))


def limits(**options: object) -> pytest.MarkDecorator:
    return pytest.mark.parametrize("state", [options], indirect=True, ids=["limits"])


@pytest.mark.parametrize("state", ["off"], indirect=True)
async def test_limits_are_off_by_default(bot: Bot, control: Control) -> None:
    for _ in range(40):
        await bot.send_message(MEMBER, "fast")
    assert await control.call("GET", "/limits") == {"enabled": False}


async def test_one_message_a_second_per_private_chat(
    bot: Bot, state: EmulatorState, ticks: Ticks
) -> None:
    await bot.send_message(MEMBER, "first")
    ticks.now += 0.4
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(MEMBER, "too soon")
    assert caught.value.retry_after == 1
    await bot.send_message(OTHER_MEMBER, "another chat is not held back")
    ticks.now += 0.6
    await bot.send_message(MEMBER, "a second later")
    assert state.rate_limits is not None
    assert (state.rate_limits.accepted, state.rate_limits.refused) == (3, 1)
    texts = [m["text"] for m in state.history(MEMBER)]
    assert texts == ["first", "a second later"]


@limits(per_second=3)
async def test_global_limit_refuses_past_the_window_and_refusals_do_not_count(
    bot: Bot, ticks: Ticks
) -> None:
    for chat in (10001, 10002, 10003):
        await bot.send_message(chat, "burst")
        ticks.now += 0.1
    for _ in range(3):  # refused sends do not extend the window
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(10004, "over the cap")
        assert caught.value.retry_after == 1
    ticks.now += 0.71  # the first send of the burst has left the window
    await bot.send_message(10004, "a slot freed up")
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(10005, "still full")


async def test_twenty_a_minute_per_group(bot: Bot, ticks: Ticks) -> None:
    for _ in range(20):
        await bot.send_message(DEFAULT_FORUM_CHAT_ID, "staff card")
        ticks.now += 1.5
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(DEFAULT_FORUM_CHAT_ID, "21st within a minute")
    assert caught.value.retry_after == 30  # the first one leaves the window at 60 s
    await bot.send_message(MEMBER, "private chats are not affected")
    ticks.now += 30
    await bot.send_message(DEFAULT_FORUM_CHAT_ID, "after the window moved")


@limits(per_second=1)
async def test_only_sending_methods_are_limited(bot: Bot) -> None:
    sent = await bot.send_message(MEMBER, "one")
    await bot.send_chat_action(MEMBER, "typing")
    await bot.edit_message_text("edited", chat_id=MEMBER, message_id=sent.message_id)
    await bot.get_me()
    with pytest.raises(TelegramRetryAfter):
        await bot.copy_message(OTHER_MEMBER, MEMBER, sent.message_id)


async def test_control_api_switches_limits(
    bot: Bot, control: Control, state: EmulatorState
) -> None:
    assert await control.call("DELETE", "/limits") == {"enabled": False}
    await bot.send_message(MEMBER, "a")
    await bot.send_message(MEMBER, "b")
    enabled = await control.call("POST", "/limits", {"per_second": 5, "private_interval": 2})
    assert enabled["enabled"] is True
    assert (enabled["per_second"], enabled["private_interval"]) == (5, 2.0)
    await bot.send_message(MEMBER, "c")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(MEMBER, "d")
    assert caught.value.retry_after == 2
    status = await control.call("GET", "/limits")
    assert (status["accepted"], status["refused"]) == (1, 1)
    status, body = await control.raw("POST", "/limits", {"per_second": 0})
    assert status == 400
    assert "must be positive" in body["error"]
