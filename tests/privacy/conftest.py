"""The staff world (tests/staff/conftest.py) with IRYNA as the owner who may read the audit."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.config import Settings
from bot.factory import create_bot, create_dispatcher
from bot.sandbox.run import sandbox_users
from storage.models import Member, Request
from tests.dialogs.conftest import build_dp, member, messages
from tests.polling_stop import stop_polling
from tests.staff.conftest import ASKAR, FORUM, IRYNA, OLENA, StaffWorld
from tgsandbox import SANDBOX_TOKEN, EmulatorState, SimUser, bound_url, start_emulator

# the in-process member harness (tests/dialogs) is used here too
__all__ = ["ASKAR", "FORUM", "IRYNA", "OLENA", "PrivacyWorld", "build_dp", "member", "messages"]


class PrivacyWorld(StaffWorld):
    def last(self, chat_id: int) -> dict[str, Any]:
        return self.bot_messages(chat_id)[-1]

    async def say(self, text: str, chat_id: int = OLENA, user_id: int | None = None) -> None:
        self.state.send_text(chat_id, text, user_id=user_id)
        await self.settled()

    async def tap(self, label: str, chat_id: int = OLENA, user_id: int = OLENA) -> None:
        message = next(m for m in reversed(self.bot_messages(chat_id)) if m.get("reply_markup"))
        self.state.press_button(chat_id, message["message_id"], user_id=user_id, text=label)
        await self.settled()

    def card(self, number: str) -> dict[str, Any]:
        """The request's card in the admin chat (its newest copy)."""
        return next(
            m
            for m in reversed(self.bot_messages(FORUM))
            if number in m.get("text", "") and "Status" in m["text"]
        )

    async def rated_and_noted(self, member: Member, comment: str, note: str) -> Request:
        """A request staff took, noted (`!note` in its topic) and marked done, which the member
        rated 4 and commented on in reply to the bot's prompt; everything delivered."""
        request = await self.submit(member)
        await self.deliver()
        await self.press(self.card(request.number), "🙋 Take")
        await self.deliver()
        thread = self.card(request.number).get("message_thread_id")
        self.state.send_text(FORUM, "!" + note, user_id=IRYNA, thread_id=thread)
        await self.settled()
        await self.deliver()
        await self.press(self.card(request.number), "✅ Done")
        await self.deliver()
        ask = next(m for m in self.bot_messages(OLENA) if "How did we do" in m.get("text", ""))
        self.state.press_button(OLENA, ask["message_id"], text="4 ⭐")
        await self.settled()
        await self.comment_rating(comment)
        await self.deliver()
        return request

    async def comment_rating(self, text: str) -> None:
        """The member replies to the bot's newest "write a comment" prompt."""
        prompt = next(
            m for m in reversed(self.bot_messages(OLENA)) if "reply to this" in m.get("text", "")
        )
        self.state.send_text(OLENA, text, reply_to_message_id=prompt["message_id"])
        await self.settled()


@pytest.fixture
def world_settings() -> dict[str, Any]:
    """More settings for the world; a test module overrides this fixture to set some."""
    return {}


@pytest.fixture
async def world(session_factory, db_url, clock, world_settings) -> AsyncIterator[PrivacyWorld]:
    users = [
        *(u for u in sandbox_users() if not u.is_staff),
        SimUser(IRYNA, "Iryna", "Support", "iryna", "en", is_staff=True),
        SimUser(ASKAR, "Askar", "Operator", "askar", "en", is_staff=True),
    ]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    settings = Settings(  # type: ignore[call-arg]
        bot_token=SANDBOX_TOKEN,
        database_url=db_url,
        bot_api_url=bound_url(runner),
        admin_chat_id=FORUM,
        staff_ids=[IRYNA, ASKAR],
        owner_ids=str(IRYNA),
        default_locale="en",
        _env_file=None,
        **world_settings,
    )
    bot = create_bot(settings)
    dp, bg_factory = create_dispatcher(settings, session_factory, clock=clock)
    polling = asyncio.create_task(
        dp.start_polling(bot, polling_timeout=1, handle_signals=False, handle_as_tasks=False)
    )
    try:
        yield PrivacyWorld(state, settings, session_factory, bot, dp, clock, bg_factory)
    finally:
        await stop_polling(dp, polling)
        await bot.session.close()
        await runner.cleanup()
