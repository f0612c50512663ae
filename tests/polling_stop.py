"""Stopping a test's `Dispatcher.start_polling` task, bounded.

aiogram's `stop_polling` sets its stop signal, cancels its polling task and waits for it. On
Python 3.11 a cancellation can be lost where an awaited future completes at the moment it is
cancelled (`asyncio.wait_for`'s known race): the polling loop then goes on long-polling the
emulator, and `stop_polling` waited for it for ever (a CI run hung in a fixture's teardown).
Here the stop is given `within` seconds; then every other task of the test's loop is cancelled
again, a round a second, until the polling task is done."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from aiogram import Dispatcher

ROUNDS = 10  # cancellations of the loop's other tasks, a second apart


async def stop_polling(dp: Dispatcher, polling: asyncio.Task[Any], within: float = 10) -> None:
    """`dp.start_polling`'s task `polling` stopped: aiogram's own stop, then, if that has not
    ended it within `within` seconds, the loop's tasks cancelled until it has."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(dp.stop_polling(), within)
    with contextlib.suppress(TimeoutError, asyncio.CancelledError):
        await asyncio.wait_for(asyncio.shield(polling), 1)
    current = asyncio.current_task()
    for _round in range(ROUNDS):
        if polling.done():
            break
        for task in asyncio.all_tasks():
            if task is not current:
                task.cancel()
        await asyncio.wait([polling], timeout=1)
    assert polling.done(), "the dispatcher's polling did not stop"
    if not polling.cancelled() and polling.exception() is not None:
        raise polling.exception()  # type: ignore[misc]
