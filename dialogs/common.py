"""Pieces shared by the dialogs: error display, "today", the menu button, formatting."""

from __future__ import annotations

from datetime import date, datetime
from operator import itemgetter
from typing import Any

from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, StartMode, Window
from aiogram_dialog.api.protocols import CancelEventProcessing
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Column, Select, Start
from aiogram_dialog.widgets.text import Format, Multi
from aiogram_dialog.widgets.widget_event import WidgetEventProcessor
from babel.dates import format_date, format_time, get_timezone_location
from sqlalchemy import inspect

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Translator
from bot.services.zones import ReadingZone, reading_zone
from dialogs.safe import SafeDialog
from dialogs.states import MainSG
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from dialogs.widgets.i18n import ERROR_KEY
from storage.uow import UnitOfWork


def set_error(manager: DialogManager, key: str, **args: Any) -> None:
    """Show `key` above the current step; the step itself stays."""
    manager.dialog_data[ERROR_KEY] = {"key": key, "args": args}


def clear_error(manager: DialogManager) -> None:
    manager.dialog_data.pop(ERROR_KEY, None)


def now(manager: DialogManager) -> datetime:
    clock: Clock = manager.middleware_data["clock"]
    return clock()


def today(manager: DialogManager) -> date:
    """Today in the insurer's time zone: coverage and waiting periods are counted there."""
    settings: Settings = manager.middleware_data["settings"]
    return now(manager).astimezone(settings.tz).date()


_ZONE_KEY = "member_reading_zone"


def member_zone(manager: DialogManager) -> ReadingZone:
    """The zone the member reads times in (their phone's country, else the insurer's); found
    once per update, however many times a page shows."""
    data = manager.middleware_data
    phone = getattr(data.get("member"), "phone", None)
    found: tuple[str | None, ReadingZone] | None = data.get(_ZONE_KEY)
    if found is None or found[0] != phone:  # a phone confirmed in this update counts
        settings: Settings = data["settings"]
        found = data[_ZONE_KEY] = (phone, reading_zone(phone, settings.tz, now(manager)))
    return found[1]


def member_date(value: datetime, manager: DialogManager) -> date:
    """The calendar date of a moment where the member is."""
    return value.astimezone(member_zone(manager).tz).date()


async def commit_now(manager: DialogManager) -> bool:
    """Commit what this update stored, before the screen that reports it (commit, then speak).

    False when the commit failed: the change is rolled back, the current step stays and says
    so. The caller then must not move on to a "saved" or "sent" screen.
    """
    uow: UnitOfWork = manager.middleware_data["uow"]
    if await uow.commit():
        return True
    member = manager.middleware_data.get("member")
    if member is not None and inspect(member).persistent:
        # a rollback expires loaded rows; the step's getters read the member again
        await uow.session.refresh(member)
    set_error(manager, "error-not-saved")
    return False


def fmt_date(value: date, manager: DialogManager) -> str:
    i18n: Translator = manager.middleware_data["i18n"]
    return format_date(value, format="long", locale=i18n.locale)


def _named_zone(text: str, zone: ReadingZone, manager: DialogManager) -> str:
    """`text` as is in the member's own zone; otherwise with the zone it is in."""
    if zone.own:
        return text
    i18n: Translator = manager.middleware_data["i18n"]
    city = get_timezone_location(zone.tz, locale=i18n.locale, return_city=True)
    return i18n("time-in-zone", time=text, zone=city)


def fmt_datetime(value: datetime, manager: DialogManager) -> str:
    """A moment in the member's zone, its date written as `fmt_date` writes dates."""
    i18n: Translator = manager.middleware_data["i18n"]
    zone = member_zone(manager)
    local = value.astimezone(zone.tz)
    text = i18n(
        "date-at-time",
        date=format_date(local.date(), format="long", locale=i18n.locale),
        time=format_time(local, "HH:mm", locale=i18n.locale),
    )
    return _named_zone(text, zone, manager)


def fmt_time_or_datetime(value: datetime, manager: DialogManager) -> str:
    """A moment near now: the time alone when it falls on the member's today, else date and time."""
    i18n: Translator = manager.middleware_data["i18n"]
    zone = member_zone(manager)
    local = value.astimezone(zone.tz)
    if local.date() != now(manager).astimezone(zone.tz).date():
        return fmt_datetime(value, manager)
    return _named_zone(format_time(local, "HH:mm", locale=i18n.locale), zone, manager)


def menu_button() -> Start:
    return Start(
        I18nButtonText("btn-menu"), id="to_menu", state=MainSG.menu, mode=StartMode.RESET_STACK
    )


async def on_not_text(_message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    set_error(manager, "input-text-expected")


def choice_step(
    prompt: str,
    select_id: str,
    items: str,
    on_click: Any,
    state: State,
    *widgets: Any,
    getter: Any = None,
) -> Window:
    """A step that asks to pick one of `items` (pairs of id and label from the getter)."""
    return Window(
        I18nFormat(prompt),
        I18nError(),
        Column(
            Select(
                Format("{item[1]}"),
                id=select_id,
                item_id_getter=itemgetter(0),
                items=items,
                on_click=on_click,
            )
        ),
        *widgets,
        getter=getter,
        state=state,
    )


def text_step(
    prompt: str,
    input_id: str,
    on_success: WidgetEventProcessor | Any,
    state: State,
    *widgets: Any,
    getter: Any = None,
) -> Window:
    """A step that asks for a typed answer: the prompt, the last error, the input, buttons.

    Anything but text gets "please type your answer" and the same step.
    """
    return Window(
        I18nFormat(prompt),
        I18nError(),
        TextInput(id=input_id, on_success=on_success),
        MessageInput(on_not_text),
        *widgets,
        getter=getter,
        state=state,
    )


def _shows_errors(text: Any) -> bool:
    if isinstance(text, I18nError):
        return True
    return any(_shows_errors(t) for t in getattr(text, "texts", ()))


class MemberDialog(SafeDialog):
    """A dialog that answers input its current step does not take.

    aiogram-dialog consumes every message sent while a dialog is open, so a word typed where
    only buttons are expected would otherwise get no answer at all.
    """

    def __init__(self, *windows: Window, **kwargs: Any) -> None:
        for window in windows:
            if not _shows_errors(window.text):
                # every step can show why the last input was not taken
                window.text = Multi(window.text, I18nError())
        super().__init__(*windows, **kwargs)

    async def _callback_handler(
        self, callback: CallbackQuery, dialog_manager: DialogManager
    ) -> None:
        if callback.data is None:
            # every button of ours carries data; one without (a game button, a modified
            # client) presses nothing and is answered as out of date (middlewares/callback_answer)
            return
        clear_error(dialog_manager)  # a press is a fresh start; a handler may set a new error
        await super()._callback_handler(callback, dialog_manager)

    async def _message_handler(self, message: Message, dialog_manager: DialogManager) -> None:
        old_context = dialog_manager.current_context()
        window = await self._current_window(dialog_manager)
        try:
            processed = await window.process_message(message, self, dialog_manager)
        except CancelEventProcessing:
            processed = False
        if not processed:
            set_error(dialog_manager, "input-unexpected")
            processed = True
        if self._need_refresh(processed, old_context, dialog_manager):
            await dialog_manager.show()
