"""Answers to the appointment form's steps: validate, store in `dialog_data`, move on."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.services.forms import TEXT_MAX, clean_text, is_nothing, windows_left
from dialogs.common import clear_error, fmt_date, insurer_now, set_error
from dialogs.requests.common import advance, submit
from dialogs.requests.dates import DateErrors, preferred_date_handlers
from dialogs.states import AppointmentSG
from dialogs.text_input import refuse_text
from storage.models import RequestKind

# `clinic_id`: the directory's clinic when one was pressed (None when typed; never shown)
FIELDS = ("specialty", "clinic", "clinic_id", "preferred_date", "time_window", "comment")
SPECIALTY_MAX = 100


def details(manager: DialogManager) -> dict[str, Any]:
    """The answers in the form's order; a skipped comment is None; a typed clinic has no id."""
    found = {key: manager.dialog_data.get(key) for key in FIELDS}
    if found["clinic_id"] is None:
        del found["clinic_id"]
    return found


async def on_specialty(
    _callback: CallbackQuery, _widget: Any, manager: DialogManager, item: str
) -> None:
    manager.dialog_data["specialty"] = item
    await advance(manager, AppointmentSG.clinic, AppointmentSG.confirm)


async def on_other(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    clear_error(manager)
    await manager.switch_to(AppointmentSG.specialty_other)


async def on_back_to_list(
    _callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    clear_error(manager)
    await manager.switch_to(AppointmentSG.specialty)


async def on_other_text(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    specialty = clean_text(text, max_len=SPECIALTY_MAX)
    if specialty is None:
        refuse_text(
            manager, text, SPECIALTY_MAX, "appointment-specialty-invalid", max=SPECIALTY_MAX
        )
        return
    manager.dialog_data["specialty"] = specialty
    await advance(manager, AppointmentSG.clinic, AppointmentSG.confirm)


on_date_text, on_date_picked = preferred_date_handlers(
    AppointmentSG.time,
    AppointmentSG.confirm,
    DateErrors(
        unreadable="appointment-date-invalid",
        past="appointment-date-past",
        too_far="appointment-date-far",
        no_time_left="request-no-time-left",
    ),
)


async def on_time(
    _callback: CallbackQuery, _widget: Any, manager: DialogManager, item: str
) -> None:
    picked = date.fromisoformat(manager.dialog_data["preferred_date"])
    if item not in windows_left(picked, insurer_now(manager)):
        # a button drawn earlier in the day (or before the date was changed to today)
        set_error(manager, "request-time-passed", date=fmt_date(picked, manager))
        return
    manager.dialog_data["time_window"] = item
    await advance(manager, AppointmentSG.comment, AppointmentSG.confirm)


async def on_comment(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    if is_nothing(text):  # "нет", "ничего", "-": the comment skipped, not stored as one
        await on_skip(_message, None, manager)
        return
    comment = clean_text(text)
    if comment is None:
        refuse_text(manager, text, TEXT_MAX, "appointment-comment-invalid", max=TEXT_MAX)
        return
    manager.dialog_data["comment"] = comment
    await advance(manager, AppointmentSG.confirm, AppointmentSG.confirm)


async def on_skip(_event: Any, _button: Button | None, manager: DialogManager) -> None:
    manager.dialog_data["comment"] = None
    await advance(manager, AppointmentSG.confirm, AppointmentSG.confirm)


async def on_send(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await submit(
        manager,
        RequestKind.APPOINTMENT,
        details(manager),
        AppointmentSG.sent,
        {"preferred_date": AppointmentSG.date, "time_window": AppointmentSG.time},
    )
