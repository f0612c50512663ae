"""Fixtures: an emulator on a free port, a real aiogram Bot pointed at it, a control client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Update

from tgsandbox import SANDBOX_TOKEN, EmulatorState, bound_url, start_emulator

MEMBER = 10001  # Olena, uk
OTHER_MEMBER = 10002  # Dmitry, ru
STAFF = 20001


class QuickCloseSession(AiohttpSession):
    """aiogram's close() sleeps 250 ms for SSL sockets; plain local HTTP does not need it."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


class Control:
    """A thin client for the emulator's control API."""

    def __init__(self, http: aiohttp.ClientSession, base: str) -> None:
        self.http = http
        self.base = f"{base}/sandbox/api"

    async def call(self, verb: str, path: str, body: Any = None, **query: Any) -> Any:
        async with self.http.request(verb, self.base + path, json=body, params=query) as resp:
            data = await resp.json()
        if not data["ok"]:
            raise AssertionError(f"{resp.status}: {data['error']}")
        return data["result"]

    async def raw(self, verb: str, path: str, body: Any = None) -> tuple[int, Any]:
        async with self.http.request(verb, self.base + path, json=body) as resp:
            return resp.status, await resp.json()

    async def text(self, chat_id: int, text: str, **extra: Any) -> dict[str, Any]:
        return await self.call("POST", f"/chats/{chat_id}/text", {"text": text, **extra})

    async def history(self, chat_id: int, **query: Any) -> list[dict[str, Any]]:
        result = await self.call("GET", f"/chats/{chat_id}/messages", **query)
        return result["messages"]

    async def fault(self, **body: Any) -> dict[str, Any]:
        return await self.call("POST", "/faults", body)


@pytest.fixture
def state() -> EmulatorState:
    return EmulatorState()


@pytest.fixture
async def base_url(state: EmulatorState) -> AsyncIterator[str]:
    runner, _ = await start_emulator("127.0.0.1", 0, state)
    try:
        yield bound_url(runner)
    finally:
        await runner.cleanup()


@pytest.fixture
async def bot(base_url: str) -> AsyncIterator[Bot]:
    session = QuickCloseSession(api=TelegramAPIServer.from_base(base_url))
    bot = Bot(SANDBOX_TOKEN, session=session)
    try:
        yield bot
    finally:
        await session.close()


@pytest.fixture
async def control(base_url: str) -> AsyncIterator[Control]:
    async with aiohttp.ClientSession() as http:
        yield Control(http, base_url)


def parse_all(updates: list[dict[str, Any]]) -> list[Update]:
    return [Update.model_validate(update) for update in updates]
