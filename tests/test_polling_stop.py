"""The tests' bounded stop of a dispatcher's polling (`tests/polling_stop.py`): a CI run hung
in a fixture's teardown when aiogram's `stop_polling` waited for a polling loop whose
cancellation had been lost."""

from __future__ import annotations

import asyncio
from typing import Any, cast

import pytest
from aiogram import Dispatcher

from tests.polling_stop import stop_polling


class _StopNeverEnds:
    """A dispatcher whose `stop_polling` waits for ever, as it did for the lost cancellation."""

    async def stop_polling(self) -> None:
        await asyncio.Event().wait()


async def test_a_polling_loop_that_loses_its_cancellation_is_stopped_all_the_same() -> None:
    lost: list[Any] = []

    async def polling() -> None:
        while True:
            try:
                await asyncio.sleep(0.01)
            except asyncio.CancelledError:
                if not lost:  # the first cancellation is lost, as in the race
                    lost.append(True)
                    continue
                raise

    task = asyncio.create_task(polling())
    await stop_polling(cast(Dispatcher, _StopNeverEnds()), task, within=0.1)
    assert lost == [True]
    assert task.cancelled()


async def test_a_polling_task_that_failed_raises_its_error_on_stop() -> None:
    async def polling() -> None:
        raise RuntimeError("the emulator went away")

    task = asyncio.create_task(polling())
    await asyncio.sleep(0)
    with pytest.raises(RuntimeError, match="went away"):
        await stop_polling(cast(Dispatcher, _StopNeverEnds()), task, within=0.1)
