"""A calendar whose month and weekday names follow the member's language (Babel)."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Calendar
from aiogram_dialog.widgets.kbd.calendar_kbd import (
    CalendarDaysView,
    CalendarMonthView,
    CalendarScope,
    CalendarScopeView,
    CalendarYearsView,
)
from aiogram_dialog.widgets.text import Text
from babel.dates import format_date

from bot.i18n import Translator


class BabelDate(Text):
    """`data["date"]` in a CLDR pattern (`LLLL y`, `EEEEEE`…), in the member's language."""

    def __init__(self, pattern: str, template: str = "{}") -> None:
        super().__init__()
        self.pattern = pattern
        self.template = template

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        i18n: Translator = manager.middleware_data["i18n"]
        return self.template.format(format_date(data["date"], self.pattern, locale=i18n.locale))


class LocalizedCalendar(Calendar):
    def _init_views(self) -> dict[CalendarScope, CalendarScopeView]:
        cb = self._item_callback_data
        return {
            CalendarScope.DAYS: CalendarDaysView(
                cb,
                date_text=BabelDate("d"),
                today_text=BabelDate("d", "[ {} ]"),
                weekday_text=BabelDate("EEEEEE"),
                header_text=BabelDate("LLLL y", "🗓 {}"),
                next_month_text=BabelDate("LLL y", "{} »"),
                prev_month_text=BabelDate("LLL y", "« {}"),
            ),
            CalendarScope.MONTHS: CalendarMonthView(
                cb,
                month_text=BabelDate("LLLL"),
                this_month_text=BabelDate("LLLL", "[ {} ]"),
                header_text=BabelDate("y", "🗓 {}"),
                next_year_text=BabelDate("y", "{} »"),
                prev_year_text=BabelDate("y", "« {}"),
            ),
            CalendarScope.YEARS: CalendarYearsView(
                cb,
                year_text=BabelDate("y"),
                this_year_text=BabelDate("y", "[ {} ]"),
                next_page_text=BabelDate("y", "{} »"),
                prev_page_text=BabelDate("y", "« {}"),
            ),
        }
