"""The dispatcher's shutdown (the end of polling, or of the webhook app, which aiohttp runs
before the requests in hand have finished) leaves the dialog state's storage and the updates'
locks to the process, which closes them last (`bot/app.py:running`, `close_storage`)."""

from __future__ import annotations

import asyncio

from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage

from bot.factory import create_dispatcher
from storage.fsm import KeyLocks


class _Storage(MemoryStorage):
    closed = False

    async def close(self) -> None:
        self.closed = True


async def test_an_update_in_hand_outlives_the_dispatcher_s_shutdown(settings, session_factory):
    """An update still running when the dispatcher shut down released a lock that shutdown had
    already dropped (a KeyError, the update failed after it was handled), and wrote its state
    to a storage already closed (Redis)."""
    storage, locks = _Storage(), KeyLocks()
    dp, _ = create_dispatcher(settings, session_factory, storage=storage, events_isolation=locks)
    key = StorageKey(bot_id=1, chat_id=5, user_id=5)
    shut_down = asyncio.Event()

    async def update() -> None:
        async with locks.lock(key):
            await shut_down.wait()
            await storage.set_data(key, {"step": "after the shutdown"})

    in_hand = asyncio.create_task(update())
    await asyncio.sleep(0)
    await dp.emit_shutdown()
    shut_down.set()
    await in_hand  # no KeyError
    assert not storage.closed
    assert await storage.get_data(key) == {"step": "after the shutdown"}

    await dp.close_storage()  # the process's own last step
    assert storage.closed
