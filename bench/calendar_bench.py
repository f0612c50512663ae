"""A month calendar page with the cache and without: ``python -m bench.calendar_bench``.

Per render, the CPU (process time) of the date step's keyboard as a member's update renders it:
the lab-tests form's `FutureCalendar` (dialogs/requests/dates.py) through its window's
`render_kbd` (the days page, the member's intent id added to every button, the markup built).
The baseline is the calendar as before: no cache, in a window with aiogram-dialog's markup
factory. Against it, in the same run, alternating (``--rounds``), each side's median round:
the cached calendar (`CachedDaysView`, dialogs/widgets/calendar.py) in a member's step
(`member_window`, with `IntentKeyboardFactory`), the same with the cache off, and the cached
calendar with the library's factory. Each render is another member's (another intent id), in
one of the four languages, on the current month: members reaching the step on one day, as in
bench/steps_bench.py. Also printed: a page the cache misses (rendered, kept, copied) and the
memory a kept page holds.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import time
import tracemalloc
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

from aiogram.fsm.state import State, StatesGroup
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.api.entities import Context
from aiogram_dialog.widgets.kbd.calendar_kbd import CalendarScope
from aiogram_dialog.widgets.text import Const
from pydantic import SecretStr

from bot.config import SUPPORTED_LOCALES, Settings
from bot.i18n import TranslatorHub
from dialogs.common import member_window
from dialogs.intent_ids import random_id
from dialogs.requests.dates import FutureCalendar
from dialogs.widgets.calendar import CachedDaysView

NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)  # 10:00 in Almaty: the lab-tests month page


class DateSG(StatesGroup):
    date = State()


class Manager:
    """What the window's keyboard reads of a DialogManager: the member's open context (intent
    id, widget data) and the update's middleware data (clock, settings, translator)."""

    def __init__(self, middleware_data: dict[str, Any]) -> None:
        self.middleware_data = middleware_data
        self.context = Context(
            _intent_id=random_id(), _stack_id="", state=DateSG.date, start_data=None
        )

    def current_context(self) -> Context:
        return self.context

    def is_preview(self) -> bool:
        return False


@dataclass(frozen=True)
class Row:
    uncached_us: float  # the baseline: no cache, the library's markup factory
    cached_us: float  # the bot's step: cached pages, `IntentKeyboardFactory`
    uncached_ours_us: float  # no cache, `IntentKeyboardFactory`
    cached_library_us: float  # cached pages, the library's factory
    missed_us: float  # the bot's step when the page is not kept yet
    page_kb: float
    buttons: int

    @property
    def ratio(self) -> float:
        """A cached render's CPU as a share of an uncached one's (below 1: cheaper)."""
        return self.cached_us / self.uncached_us


def _managers(members: int) -> list[DialogManager]:
    settings = Settings(
        bot_token=SecretStr("1:BENCH"),  # nothing connects
        database_url="sqlite://",
        _env_file=None,  # type: ignore[call-arg]
    )
    hub = TranslatorHub()
    return [
        cast(
            DialogManager,
            Manager(
                {
                    "clock": lambda: NOW,
                    "settings": settings,
                    "i18n": hub.get(SUPPORTED_LOCALES[n % len(SUPPORTED_LOCALES)]),
                }
            ),
        )
        for n in range(members)
    ]


def _pages(calendar: FutureCalendar) -> CachedDaysView:
    view = calendar.views[CalendarScope.DAYS]
    assert isinstance(view, CachedDaysView)
    return view


async def _per_render_us(window: Window, managers: list[DialogManager], clear: Any = None) -> float:
    began = time.process_time()
    for manager in managers:
        if clear is not None:
            clear()
        await window.render_kbd({}, manager)
    return (time.process_time() - began) / len(managers) * 1e6


async def _page_kb(managers: list[DialogManager]) -> float:
    """What the pages kept by a calendar hold (each locale's page for four months), per page."""
    calendar = FutureCalendar("date_cal", pages=64)
    window = Window(Const("·"), calendar, state=DateSG.date)
    firsts = [date(2026, month, 1) for month in (11, 12)] + [date(2027, 1, 1), date(2027, 2, 1)]
    each_locale = managers[: len(SUPPORTED_LOCALES)]
    fresh = Window(Const("·"), FutureCalendar("date_cal", pages=0), state=DateSG.date)
    for first in firsts:  # Babel's strings, which the cache does not hold, made beforehand
        for manager in each_locale:
            calendar.set_offset(first, manager)
            await fresh.render_kbd({}, manager)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for first in firsts:
        for manager in each_locale:
            calendar.set_offset(first, manager)
            await window.render_kbd({}, manager)
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    kept = _pages(calendar).pages
    assert kept is not None and len(kept) == len(firsts) * len(each_locale)
    return held / len(kept) / 1024


async def measure(rounds: int = 5, members: int = 300) -> Row:
    managers = _managers(members)
    cached = FutureCalendar("date_cal")
    state = DateSG.date
    windows = {
        "uncached": Window(Const("·"), FutureCalendar("date_cal", pages=0), state=state),
        "cached": member_window(Const("·"), cached, state=state),
        "uncached_ours": member_window(
            Const("·"), FutureCalendar("date_cal", pages=0), state=state
        ),
        "cached_library": Window(Const("·"), FutureCalendar("date_cal"), state=state),
    }
    pages = _pages(cached).pages
    assert pages is not None
    for window in windows.values():  # warm: pydantic's validators, Babel's strings, the pages
        await _per_render_us(window, managers)
    figures: dict[str, list[float]] = {side: [] for side in (*windows, "missed")}
    for _ in range(rounds):
        for side, window in windows.items():
            figures[side].append(await _per_render_us(window, managers))
        figures["missed"].append(await _per_render_us(windows["cached"], managers, pages.clear))
    markup = await windows["cached"].render_kbd({}, managers[0])
    buttons = sum(len(row) for row in getattr(markup, "inline_keyboard", []))
    median = {side: statistics.median(values) for side, values in figures.items()}
    return Row(
        median["uncached"],
        median["cached"],
        median["uncached_ours"],
        median["cached_library"],
        median["missed"],
        await _page_kb(managers),
        buttons,
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="uncached/cached alternations")
    parser.add_argument("--members", type=int, default=300, help="renders per side in a round")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    row = asyncio.run(measure(args.rounds, args.members))
    base = row.uncached_us
    print(  # noqa: T201
        f"month calendar page ({row.buttons} buttons), CPU per render, median of {args.rounds} "
        f"rounds of {args.members} members, against no cache with the library's factory:\n"
        f"  no cache, library's factory (before) {base:6.0f} µs\n"
        f"  cached, member step (now)            {row.cached_us:6.0f} µs   {row.ratio:.2f}x\n"
        f"  no cache, member step                {row.uncached_ours_us:6.0f} µs   "
        f"{row.uncached_ours_us / base:.2f}x\n"
        f"  cached, library's factory            {row.cached_library_us:6.0f} µs   "
        f"{row.cached_library_us / base:.2f}x\n"
        f"  a miss, member step                  {row.missed_us:6.0f} µs   "
        f"{row.missed_us / base:.2f}x (rendered, kept and copied)\n"
        f"  a kept page holds {row.page_kb:.0f} KB"
    )


if __name__ == "__main__":
    main()
