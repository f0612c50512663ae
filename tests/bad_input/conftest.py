"""The real dispatcher and bot against the in-process Bot API emulator, updates fed one by one.

Updates are taken from the emulator and fed with `dp.feed_update`, so an exception no handler
takes fails the test where it happens, and the emulator records every callback answer (a second
answer to the same query is refused, as Telegram does).
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import Update
from aiogram_dialog.utils import CB_SEP
from hypothesis import HealthCheck, settings
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cli import import_rows
from bot.config import Settings
from bot.factory import create_bot, create_dispatcher
from bot.sandbox.demo import DEMO_REGISTRY
from bot.sandbox.run import sandbox_users
from bot.services.registry import read_rows
from tests.conftest import FakeClock
from tgsandbox import (
    DEFAULT_FORUM_CHAT_ID,
    SANDBOX_TOKEN,
    EmulatorState,
    SimUser,
    bound_url,
    start_emulator,
)
from tgsandbox.core import CallbackRecord
from tgsandbox.models import SimChat

FORUM = DEFAULT_FORUM_CHAT_ID
GROUP = -1009990001  # a group the bot was added to that is not the admin chat
MEMBERS = (10001, 10002, 10003, 10004, 10005)
STAFF = (20001, 20002)
INTRUDER = 30001  # in the admin chat, not in STAFF_IDS

# CI runs the same examples every time (derandomize); HYPOTHESIS_PROFILE=explore searches afresh
_COMMON: dict[str, Any] = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("ci", derandomize=True, max_examples=25, **_COMMON)
settings.register_profile("explore", max_examples=300, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

MENU_MARK = f"{CB_SEP}profile"  # every main menu has the Profile button


@dataclass
class BadInputWorld:
    state: EmulatorState
    settings: Settings
    bot: Bot
    dp: Dispatcher
    errors: list[logging.LogRecord] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)

    async def flush(self) -> None:
        """Handle everything the simulated people caused so far, in order."""
        while self.state.pending:
            raw = self.state.pending.pop(0)
            update = Update.model_validate(raw, context={"bot": self.bot})
            if update.callback_query is not None:
                self.queries.append(update.callback_query.id)
            await self.dp.feed_update(self.bot, update)

    def unanswered(self) -> list[str]:
        return [q for q in self.queries if self.state.callbacks[q].answer is None]

    def answer(self, query_id: str) -> dict[str, Any]:
        answer = self.state.callbacks[query_id].answer
        assert answer is not None, "the callback query was never answered"
        return answer

    def bot_messages(self, chat_id: int) -> list[dict[str, Any]]:
        return [m for m in self.state.history(chat_id) if m["from"]["is_bot"]]

    def last_keyboard(self, chat_id: int) -> dict[str, Any] | None:
        """The newest bot message in the chat that has inline buttons."""
        for message in reversed(self.bot_messages(chat_id)):
            if (message.get("reply_markup") or {}).get("inline_keyboard"):
                return message
        return None

    def any_message(self, chat_id: int) -> dict[str, Any]:
        """A message to hang a forged press on: the newest bot message, else a fresh one."""
        found = self.bot_messages(chat_id)
        if found:
            return found[-1]
        return self.state.add_message(
            self.state.chats[chat_id], self.state.bot, {"text": "…"}, thread_id=None
        )

    def forge_press(
        self,
        chat_id: int,
        user_id: int,
        data: str | None,
        message: dict[str, Any] | None = None,
    ) -> str:
        """A callback query with any data (or none), as a modified client could send it."""
        message = message or self.any_message(chat_id)
        query_id = f"forged-{self.state.next_id()}"
        self.state.callbacks[query_id] = CallbackRecord(
            query_id, chat_id, message["message_id"], user_id, data or ""
        )
        payload: dict[str, Any] = {
            "id": query_id,
            "from": self.state.users[user_id].to_api(),
            "message": message,
            "chat_instance": self.state.chat_instance(self.state.chats[chat_id]),
        }
        if data is not None:
            payload["data"] = data
        self.state.push_update("callback_query", payload)
        return query_id

    def menu_shown(self, chat_id: int) -> bool:
        last = self.bot_messages(chat_id)[-1]
        rows = (last.get("reply_markup") or {}).get("inline_keyboard", [])
        return any(b.get("callback_data", "").endswith(MENU_MARK) for row in rows for b in row)


class _ErrorLog(logging.Handler):
    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(("bot.sandbox", "tgsandbox")):  # the emulator's own refusals
            self.into.append(record)


@pytest.fixture
async def world(
    engine: AsyncEngine, session_factory, db_url: str, clock: FakeClock
) -> AsyncIterator[BadInputWorld]:
    users = [
        *sandbox_users(),
        SimUser(INTRUDER, "Ivan", "Outsider", None, "en", is_staff=True),
    ]
    state = EmulatorState(users=users)
    state.chats[GROUP] = SimChat(
        GROUP, "supergroup", title="Neighbours", member_ids=[*MEMBERS, *STAFF, INTRUDER]
    )
    runner, state = await start_emulator("127.0.0.1", 0, state)
    # the demo people have cards (clock's today is the demo registry's own date)
    await import_rows(engine, read_rows(DEMO_REGISTRY), clock())
    config = Settings(  # type: ignore[call-arg]
        bot_token=SANDBOX_TOKEN,
        database_url=db_url,
        bot_api_url=bound_url(runner),
        admin_chat_id=FORUM,
        staff_ids=list(STAFF),
        default_locale="en",
        _env_file=None,
    )
    bot = create_bot(config)
    dp, _bg = create_dispatcher(config, session_factory, clock=clock)
    world = BadInputWorld(state, config, bot, dp)
    # warnings and errors of the bot itself (aiogram's own, ours); the emulator's are its own
    watched = [logging.getLogger(name) for name in ("aiogram", "aiogram_dialog", "bot")]
    handler = _ErrorLog(world.errors)
    for logger in watched:
        logger.addHandler(handler)
    try:
        yield world
    finally:
        for logger in watched:
            logger.removeHandler(handler)
        await bot.session.close()
        await runner.cleanup()
