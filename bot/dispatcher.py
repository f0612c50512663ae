"""aiogram's `Dispatcher`, knowing the background dialog updates it is handling.

aiogram-dialog runs a background update (`BgManager.update`: the deliverer's refresh of a
member's open page after a notification, bot/delivery) in a task of its own that nobody awaits.
A stopping process closed the bot's session under such a task: the refresh died in the closed
session, or opened a new one that was never closed ("Unclosed client session" at exit). Here each
such update is known while it runs (`propagate_event`, aiogram's public entry that
aiogram-dialog calls), so the process lets them end first (`background_ended`).

aiogram closes the dialog state's storage and the updates' locks when the dispatcher shuts down,
which the polling runner and the webhook app do as soon as they stop taking updates: before the
deliverer has stopped and before the refreshes it started have ended. A refresh then wrote its
state to a closed Redis, or released a lock already dropped (a KeyError at exit). Here they are
closed by the process itself, after both (`bot/app.py:running`, `close_storage`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiogram import Dispatcher
from aiogram.types import TelegramObject
from aiogram_dialog.api.entities import DialogUpdate


class BotDispatcher(Dispatcher):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._background: set[asyncio.Task[Any]] = set()
        # (aiogram registers the storage's close on shutdown: `close_storage` does it, later)
        self.shutdown.handlers = [
            handler for handler in self.shutdown.handlers if handler.callback != self.fsm.close
        ]

    async def propagate_event(self, update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        task = asyncio.current_task() if isinstance(event, DialogUpdate) else None
        if task is None:
            return await super().propagate_event(update_type, event, **kwargs)
        self._background.add(task)
        try:
            return await super().propagate_event(update_type, event, **kwargs)
        finally:
            self._background.discard(task)

    async def background_ended(self, within: float) -> bool:
        """Whether the background updates asked for so far ended within `within` seconds.
        One asked for a moment ago is a callback, then a task, each a turn of the loop away."""
        for _turn in range(2):
            await asyncio.sleep(0)
        running = set(self._background)
        if not running:
            return True
        _done, pending = await asyncio.wait(running, timeout=within)
        return not pending

    async def close_storage(self) -> None:
        """Close the dialog state's storage and the updates' locks, which aiogram's shutdown
        no longer does: once nothing is left to use them (the deliverer stopped, the
        refreshes ended)."""
        await self.fsm.close()
