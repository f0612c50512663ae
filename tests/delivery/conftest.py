"""The outbox deliverer against the in-process Bot API emulator: real HTTP, a hand-moved clock."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.delivery import Deliverer
from bot.factory import create_bot, create_dispatcher
from bot.i18n import TranslatorHub
from bot.services import outbox
from bot.services.notifications import RequestStatusChanged
from bot.services.pacing import Pacer, unlimited
from storage.models import Member, Notification, Request, RequestKind, RequestStatus
from tests.conftest import FakeClock
from tests.factories import make_person, make_policy
from tests.polling_stop import stop_polling
from tgsandbox import SANDBOX_TOKEN, EmulatorState, RateLimits, SimUser, bound_url, start_emulator
from tgsandbox.faults import fault_from_json

OLENA, DMITRY, AIGERIM, JOHN, HANS = 10001, 10002, 10003, 10004, 10005
MEMBERS = (OLENA, DMITRY, AIGERIM, JOHN, HANS)


@dataclass
class DeliveryWorld:
    state: EmulatorState
    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    bot: Bot
    clock: FakeClock
    requests: dict[int, int] = field(default_factory=dict)  # member id -> request id
    _labels: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def deliverer(
        self, worker: str = "w1", bot: Bot | None = None, pacer: Pacer | None = None, **timing: Any
    ):
        """`timing`: `monotonic` and `sleep`, to pace on a hand-moved clock."""
        return Deliverer(
            bot or self.bot,
            self.sessions,
            self.settings,
            TranslatorHub(default=self.settings.default_locale),
            self.clock,
            worker,
            pacer=pacer or unlimited(),
            **timing,
        )

    async def member(self, telegram_id: int = OLENA) -> Member:
        """A member with a card and one request, so status notifications have something to name."""
        async with self.sessions.begin() as session:
            policy = await make_policy(session, number=f"SIP-2026-{telegram_id}")
            card = await make_person(
                session, policy, phone=f"+38050{telegram_id:07d}", insured_id=f"UA-{telegram_id}"
            )
            member = Member(
                telegram_id=telegram_id,
                language="en",
                active_card_id=card.id,
                created_at=self.clock(),
            )
            session.add(member)
            await session.flush()
            assert member.id is not None and card.id is not None
            request = Request(
                member_id=member.id,
                card_id=card.id,
                kind=RequestKind.CALLBACK,
                status=RequestStatus.IN_PROGRESS,
                created_at=self.clock(),
                updated_at=self.clock(),
            )
            session.add(request)
            await session.flush()
            assert request.id is not None
            self.requests[member.id] = request.id
            return member

    async def notify(self, member: Member, label: str | None = None) -> Notification:
        """Queue a status notification whose text ends with `label` (a comment)."""
        label = label or f"note-{next(self._labels)}"
        async with self.sessions.begin() as session:
            return await outbox.enqueue(
                session,
                RequestStatusChanged(status=RequestStatus.IN_PROGRESS, comment=label),
                dedup_key=f"test:{label}",
                now=self.clock(),
                member_id=member.id,
                request_id=self.requests[member.id or 0],
            )

    async def row(self, notification_id: int | None) -> Notification:
        async with self.sessions() as session:
            row = await session.get(Notification, notification_id)
            assert row is not None
            return row

    async def fresh(self, member: Member) -> Member:
        async with self.sessions() as session:
            row = await session.get(Member, member.id)
            assert row is not None
            return row

    def fault(self, **body: Any) -> None:
        """What `POST /sandbox/api/faults` does."""
        self.state.faults.append(fault_from_json(self.state.next_id(), body))

    def send_calls(self, chat_id: int) -> list[dict[str, Any]]:
        """Every sendMessage the bot made to `chat_id`, refused ones included."""
        return [
            c
            for c in self.state.calls
            if c["method"] == "sendMessage" and str(c["params"].get("chat_id")) == str(chat_id)
        ]

    def received(self, chat_id: int) -> list[str]:
        """The comments of the status notifications standing in the member's chat."""
        return [
            m["text"].rsplit("💬 ", 1)[-1]
            for m in self.state.history(chat_id)
            if m["from"]["is_bot"] and m.get("text", "").startswith("🔔")
        ]


def emulator_settings(api_url: str, db_url: str) -> Settings:
    """The bot's settings against the emulator at `api_url`, in English."""
    return Settings(  # type: ignore[call-arg]
        bot_token=SANDBOX_TOKEN,
        database_url=db_url,
        bot_api_url=api_url,
        default_locale="en",
        _env_file=None,
    )


@contextlib.asynccontextmanager
async def paced_world(
    session_factory: async_sessionmaker[AsyncSession],
    db_url: str,
    clock: FakeClock,
    uids: list[int],
) -> AsyncIterator[DeliveryWorld]:
    """Members `uids` and Telegram's sending limits enforced (30 a second, one a second a
    chat): for a bot run as `run_bot.py` runs it (`bot.app.running`), which makes its own Bot
    API clients (the world's `bot` is None)."""
    users = [SimUser(uid, f"Member{uid}", language_code="en") for uid in uids]
    limits = RateLimits(per_second=30, private_interval=1.0, group_per_minute=20)
    runner, state = await start_emulator(
        "127.0.0.1", 0, EmulatorState(users=users, rate_limits=limits)
    )
    settings = emulator_settings(bound_url(runner), db_url)
    try:
        yield DeliveryWorld(state, settings, session_factory, None, clock)  # type: ignore[arg-type]
    finally:
        await runner.cleanup()


@pytest.fixture
async def world(session_factory, db_url, clock) -> AsyncIterator[DeliveryWorld]:
    users = [SimUser(uid, f"Member{uid}", language_code="en") for uid in MEMBERS]
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=users))
    settings = emulator_settings(bound_url(runner), db_url)
    bot = create_bot(settings, retry_after=False)  # as the deliverer runs
    try:
        yield DeliveryWorld(state, settings, session_factory, bot, clock)
    finally:
        await bot.session.close()
        await runner.cleanup()


@pytest.fixture
async def start_polling(world: DeliveryWorld) -> AsyncIterator[Callable[[], None]]:
    """Starts the real dispatcher polling the emulator, so members' updates reach the bot."""
    dp, _ = create_dispatcher(world.settings, world.sessions, clock=world.clock)
    tasks: list[asyncio.Task[None]] = []

    def start() -> None:
        polling = dp.start_polling(
            world.bot, polling_timeout=1, handle_signals=False, handle_as_tasks=False
        )
        tasks.append(asyncio.create_task(polling))

    try:
        yield start
    finally:
        if tasks:
            await stop_polling(dp, tasks[0])
