"""Lab tests request: the referral (photos and/or a typed list), preferred date, address."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import ChatEvent, Dialog, DialogManager, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Column
from aiogram_dialog.widgets.kbd.calendar_kbd import CalendarUserConfig, ManagedCalendar

from bot.services.dates import parse_date
from bot.services.forms import future_date
from dialogs.common import MemberDialog, set_error, text_step, today
from dialogs.requests.common import (
    advance,
    docs_getter,
    edit_button,
    sent_getter,
    sent_widgets,
    submit,
)
from dialogs.requests.medicines import ADDRESS, ListStep, address_window, list_window
from dialogs.requests.render import detail_lines
from dialogs.states import LabTestsSG
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from dialogs.widgets.calendar import LocalizedCalendar
from storage.models import RequestKind

REFERRAL = "referral"
PREFERRED_DATE = "preferred_date"
HORIZON_DAYS = 365


class FutureCalendar(LocalizedCalendar):
    """Days from today to the horizon by the bot's clock; it opens on the current month."""

    async def _get_user_config(
        self, data: dict[str, Any], manager: DialogManager
    ) -> CalendarUserConfig:
        start = today(manager)
        return CalendarUserConfig(min_date=start, max_date=start + timedelta(days=HORIZON_DAYS))

    def get_offset(self, manager: DialogManager) -> date | None:
        return super().get_offset(manager) or today(manager)


async def _take_date(manager: DialogManager, text: str) -> None:
    day = today(manager)
    value = future_date(text, day, HORIZON_DAYS)
    if value is None:
        parsed = parse_date(text)
        if parsed is None:
            set_error(manager, "date-invalid")
        else:
            set_error(manager, "lab-date-past" if parsed < day else "lab-date-too-far")
        return
    manager.dialog_data[PREFERRED_DATE] = value.isoformat()
    await advance(manager, LabTestsSG.address, LabTestsSG.confirm)


async def on_date_text(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    await _take_date(manager, text)


async def on_date_picked(
    _event: ChatEvent, _widget: ManagedCalendar, manager: DialogManager, picked: date, /
) -> None:
    await _take_date(manager, picked.isoformat())


def _details(manager: DialogManager) -> dict[str, Any]:
    data = manager.dialog_data
    return {
        REFERRAL: data.get(REFERRAL, ""),
        PREFERRED_DATE: data.get(PREFERRED_DATE),
        ADDRESS: data.get(ADDRESS, ""),
    }


async def summary_getter(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    details = detail_lines(_details(dialog_manager), dialog_manager)
    return {**await docs_getter(dialog_manager, **kwargs), "details": details}


async def on_send(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    await submit(manager, RequestKind.LAB_TESTS, _details(manager), LabTestsSG.sent)


REFERRAL_LIST = ListStep(
    key=REFERRAL,
    prompt="lab-referral-prompt",
    collected="lab-referral-collected",
    empty="lab-referral-empty",
    next_button="lab-btn-next",
)


def lab_tests_dialog() -> Dialog:
    return MemberDialog(
        list_window(REFERRAL_LIST, LabTestsSG.referral, LabTestsSG.date, LabTestsSG.confirm),
        text_step(
            "lab-date-prompt",
            "date",
            on_date_text,
            LabTestsSG.date,
            FutureCalendar(id="date_cal", on_click=on_date_picked),
            Cancel(I18nButtonText("btn-cancel")),
        ),
        address_window(
            LabTestsSG.address,
            LabTestsSG.confirm,
            prompt="lab-address-prompt",
            use_home="lab-btn-use-home",
            invalid="lab-address-invalid",
        ),
        Window(
            I18nFormat("lab-summary"),
            I18nFormat("lab-summary-docs", when="has_docs"),
            I18nError(),
            Button(I18nButtonText("btn-send"), id="send", on_click=on_send),
            Column(
                edit_button("lab-btn-edit-referral", LabTestsSG.referral),
                edit_button("lab-btn-edit-date", LabTestsSG.date),
                edit_button("lab-btn-edit-address", LabTestsSG.address),
            ),
            Cancel(I18nButtonText("btn-cancel")),
            getter=summary_getter,
            state=LabTestsSG.confirm,
        ),
        Window(*sent_widgets(), getter=sent_getter, state=LabTestsSG.sent),
    )
