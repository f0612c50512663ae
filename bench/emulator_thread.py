"""The Bot API emulator on a thread and event loop of its own, so a bench can tell its CPU time
from the bot's: ``async with EmulatorThread(state) as emulator: ... emulator.cpu_seconds()``.

In one event loop with the bot, the emulator's work (parsing the bot's calls, checking limits,
answering) is counted as the bot's. On its own thread its CPU time is read from the thread's
clock (Linux: ``pthread_getcpuclockid``); the bench subtracts it from the process's. The state
is touched only on the emulator's loop (`call`), never from the bench's thread.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from aiohttp import web

from tgsandbox import EmulatorState, bound_url, start_emulator

T = TypeVar("T")


class EmulatorThread:
    def __init__(self, state: EmulatorState) -> None:
        self.state = state
        self.url = ""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="emulator")
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> EmulatorThread:
        self._thread.start()
        self._runner, _ = await self._on_loop(start_emulator("127.0.0.1", 0, self.state))
        self.url = bound_url(self._runner)
        return self

    async def __aexit__(self, *_exc: object) -> None:
        if self._runner is not None:
            await self._on_loop(self._runner.cleanup())
        self._loop.call_soon_threadsafe(self._loop.stop)
        await asyncio.to_thread(self._thread.join)
        self._loop.close()

    async def _on_loop(self, coroutine: Any) -> Any:
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coroutine, self._loop))

    async def call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`function(*args, **kwargs)` run on the emulator's loop (e.g. a person's message)."""

        async def run() -> T:
            return function(*args, **kwargs)

        result: T = await self._on_loop(run())
        return result

    def cpu_seconds(self) -> float | None:
        """CPU time the emulator's thread has used so far (None where it cannot be read)."""
        ident = self._thread.ident
        if ident is None or not hasattr(time, "pthread_getcpuclockid"):
            return None
        try:
            return time.clock_gettime(time.pthread_getcpuclockid(ident))
        except OSError:
            return None
