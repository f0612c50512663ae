"""The emulator delivers updates to a set webhook as Telegram does: the secret header, one
chat's updates in order, a failed delivery sent again, a list of targets taken in turn."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from tgsandbox import EmulatorState
from tgsandbox.webhook import SECRET_HEADER

from .conftest import MEMBER, OTHER_MEMBER, Control

SECRET = "s3cret-token_1"


async def _serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}/hook"


@pytest.fixture
async def receiver() -> AsyncIterator[Callable[..., Awaitable[tuple[str, list[Any]]]]]:
    runners: list[web.AppRunner] = []

    async def start(fail_first: int = 0) -> tuple[str, list[Any]]:
        seen: list[Any] = []
        failures = [fail_first]

        async def hook(request: web.Request) -> web.Response:
            body = await request.json()
            seen.append((request.headers.get(SECRET_HEADER), body))
            if failures[0] > 0:
                failures[0] -= 1
                return web.Response(status=500)
            return web.json_response({})

        app = web.Application()
        app.router.add_post("/hook", hook)
        runner, url = await _serve(app)
        runners.append(runner)
        return url, seen

    yield start
    for runner in runners:
        await runner.cleanup()


async def test_updates_go_to_the_webhook_with_the_secret_and_leave_pending_when_answered(
    bot: Bot, control: Control, state: EmulatorState, receiver
):
    url, seen = await receiver()
    assert await bot.set_webhook(url, secret_token=SECRET)
    for n in range(3):
        await control.text(MEMBER, f"m{n}")
    await control.text(OTHER_MEMBER, "other")
    await state.wait_for(lambda: not state.pending and len(seen) == 4)
    assert {secret for secret, _ in seen} == {SECRET}
    member_texts = [b["message"]["text"] for _, b in seen if b["message"]["chat"]["id"] == MEMBER]
    assert member_texts == ["m0", "m1", "m2"]
    info = await bot.get_webhook_info()
    assert info.pending_update_count == 0


async def test_a_failed_delivery_comes_again_before_the_chats_next_update(
    bot: Bot, control: Control, state: EmulatorState, receiver
):
    url, seen = await receiver(fail_first=2)
    await bot.set_webhook(url, secret_token=SECRET)
    await control.text(MEMBER, "first")
    await control.text(MEMBER, "second")
    await state.wait_for(lambda: not state.pending, within=10)
    assert [b["message"]["text"] for _, b in seen] == ["first", "first", "first", "second"]
    assert "500" in (await bot.get_webhook_info()).last_error_message
    webhook = await control.call("GET", "/webhook")
    assert len(webhook["errors"]) == 2


async def test_targets_take_turns_and_a_dead_one_is_passed_over(
    bot: Bot, control: Control, state: EmulatorState, receiver
):
    (first, seen_first), (second, seen_second) = await receiver(), await receiver()
    await bot.set_webhook(first, secret_token=SECRET)
    dead = "http://127.0.0.1:9/hook"  # nothing listens on the discard port
    await control.call("POST", "/webhook/targets", {"targets": [first, dead, second]})
    for n in range(6):
        await control.text(MEMBER if n % 2 else OTHER_MEMBER, f"t{n}")
    await state.wait_for(lambda: not state.pending, within=15)
    assert seen_first and seen_second
    assert len(seen_first) + len(seen_second) == 6


async def test_aiogram_webhook_handler_receives_them(
    bot: Bot, control: Control, state: EmulatorState
):
    """Conformance: aiogram's own webhook server, with its secret check, takes the updates."""
    dp = Dispatcher()
    got: list[str] = []

    @dp.message()
    async def echo(message: Message) -> None:
        got.append(message.text or "")
        await message.answer(f"echo {message.text}")

    app = web.Application()
    SimpleRequestHandler(dp, bot, handle_in_background=False, secret_token=SECRET).register(
        app, path="/hook"
    )
    runner, url = await _serve(app)
    try:
        await bot.set_webhook(url, secret_token=SECRET)
        await control.text(MEMBER, "hello")
        await state.wait_for(lambda: got and not state.pending)
        await asyncio.sleep(0.2)
        history = await control.history(MEMBER)
        assert history[-1]["text"] == "echo hello"

        await bot.set_webhook(url, secret_token="wrong-secret")  # aiogram refuses it: 401
        await control.text(MEMBER, "refused")
        await state.wait_for(lambda: state.webhook_errors, within=5)
        assert got == ["hello"]
    finally:
        await runner.cleanup()
