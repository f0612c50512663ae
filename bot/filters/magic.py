"""Filters checked in the event loop.

aiogram runs any filter that is not a coroutine (a magic filter like `F.chat.type == "private"`
included) through `asyncio.to_thread`, a thread hand-off per check. The router filters below are
checked on every update, several times; `checks_in_loop` does the same for the filters the
bot registers elsewhere and for the libraries' own (every aiogram-dialog dialog filters its
callback queries with `F.data.startswith(...)`: up to one hand-off per dialog for each button
pressed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.handler import FilterObject
from aiogram.filters import Filter
from aiogram.types import TelegramObject
from magic_filter import MagicFilter


class Magic(Filter):
    """`Magic(F.chat.type == "private")`: the same check as the bare magic filter."""

    def __init__(self, magic: MagicFilter) -> None:
        self._magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self._magic.resolve(event)


def _filters(router: Router) -> Iterator[FilterObject]:
    for observer in router.observers.values():
        yield from observer._handler.filters or ()  # the router's own filters (`.filter(...)`)
        for handler in observer.handlers:
            yield from handler.filters or ()
    for sub_router in router.sub_routers:
        yield from _filters(sub_router)


def _in_loop(check: Callable[..., Any]) -> Callable[..., Any]:
    async def checked(*args: Any, **kwargs: Any) -> Any:
        return check(*args, **kwargs)

    return checked


def checks_in_loop(router: Router) -> int:
    """Make every synchronous filter under `router` a coroutine; returns how many there were.

    A filter is a check of the update (a magic filter, a state, a lambda): quick, never blocking,
    so a thread hand-off costs more than the check. The arguments aiogram passes it are still
    chosen by the original callable's signature (`params`/`varkw` are kept as they were).
    Call it once every handler is registered (after `setup_dialogs`)."""
    count = 0
    for event_filter in _filters(router):
        if not event_filter.awaitable:
            event_filter.callback = _in_loop(event_filter.callback)
            event_filter.awaitable = True
            count += 1
    return count
