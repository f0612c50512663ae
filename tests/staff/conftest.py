"""The staff side against the in-process Bot API emulator: real HTTP, real JSON, a real forum."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.delivery import Deliverer
from bot.factory import create_bot, create_dispatcher
from bot.i18n import TranslatorHub
from bot.sandbox.run import sandbox_users
from bot.services import requests
from bot.services.cards import confirm_phone
from bot.services.pacing import unlimited
from storage.models import Member, Request, RequestKind
from tests.conftest import FakeClock
from tests.factories import make_person, make_policy
from tests.polling_stop import stop_polling
from tgsandbox import (
    DEFAULT_FORUM_CHAT_ID,
    SANDBOX_TOKEN,
    EmulatorState,
    SimUser,
    bound_url,
    start_emulator,
)
from tgsandbox.core import CallbackRecord

FORUM = DEFAULT_FORUM_CHAT_ID
OLENA = 10001
IRYNA, ASKAR = 20001, 20002
INTRUDER = 30001  # in the staff group, but not in STAFF_IDS


@dataclass
class StaffWorld:
    state: EmulatorState
    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    bot: Bot
    dp: Dispatcher
    clock: FakeClock
    bg_factory: Any = None

    def deliverer(self, worker: str = "w1") -> Deliverer:
        return Deliverer(
            self.bot,
            self.sessions,
            self.settings,
            TranslatorHub(default=self.settings.default_locale),
            self.clock,
            worker,
            pacer=unlimited(),
            bg_factory=self.bg_factory,
        )

    async def deliver(self) -> None:
        """Deliver everything due (what the scheduler does every second)."""
        while await self.deliverer().run_once():
            pass

    async def settled(self) -> None:
        await self.state.wait_delivered()

    def calls(self, method: str) -> list[dict[str, Any]]:
        return [c for c in self.state.calls if c["method"] == method]

    def bot_messages(self, chat_id: int, thread: int | str | None = None) -> list[dict[str, Any]]:
        return [m for m in self.state.history(chat_id, thread) if m["from"]["is_bot"]]

    async def member_with_card(self, telegram_id: int = OLENA) -> Member:
        async with self.sessions.begin() as session:
            policy = await make_policy(session, number=f"SIP-2026-{telegram_id}")
            await make_person(
                session,
                policy,
                full_name="Olena Kovalenko",
                phone=f"+38050{telegram_id:07d}",
                insured_id=f"UA-{telegram_id}",
            )
            member = Member(telegram_id=telegram_id, language="en", created_at=self.clock())
            session.add(member)
            await session.flush()
            await confirm_phone(
                session, member, f"+38050{telegram_id:07d}", self.clock(), self.clock().date()
            )
            return member

    async def submit(
        self,
        member: Member,
        topic: str = "Call me about my limits",
        *,
        kind: RequestKind = RequestKind.CALLBACK,
        details: dict[str, Any] | None = None,
    ) -> Request:
        """A request sent by `member`: a call-back about `topic`, or `kind` with `details`."""
        async with self.sessions.begin() as session:
            fresh = await session.get(Member, member.id)
            assert fresh is not None
            return await requests.submit(
                session,
                fresh,
                kind,
                details or {"phone": fresh.phone, "time_window": "any", "topic": topic},
                [],
                self.clock(),
                self.clock().date(),
            )

    async def press(self, message: dict[str, Any], label: str, user_id: int = IRYNA) -> dict:
        pressed = self.state.press_button(FORUM, message["message_id"], user_id=user_id, text=label)
        await self.settled()
        return self.state.callbacks[pressed["callback_query_id"]].answer or {}

    async def forge_press(self, message: dict[str, Any], data: str, user_id: int = IRYNA) -> dict:
        """A callback with data no button carries, as a modified client could send."""
        chat = self.state.chats[FORUM]
        query_id = f"forged-{self.state.next_id()}"
        self.state.callbacks[query_id] = CallbackRecord(
            query_id, FORUM, message["message_id"], user_id, data
        )
        self.state.push_update(
            "callback_query",
            {
                "id": query_id,
                "from": self.state.users[user_id].to_api(),
                "message": message,
                "chat_instance": self.state.chat_instance(chat),
                "data": data,
            },
        )
        await self.settled()
        return self.state.callbacks[query_id].answer or {}


@pytest.fixture
async def world(session_factory, db_url, clock) -> AsyncIterator[StaffWorld]:
    # staff read English here, so the assertions can too
    users = [
        *(u for u in sandbox_users() if not u.is_staff),
        SimUser(IRYNA, "Iryna", "Support", "iryna", "en", is_staff=True),
        SimUser(ASKAR, "Askar", "Operator", "askar", "en", is_staff=True),
        SimUser(INTRUDER, "Ivan", "Outsider", None, "en", is_staff=True),
    ]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    settings = Settings(  # type: ignore[call-arg]
        bot_token=SANDBOX_TOKEN,
        database_url=db_url,
        bot_api_url=bound_url(runner),
        admin_chat_id=FORUM,
        staff_ids=[IRYNA, ASKAR],
        default_locale="en",
        _env_file=None,
    )
    bot = create_bot(settings)
    dp, bg_factory = create_dispatcher(settings, session_factory, clock=clock)
    polling = asyncio.create_task(
        dp.start_polling(bot, polling_timeout=1, handle_signals=False, handle_as_tasks=False)
    )
    try:
        yield StaffWorld(state, settings, session_factory, bot, dp, clock, bg_factory)
    finally:
        await stop_polling(dp, polling)
        await bot.session.close()
        await runner.cleanup()
