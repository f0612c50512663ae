"""Calendars in the member's language whose "today" is the bot's clock, never the machine's.

aiogram-dialog's calendar reads the machine's clock for three things: the month it opens on, the
"today" mark and the current month/year marks. Here the first screen comes from `start()` (today by
the bot's clock unless a subclass says otherwise), and the marks are drawn by text widgets that
compare with the bot's clock; the library's own choice between its "today" and plain texts no longer
matters because both are the same widget. The days offered come from `bounds()`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Calendar
from aiogram_dialog.widgets.kbd.calendar_kbd import (
    CalendarConfig,
    CalendarDaysView,
    CalendarMonthView,
    CalendarScope,
    CalendarScopeView,
    CalendarUserConfig,
    CalendarYearsView,
)
from aiogram_dialog.widgets.text import Text
from babel.dates import format_date

from bot.i18n import Translator
from dialogs.common import today

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


class LocalizedCalendar(Calendar):
    """A calendar that opens on `start()` and offers the days within `bounds()`."""

    def start(self, manager: DialogManager) -> date:
        """The day the calendar opens on (its month, or its year page in the years view)."""
        return today(manager)

    async def bounds(self, manager: DialogManager) -> tuple[date | None, date | None]:
        """The first and last day that may be picked (None: no limit on that side)."""
        return None, None

    def get_offset(self, manager: DialogManager) -> date | None:
        return super().get_offset(manager) or self.start(manager)

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
            CalendarScope.DAYS: CalendarDaysView(
                cb,
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

    def __init__(self, id: str, on_click: Any = None) -> None:
        super().__init__(id=id, on_click=on_click, config=CalendarConfig(years_per_page=10))

    def start(self, manager: DialogManager) -> date:
        year = today(manager).year - self.TYPICAL_AGE
        return date(year - year % 10, 1, 1)

    async def bounds(self, manager: DialogManager) -> tuple[date | None, date | None]:
        return self.EARLIEST, today(manager)
