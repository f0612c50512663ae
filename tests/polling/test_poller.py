"""The polling loop against the emulator: acknowledged after handling, bounded, drained on stop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

from bot.polling import UpdatePoller
from tests.tgsandbox.conftest import QuickCloseSession
from tgsandbox import SANDBOX_TOKEN, EmulatorState, SimUser, bound_url, start_emulator

MEMBERS = [SimUser(30001 + i, f"Member{i}", language_code="en") for i in range(40)]
FIRST = MEMBERS[0].id


@dataclass
class Handling:
    """A dispatcher whose message handler runs `body`, recording what it saw."""

    body: Callable[[Message], Awaitable[None]]
    started: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)
    running: int = 0
    most: int = 0

    def dispatcher(self) -> Dispatcher:
        dp = Dispatcher()

        @dp.message()
        async def handle(message: Message) -> None:
            self.started.append(message.text or "")
            self.running += 1
            self.most = max(self.most, self.running)
            try:
                await self.body(message)
            finally:
                self.running -= 1
            self.finished.append(message.text or "")

        return dp


@pytest.fixture
async def emulator() -> AsyncIterator[tuple[EmulatorState, Bot]]:
    runner, state = await start_emulator("127.0.0.1", 0, EmulatorState(users=MEMBERS))
    bot = Bot(
        SANDBOX_TOKEN, session=QuickCloseSession(api=TelegramAPIServer.from_base(bound_url(runner)))
    )
    try:
        yield state, bot
    finally:
        await bot.session.close()
        await runner.cleanup()


async def until(probe: Callable[[], Any], within: float = 3) -> None:
    """Wait for something the handlers do (the emulator's wait_for wakes only on its changes)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not probe():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


def unacknowledged(state: EmulatorState) -> list[str]:
    return [u["message"]["text"] for u in state.pending if "message" in u]


async def started(poller: UpdatePoller, **options: Any) -> asyncio.Task[None]:
    task = asyncio.create_task(poller.run())
    await asyncio.sleep(0)
    return task


def poller(
    state_bot: tuple[EmulatorState, Bot], handling: Handling, **options: Any
) -> UpdatePoller:
    options = {"concurrency": 4, "shutdown_timeout": 5.0, "polling_timeout": 1, **options}
    return UpdatePoller(handling.dispatcher(), state_bot[1], **options)


async def test_an_update_is_acknowledged_only_once_it_is_handled(emulator) -> None:
    state, _ = emulator
    release = asyncio.Event()
    handling = Handling(lambda _m: release.wait())
    polling = poller(emulator, handling)
    task = await started(polling)
    try:
        state.send_text(FIRST, "one")
        await until(lambda: handling.started == ["one"], 3)
        await asyncio.sleep(0.3)  # several getUpdates go by meanwhile
        assert unacknowledged(state) == ["one"]
        release.set()
        await state.wait_delivered(3)
        assert handling.finished == ["one"]
    finally:
        polling.stop()
        await asyncio.wait_for(task, 5)


async def test_only_the_oldest_finished_updates_are_acknowledged(emulator) -> None:
    state, _ = emulator
    gates = {"a": asyncio.Event(), "b": asyncio.Event(), "c": asyncio.Event()}
    handling = Handling(lambda m: gates[m.text or ""].wait())
    polling = poller(emulator, handling)
    task = await started(polling)
    try:
        for i, text in enumerate("abc"):
            state.send_text(MEMBERS[i].id, text)  # three members: handled side by side
        await until(lambda: len(handling.started) == 3, 3)
        gates["b"].set()
        gates["c"].set()
        await until(lambda: len(handling.finished) == 2, 3)
        await asyncio.sleep(0.3)
        # "a" is still running: nothing after it counts as received either
        assert unacknowledged(state) == ["a", "b", "c"]
        gates["a"].set()
        await state.wait_delivered(3)
    finally:
        polling.stop()
        await asyncio.wait_for(task, 5)


async def test_at_most_concurrency_updates_run_at_once_and_none_is_dropped(emulator) -> None:
    state, _ = emulator
    handling = Handling(lambda _m: asyncio.sleep(0.05))
    polling = poller(emulator, handling, concurrency=3)
    task = await started(polling)
    try:
        for i in range(120):
            state.send_text(MEMBERS[i % len(MEMBERS)].id, f"m{i}")
        await until(lambda: len(handling.finished) == 120, 20)
        await state.wait_delivered(3)
        assert handling.most == 3
        assert sorted(handling.finished) == sorted(f"m{i}" for i in range(120))
    finally:
        polling.stop()
        await asyncio.wait_for(task, 5)


async def test_stop_lets_the_updates_in_hand_finish_then_acknowledges_them(emulator) -> None:
    state, _ = emulator
    handling = Handling(lambda _m: asyncio.sleep(0.5))
    polling = poller(emulator, handling)
    task = await started(polling)
    for i in range(3):
        state.send_text(MEMBERS[i].id, f"album {i}")
    await until(lambda: len(handling.started) == 3, 3)
    polling.stop()
    state.send_text(FIRST, "after the stop")
    await asyncio.wait_for(task, 5)
    assert sorted(handling.finished) == ["album 0", "album 1", "album 2"]
    # the three are acknowledged; what came after the stop waits for the next start
    assert unacknowledged(state) == ["after the stop"]


async def test_an_update_not_finished_within_the_bound_is_left_for_the_next_start(
    emulator,
) -> None:
    state, _bot = emulator
    handling = Handling(lambda _m: asyncio.Event().wait())  # never finishes
    polling = poller(emulator, handling, shutdown_timeout=0.3)
    task = await started(polling)
    state.send_text(FIRST, "slow")
    await until(lambda: handling.started == ["slow"], 3)
    polling.stop()
    loop = asyncio.get_running_loop()
    began = loop.time()
    await asyncio.wait_for(task, 5)
    assert loop.time() - began < 2
    assert handling.finished == []
    assert unacknowledged(state) == ["slow"]

    # the next process gets it again and handles it
    again = Handling(lambda _m: asyncio.sleep(0))
    polling = poller(emulator, again)
    task = await started(polling)
    try:
        await until(lambda: again.finished == ["slow"], 3)
        await state.wait_delivered(3)
    finally:
        polling.stop()
        await asyncio.wait_for(task, 5)
