"""The web role's webhook: the secret checked on every request, 200 only once handled."""

from __future__ import annotations

import asyncio

from aiogram import Bot, Dispatcher
from aiogram.types import Message
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.web import SECRET_HEADER, HandledFirstRequestHandler

UPDATE = {
    "update_id": 1,
    "message": {
        "message_id": 1,
        "date": 0,
        "chat": {"id": 5, "type": "private"},
        "from": {"id": 5, "is_bot": False, "first_name": "A"},
        "text": "hi",
    },
}


async def test_the_answer_waits_for_the_handler_and_a_wrong_secret_is_refused():
    dp = Dispatcher()
    handled: list[str] = []

    @dp.message()
    async def slow(message: Message) -> None:
        await asyncio.sleep(0.3)
        handled.append(message.text or "")

    app = web.Application()
    bot = Bot("123456:TEST-token")
    HandledFirstRequestHandler(dp, bot, "right-secret", concurrency=2).register(app, path="/hook")
    client = TestClient(TestServer(app))
    await client.start_server()
    try:
        wrong = await client.post("/hook", json=UPDATE, headers={SECRET_HEADER: "wrong"})
        assert wrong.status == 401
        missing = await client.post("/hook", json=UPDATE)
        assert missing.status == 401
        assert handled == []

        answer = await client.post("/hook", json=UPDATE, headers={SECRET_HEADER: "right-secret"})
        assert answer.status == 200
        assert handled == ["hi"]  # handled before the answer, not in the background
    finally:
        await client.close()
        await bot.session.close()
