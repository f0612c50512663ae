"""Calendars in the member's language whose "today" is the bot's clock, never the machine's.

aiogram-dialog's calendar reads the machine's clock for three things: the month it opens on, the
"today" mark and the current month/year marks. Here the first screen comes from `start()` (today by
the bot's clock unless a subclass says otherwise), and the marks are drawn by text widgets that
compare with the bot's clock; the library's own choice between its "today" and plain texts no longer
matters because both are the same widget. The days offered come from `bounds()`.

A month's days page is rendered once and then copied, each button once, with the member's intent
id (`CachedDaysView`): ~50 buttons, each a pydantic model built and validated, were most of a
calendar step's own CPU.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from aiogram.types import CallbackQuery, InlineKeyboardButton
from aiogram_dialog import DialogManager, DialogProtocol
from aiogram_dialog.widgets.common import WhenCondition
from aiogram_dialog.widgets.kbd import Calendar
from aiogram_dialog.widgets.kbd.calendar_kbd import (
    CALLBACK_PREFIX_MONTH,
    CALLBACK_PREFIX_YEAR,
    CalendarConfig,
    CalendarDaysView,
    CalendarMonthView,
    CalendarScope,
    CalendarScopeView,
    CalendarUserConfig,
    CalendarYearsView,
    date_from_raw,
)
from aiogram_dialog.widgets.text import Text
from babel.dates import format_date
from cachetools import LRUCache

from bot.i18n import Translator
from dialogs.common import today
from dialogs.widgets.markup import copy_for

# the years a calendar with no bound on that side offers; a day's button carries its seconds
# from 1970 (aiogram-dialog's `raw_from_date`), at most 12 digits for any day a date holds
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
RAW_DIGITS = 12

# Which part of a date a mark compares: the day, the month of the shown year, or the year.
Marked = Callable[[dict[str, Any], DialogManager, date], bool]


@functools.lru_cache(maxsize=8192)
def _formatted(day: date, pattern: str, locale: str) -> str:
    # Babel parses the pattern and looks the locale up on each call: a month page (about 50 of
    # them) took milliseconds, the same strings every time
    return format_date(day, pattern, locale=locale)


class BabelDate(Text):
    """`data["date"]` in a CLDR pattern (`LLLL y`, `EEEEEE`…), in the member's language;
    with `marked`, the current day/month/year by the bot's clock is written `[ x ]`."""

    def __init__(self, pattern: str, template: str = "{}", marked: Marked | None = None) -> None:
        super().__init__()
        self.pattern = pattern
        self.template = template
        self.marked = marked

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        i18n: Translator = manager.middleware_data["i18n"]
        text = self.template.format(_formatted(data["date"], self.pattern, str(i18n.locale)))
        if self.marked is not None and self.marked(data, manager, today(manager)):
            return f"[ {text} ]"
        return text


def _is_today(data: dict[str, Any], _manager: DialogManager, day: date) -> bool:
    return bool(data["date"] == day)


def _is_this_year(data: dict[str, Any], _manager: DialogManager, day: date) -> bool:
    return bool(data["year"] == day.year)


# A page's key: month begin, locale, first and last day offered, first weekday, today.
PageKey = tuple[date, str, date, date, int, date]
Page = tuple[tuple[InlineKeyboardButton, ...], ...]

# Pages kept per calendar: a page is ~50 buttons, about 49 KB. On a given day the pages members
# see are the current month and the next few, in four languages.
PAGES_KEPT = 16


class CachedDaysView(CalendarDaysView):
    """The days page of `LocalizedCalendar`, rendered once per key and handed out as copies.

    The page depends on nothing but the key: its texts are `BabelDate`s (the date, the member's
    locale, today by the bot's clock; none reads the window's data), the library's own "today"
    (the machine's) picks between `date_text` and `today_text`, which are the same widget with
    the same (empty) style, and its callback data is this widget's prefix and raw dates (the view
    belongs to one calendar: the widget id needs no place in the key). A cached button is never
    handed out, only a copy (`model_copy`: 5 µs against 30 µs to build one): aiogram-dialog's own
    markup factory writes the intent id into the buttons it is given, and the bot's API session
    puts the sent buttons into the returned message. The copy carries the open context's intent
    id already (`intent_callback_data`, which both markup factories call and which leaves data
    that has the id as it is): the members' factory (`dialogs/widgets/markup.py`), which copies
    a button only to add the id, hands these on, so a member's button is copied once, not twice.
    """

    def __init__(
        self, callback_generator: Callable[[str], str], pages: int, **widgets: Any
    ) -> None:
        super().__init__(callback_generator, **widgets)
        # 0: no cache (the reference the tests and the bench compare with)
        self.pages: LRUCache[PageKey, Page] | None = LRUCache(maxsize=pages) if pages else None

    def page_key(self, config: CalendarConfig, offset: date, manager: DialogManager) -> PageKey:
        i18n: Translator = manager.middleware_data["i18n"]
        return (
            offset.replace(day=1),
            str(i18n.locale),
            config.min_date,
            config.max_date,
            config.firstweekday,
            today(manager),
        )

    async def _render_days(
        self,
        config: CalendarConfig,
        offset: date,
        data: dict[str, Any],
        manager: DialogManager,
    ) -> list[list[InlineKeyboardButton]]:
        """The month's weeks, but not those with no day to pick: the claim calendar's month
        was its first days and then rows of blank buttons, the next weeks, all after today."""
        weeks = await super()._render_days(config, offset, data, manager)
        return [week for week in weeks if any(day.callback_data for day in week)] or weeks

    async def render(
        self,
        config: CalendarConfig,
        offset: date,
        data: dict[str, Any],
        manager: DialogManager,
    ) -> list[list[InlineKeyboardButton]]:
        if self.pages is None:
            return await super().render(config, offset, data, manager)
        key = self.page_key(config, offset, manager)
        page = self.pages.get(key)
        if page is None:
            rows = await super().render(config, offset, data, manager)
            page = self.pages[key] = tuple(tuple(row) for row in rows)
        intent = manager.current_context().id
        return [[copy_for(intent, button) for button in row] for row in page]


class LocalizedCalendar(Calendar):
    """A calendar that opens on `start()` and offers the days within `bounds()`; its days pages
    are cached (`CachedDaysView`, `pages` of them; 0: none)."""

    def __init__(
        self,
        id: str,
        on_click: Any = None,
        config: CalendarConfig | None = None,
        when: WhenCondition = None,
        pages: int = PAGES_KEPT,
    ) -> None:
        self.pages_kept = pages  # read by `_init_views`, which the library's __init__ calls
        super().__init__(id=id, on_click=on_click, config=config, when=when)

    def start(self, manager: DialogManager) -> date:
        """The day the calendar opens on (its month, or its year page in the years view)."""
        return today(manager)

    async def bounds(self, manager: DialogManager) -> tuple[date | None, date | None]:
        """The first and last day that may be picked (None: no limit on that side)."""
        return None, None

    def get_offset(self, manager: DialogManager) -> date | None:
        return super().get_offset(manager) or self.start(manager)

    async def _process_item_callback(
        self, callback: CallbackQuery, data: str, dialog: DialogProtocol, manager: DialogManager
    ) -> bool:
        """Only what this calendar draws: its paging, a month, a year or a day within its
        bounds. A modified client's other data (not a number, month 13, year 0, a day before
        the first that may be picked) is answered (`CallbackAnswerMiddleware`) and changes
        nothing; aiogram-dialog's calendar raised on it or passed the day on."""
        if data in self._handlers:
            # paging sets the page shown and nothing else; past the last year a date holds it
            # raised
            with contextlib.suppress(ValueError, OverflowError):
                await self._handlers[data](data, manager)
            return True
        if not await self._drawn(data, manager):
            return True
        return await super()._process_item_callback(callback, data, dialog, manager)

    async def _drawn(self, data: str, manager: DialogManager) -> bool:
        """Whether `data` is a month, a year or a day button this calendar could have drawn."""
        first, last = await self.bounds(manager)
        years = (first.year if first else EARLIEST_YEAR, last.year if last else LATEST_YEAR)
        for prefix, (low, high) in (
            (CALLBACK_PREFIX_MONTH, (1, 12)),
            (CALLBACK_PREFIX_YEAR, years),
        ):
            if data.startswith(prefix):
                value = data[len(prefix) :]
                return value.isascii() and value.isdigit() and low <= int(value) <= high
        number = data.removeprefix("-")
        if not (number.isascii() and number.isdigit()) or len(number) > RAW_DIGITS:
            return False
        try:
            day = date_from_raw(int(data))
        except (ValueError, OverflowError):  # beyond the years a date holds
            return False
        return (first is None or day >= first) and (last is None or day <= last)

    async def _get_user_config(
        self, data: dict[str, Any], manager: DialogManager
    ) -> CalendarUserConfig:
        first, last = await self.bounds(manager)
        return CalendarUserConfig(min_date=first, max_date=last)

    def _is_this_month(self, data: dict[str, Any], manager: DialogManager, day: date) -> bool:
        shown = self.get_offset(manager)
        return shown is not None and (shown.year, data["month"]) == (day.year, day.month)

    def _init_views(self) -> dict[CalendarScope, CalendarScopeView]:
        cb = self._item_callback_data
        day = BabelDate("d", marked=_is_today)
        month = BabelDate("LLLL", marked=self._is_this_month)
        year = BabelDate("y", marked=_is_this_year)
        return {
            CalendarScope.DAYS: CachedDaysView(
                cb,
                self.pages_kept,
                date_text=day,
                today_text=day,
                weekday_text=BabelDate("EEEEEE"),
                header_text=BabelDate("LLLL y", "🗓 {}"),
                next_month_text=BabelDate("LLL y", "{} »"),
                prev_month_text=BabelDate("LLL y", "« {}"),
            ),
            CalendarScope.MONTHS: CalendarMonthView(
                cb,
                month_text=month,
                this_month_text=month,
                header_text=BabelDate("y", "🗓 {}"),
                next_year_text=BabelDate("y", "{} »"),
                prev_year_text=BabelDate("y", "« {}"),
            ),
            CalendarScope.YEARS: CalendarYearsView(
                cb,
                year_text=year,
                this_year_text=year,
                next_page_text=BabelDate("y", "{} »"),
                prev_page_text=BabelDate("y", "« {}"),
            ),
        }


class BirthDateCalendar(LocalizedCalendar):
    """Opens on a decade of likely birth years (the one of people about 40 today), offers no day
    after today and none before 1900. Open it in the years view (`set_scope(YEARS)`)."""

    TYPICAL_AGE = 40
    EARLIEST = date(1900, 1, 1)

    def __init__(self, id: str, on_click: Any = None, pages: int = PAGES_KEPT) -> None:
        super().__init__(id, on_click, CalendarConfig(years_per_page=10), pages=pages)

    def start(self, manager: DialogManager) -> date:
        year = today(manager).year - self.TYPICAL_AGE
        return date(year - year % 10, 1, 1)

    async def bounds(self, manager: DialogManager) -> tuple[date | None, date | None]:
        return self.EARLIEST, today(manager)
