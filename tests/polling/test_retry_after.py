"""A 429 on a direct call is waited out and retried; the deliverer's bot leaves 429 to it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter

from bot.config import Settings
from bot.factory import create_bot, create_dispatcher
from bot.middlewares.retry_after import MAX_WAIT_SECONDS, RetryAfterMiddleware
from bot.polling import UpdatePoller
from tgsandbox import SANDBOX_TOKEN, EmulatorState, SimUser, bound_url, start_emulator

MEMBER = 30001


@pytest.fixture
async def world(db_url: str) -> AsyncIterator[tuple[EmulatorState, Settings, str]]:
    users = [SimUser(MEMBER, "Member", language_code="en")]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    settings = Settings(  # type: ignore[call-arg]
        bot_token=SANDBOX_TOKEN,
        database_url=db_url,
        bot_api_url=bound_url(runner),
        default_locale="en",
        _env_file=None,
    )
    try:
        yield state, settings, bound_url(runner)
    finally:
        await runner.cleanup()


async def fault(base_url: str, **body: Any) -> None:
    """The control API's `POST /sandbox/api/faults`: the next matching call answers 429."""
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{base_url}/sandbox/api/faults", json={"kind": "429", **body}) as resp,
    ):
        assert (await resp.json())["ok"]


def sends(state: EmulatorState, chat_id: int) -> list[bool]:
    return [
        c["ok"]
        for c in state.calls
        if c["method"] == "sendMessage" and str(c["params"].get("chat_id")) == str(chat_id)
    ]


async def timed_send(bot: Bot) -> float:
    loop = asyncio.get_running_loop()
    began = loop.time()
    try:
        await bot.send_message(MEMBER, "hello")
    finally:
        await bot.session.close()
    return loop.time() - began


async def test_a_429_on_a_direct_call_waits_retry_after_and_succeeds(world) -> None:
    state, settings, url = world
    await fault(url, method="sendMessage", chat_id=MEMBER, retry_after=1, count=2)
    took = await timed_send(create_bot(settings))
    assert sends(state, MEMBER) == [False, False, True]
    assert took >= 2  # waited 1 s twice


async def test_an_answer_is_retried_as_often_as_telegram_asks(world) -> None:
    """Not given up after two tries (issue 12: members' answers were dropped so)."""
    state, settings, url = world
    await fault(url, method="sendMessage", chat_id=MEMBER, retry_after=1, count=4)
    took = await timed_send(create_bot(settings))
    assert sends(state, MEMBER) == [False, False, False, False, True]
    assert took >= 4


async def test_a_429_past_the_waiting_budget_is_raised(world) -> None:
    state, settings, url = world
    await fault(url, method="sendMessage", chat_id=MEMBER, retry_after=20, count=2)
    bot = create_bot(settings)
    waits: list[float] = []

    async def sleep(seconds: float) -> None:  # the 20 s are not waited in a test
        waits.append(seconds)

    for middleware in bot.session.middleware:
        if isinstance(middleware, RetryAfterMiddleware):
            middleware.sleep = sleep
    with pytest.raises(TelegramRetryAfter):
        await timed_send(bot)
    assert 20 < MAX_WAIT_SECONDS < 40  # a second 20 s would pass the budget
    assert waits == [20]
    assert sends(state, MEMBER) == [False, False]


async def test_a_429_asking_for_too_long_a_wait_is_raised_at_once(world) -> None:
    state, settings, url = world
    await fault(url, method="sendMessage", chat_id=MEMBER, retry_after=60)
    loop = asyncio.get_running_loop()
    began = loop.time()
    with pytest.raises(TelegramRetryAfter):
        await timed_send(create_bot(settings))
    assert loop.time() - began < 5
    assert sends(state, MEMBER) == [False]


async def test_the_deliverers_bot_leaves_a_429_to_the_deliverer(world) -> None:
    state, settings, url = world
    await fault(url, method="sendMessage", chat_id=MEMBER, retry_after=1)
    with pytest.raises(TelegramRetryAfter):
        await timed_send(create_bot(settings, retry_after=False))
    assert sends(state, MEMBER) == [False]


async def test_a_screen_refused_with_429_reaches_the_member_after_the_wait(
    world, session_factory
) -> None:
    state, settings, url = world
    bot = create_bot(settings)
    dp, _ = create_dispatcher(settings, session_factory)
    poller = UpdatePoller(dp, bot, concurrency=4, shutdown_timeout=5, polling_timeout=1)
    polling = asyncio.create_task(poller.run())
    try:
        await fault(url, chat_id=MEMBER, retry_after=1)  # the first call to the chat, any method
        state.send_text(MEMBER, "/start")
        greeting = await state.wait_for(
            lambda: [
                m
                for m in state.history(MEMBER)
                if m["from"]["is_bot"] and "Welcome" in m.get("text", "")
            ],
            within=10,
        )
        assert len(greeting) == 1
        assert next(c["ok"] for c in state.calls if c["params"].get("chat_id")) is False
        await state.wait_delivered(5)
    finally:
        poller.stop()
        await asyncio.wait_for(polling, 10)
        await bot.session.close()
