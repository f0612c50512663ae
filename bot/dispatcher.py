"""aiogram's `Dispatcher`, knowing the background dialog updates it is handling.

aiogram-dialog runs a background update (`BgManager.update`: the deliverer's refresh of a
member's open page after a notification, bot/delivery) in a task of its own that nobody awaits.
A stopping process closed the bot's session under such a task: the refresh died in the closed
session, or opened a new one that was never closed ("Unclosed client session" at exit). Here each
such update is known while it runs (`propagate_event`, aiogram's public entry that
aiogram-dialog calls), so the process lets them end first (`background_ended`).
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
