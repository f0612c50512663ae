"""Magic filters checked in the event loop.

aiogram runs any filter that is not a coroutine (a magic filter like `F.chat.type == "private"`
included) through `asyncio.to_thread`, a thread hand-off per check; the router filters below are
checked on every update, several times.
"""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import TelegramObject
from magic_filter import MagicFilter


class Magic(Filter):
    """`Magic(F.chat.type == "private")`: the same check as the bare magic filter."""

    def __init__(self, magic: MagicFilter) -> None:
        self._magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self._magic.resolve(event)
