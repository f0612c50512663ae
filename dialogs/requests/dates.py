"""The "preferred date" step shared by forms: typed or picked, from today up to a horizon."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from aiogram.fsm.state import State
from aiogram.types import Message
from aiogram_dialog import ChatEvent, DialogManager
from aiogram_dialog.widgets.kbd.calendar_kbd import ManagedCalendar, OnDateSelected
from babel.dates import format_date

from bot.i18n import Translator
from bot.render import window_text
from bot.services.dates import first_of_span, month_of_days, names_span, read_date
from bot.services.forms import (
    WINDOWS_CLOSE,
    WINDOWS_OPEN,
    DateRefusal,
    DateTyped,
    days_told,
    hour_outside,
    hour_said,
    names_soonest,
    preferred_date_refusal,
    read_date_time_said,
    windows_left,
)
from dialogs.common import fmt_date, insurer_now, on_unexpected, set_error, set_notice, today
from dialogs.requests.common import advance, step_to
from dialogs.widgets.calendar import LocalizedCalendar

HORIZON_DAYS = 365
CALENDAR_ID = "date_cal"  # a form's calendar of days to come
FIELD = "preferred_date"
TIME_FIELD = "time_window"
# the time of day as the member typed it when it named an hour ("после 17", "в 10:30"): kept
# beside the window it falls in, for staff (`render.value_text`); gone with a window picked
SAID_FIELD = "time_said"
# a day typed before the date step ("к стоматологу в понедельник", "анализы завтра утром"):
# kept until that step, which it answers (`answer_kept_day`)
DATE_AHEAD = "date_ahead"


class FutureCalendar(LocalizedCalendar):
    """Days from today to the horizon by the bot's clock; it opens on the current month."""

    async def bounds(self, manager: DialogManager) -> tuple[date | None, date | None]:
        start = today(manager)
        return start, start + timedelta(days=HORIZON_DAYS)


@dataclass(frozen=True)
class DateErrors:
    """The Fluent keys that say why a date was refused."""

    unreadable: str
    past: str
    too_far: str
    # a form with a time of day: a day none of whose times is left (today, late) is refused
    no_time_left: str | None = None


# a typed date's handler: a text step's, and called with the text alone (no message) when a
# day typed on an earlier step answers this one (`appointment/clinics.py:to_date`)
TextHandler = Callable[[Message | None, Any, DialogManager, str], Awaitable[None]]


def preferred_date_handlers(
    next_state: State,
    confirm_state: State,
    errors: DateErrors,
    after_time: State | None = None,
    keeps_time: bool = False,
) -> tuple[TextHandler, OnDateSelected]:
    """The typed-date and picked-date handlers of one form's date step. In a form whose next
    step asks the time of day (`after_time` is the one after it), a date typed with one
    ("завтра утром", "15-го в 10") answers both, when that time is still left on that day.
    With `keeps_time` (a form with no time step: lab tests), a time of day typed with the date
    is kept on the request as it was said, when it is still left on that day; a date picked or
    typed alone drops one typed before."""

    async def take(
        manager: DialogManager,
        value: date | None,
        window: str | None = None,
        said: str | None = None,
    ) -> None:
        day = today(manager)
        if value is None:
            set_error(manager, errors.unreadable)
            return
        refusal = preferred_date_refusal(value, day, HORIZON_DAYS)
        if refusal is not None:
            set_error(manager, errors.past if refusal is DateRefusal.PAST else errors.too_far)
            return
        if errors.no_time_left and not windows_left(value, insurer_now(manager)):
            set_error(manager, errors.no_time_left, date=fmt_date(value, manager))
            return
        if keeps_time:
            if window is not None and window not in windows_left(value, insurer_now(manager)):
                set_error(manager, "request-time-passed", date=fmt_date(value, manager))
                return
            if window is None:
                manager.dialog_data.pop(TIME_FIELD, None)
                manager.dialog_data.pop(SAID_FIELD, None)
            else:
                keep_time(manager, window, said)
        manager.dialog_data[FIELD] = value.isoformat()
        if after_time is not None and window is not None:
            if window in windows_left(value, insurer_now(manager)):
                keep_time(manager, window, said)
                await advance(manager, after_time, confirm_state)
                return
            # that time of day is over on that day: the time step asks again, with why
            manager.dialog_data.pop(TIME_FIELD, None)
            manager.dialog_data.pop(SAID_FIELD, None)
            set_error(manager, "request-time-passed", date=fmt_date(value, manager))
            await step_to(manager, next_state)
            return
        await advance(manager, next_state, confirm_state)

    async def on_text(
        _message: Message | None, _widget: Any, manager: DialogManager, text: str
    ) -> None:
        # "как можно скорее": the first day a visit can be on; "в выходные", "на следующей
        # неделе": the first of those days; each taken, and said so
        soonest = names_soonest(text)
        first = today(manager) if soonest else first_of_span(text, today(manager))
        if first is not None:
            if errors.no_time_left and not windows_left(first, insurer_now(manager)):
                first += timedelta(days=1)  # (no time of day left today)
            await take(manager, first)
            if manager.dialog_data.get(FIELD) == first.isoformat():  # (taken: said so)
                key = "date-soonest-kept" if soonest else "date-first-kept"
                set_notice(manager, key, date=fmt_date(first, manager))
            return
        if after_time is None and not keeps_time:  # a time of day typed would be lost
            typed = DateTyped(read_date(text, today(manager), future=True), None, None)
        else:  # "завтра 10-12": the day, and the hours its time of day
            typed = read_date_time_said(text, today(manager), future=True)
        if typed.value is None and names_span(text):  # "15-16 декабря": one of them, please
            set_error(manager, "date-one-day")
            return
        if typed.value is None and (month := month_of_days(text, today(manager), future=True)):
            # "в январе": the calendar turned to January, its day asked for
            if preferred_date_refusal(month, today(manager), HORIZON_DAYS) is DateRefusal.TOO_FAR:
                set_error(manager, errors.too_far)
            else:
                show_month(manager, CALENDAR_ID, month)
            return
        asked, no = days_told(text, today(manager)) if typed.value is None else (None, None)
        if no is not None and asked is not None:  # "не в понедельник, лучше во вторник"
            typed = read_date_time_said(asked, today(manager), future=True)
        elif no is not None and (refused := read_date(no, today(manager), future=True)):
            # "только не в пятницу": said back, and the day asked for again
            set_notice(manager, "date-refused", date=fmt_date(refused, manager))
            return
        await take(manager, *typed)

    async def on_picked(
        _event: ChatEvent, _widget: ManagedCalendar, manager: DialogManager, picked: date, /
    ) -> None:
        await take(manager, picked)

    return on_text, on_picked


def show_month(manager: DialogManager, calendar_id: str, month: date) -> None:
    """A month named for a day ("в октябре", "на прошлой неделе"): the step's calendar turned
    to it, and the day asked for ("📅 October 2026: which day?")."""
    calendar = manager.find(calendar_id)
    assert isinstance(calendar, ManagedCalendar), calendar_id
    calendar.set_offset(month)
    i18n: Translator = manager.middleware_data["i18n"]
    shown = format_date(month, "LLLL y", locale=i18n.locale)
    set_notice(manager, "date-which-day", month=shown[:1].upper() + shown[1:])


def keep_time(manager: DialogManager, window: str, said: str | None = None) -> None:
    """The time of day of a form: the window, and the hour as typed when one was ("после 17"),
    or none (a window picked, or named in words, drops one typed before)."""
    manager.dialog_data[TIME_FIELD] = window
    if said is None:
        manager.dialog_data.pop(SAID_FIELD, None)
    else:
        manager.dialog_data[SAID_FIELD] = said


def typed_time(event: object) -> str | None:
    """The hour a time step's answer was typed with ("в 10:30"; `forms.hour_said`), None for a
    button pressed or a time of day typed in words."""
    text = event.text if isinstance(event, Message) else None
    return hour_said(text) if text else None


def day_kept(manager: DialogManager, typed: DateTyped) -> str:
    """A day typed before its step (`typed`, read), as the notice that keeps it says it:
    "November 23, 2026", and the time of day typed with it ("…, 🌅 Morning, 8:00–12:00 · “о
    10:00”"), which answers the form's time too."""
    assert typed.value is not None
    shown = fmt_date(typed.value, manager)
    if typed.window is None:
        return shown
    return f"{shown}, {window_text(typed.window, typed.said, manager.middleware_data['i18n'])}"


async def answer_kept_day(manager: DialogManager, step: State, on_text: TextHandler) -> None:
    """On the date step `step` now, the day typed before it (`DATE_AHEAD`) answers it, as if
    typed there (its errors shown there)."""
    ahead = manager.dialog_data.pop(DATE_AHEAD, None)
    context = manager.current_context()
    if ahead and context is not None and context.state == step:
        await on_text(None, None, manager, str(ahead))


async def on_time_outside(message: Message, widget: Any, manager: DialogManager, text: str) -> None:
    """What a time-of-day step took in no other way: an hour outside the windows ("в 21:00")
    is told their hours; any other text is as on any step (`common.on_unexpected`)."""
    if hour_outside(text):
        set_error(
            manager,
            "request-time-outside",
            opens=f"{WINDOWS_OPEN}:00",
            closes=f"{WINDOWS_CLOSE}:00",
        )
        return
    await on_unexpected(message, widget, manager)
