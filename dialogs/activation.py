"""Activation by insured ID + date of birth (the Sphera path, and the no-phone fallback)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from aiogram import F
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import ChatEvent, Dialog, DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Button, Column, Start
from aiogram_dialog.widgets.kbd.calendar_kbd import CalendarScope, ManagedCalendar
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services import activation
from bot.services.activation import ActivationRules, LockScope, Outcome
from bot.services.cards import get_card
from bot.services.dates import parse_birth_date
from dialogs.common import (
    BACK,
    MemberDialog,
    back_button,
    clear_error,
    commit_now,
    fmt_date,
    fmt_time_or_datetime,
    member_window,
    menu_button,
    now,
    on_not_text,
    set_error,
    text_step,
    today,
)
from dialogs.states import ActivationSG, CardsSG, PhoneSG, SupportSG
from dialogs.widgets import I18nButtonText, I18nFormat
from dialogs.widgets.calendar import BirthDateCalendar
from storage.models import Member


async def on_insured_id(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    await take_insured_id(manager, text)


async def start_with_id(manager: DialogManager, text: str) -> None:
    """Activation started from an insured ID (and perhaps the date of birth) the member typed
    on the menu: the step after it shown, or the ID step with what was wrong."""
    await manager.start(ActivationSG.insured_id, show_mode=ShowMode.NO_UPDATE)
    await take_insured_id(manager, text)
    manager.show_mode = ShowMode.SEND  # (started without a render: the step after it shows)
    await manager.show()


async def take_insured_id(manager: DialogManager, text: str) -> None:
    """A typed insured ID, and with it the date of birth when the member typed both in one
    message: then the pair is checked at once, rather than the whole text taken for the ID
    (which cost an attempt)."""
    typed, born = activation.split_birth_date(text, today(manager))
    if not any(ch.isdigit() for ch in typed):
        # "не знаю", "у меня нет карты": words, not an ID; taken for one, the date of birth
        # after it cost an attempt
        set_error(manager, "activation-id-words")
        return
    if not activation.is_insured_id(typed):
        set_error(manager, "activation-id-invalid")
        return
    if born is None and not typed.strip().isdigit() and parse_birth_date(typed, today(manager)):
        # the date of birth typed where the ID is asked: it would be taken for an ID
        set_error(manager, "activation-id-is-date")
        return
    clear_error(manager)
    # as typed (spaces collapsed): an ID that holds a label-like word is looked up as it is first
    manager.dialog_data["insured_id"] = " ".join(typed.split())
    if born is not None:
        await _submit(manager, born)
        return
    await manager.switch_to(ActivationSG.birth_date)


async def _submit(manager: DialogManager, birth_date: date) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    settings: Settings = manager.middleware_data["settings"]
    rules: ActivationRules = manager.middleware_data["activation_rules"]
    result = await activation.activate(
        session,
        member,
        manager.dialog_data["insured_id"],
        birth_date,
        now(manager),
        settings.tz,
        rules,
        settings.activation_key(),
    )
    # the attempt (and a link or reminder) is stored before any outcome is shown
    if not await commit_now(manager):
        return
    clear_error(manager)
    if result.outcome is Outcome.WRONG:
        manager.dialog_data.pop("insured_id", None)
        set_error(manager, "activation-wrong-pair", left=result.attempts_left or 0)
        await manager.switch_to(ActivationSG.insured_id)
    elif result.outcome is Outcome.LOCKED:
        assert result.locked_until is not None
        manager.dialog_data["locked_until"] = result.locked_until.isoformat()
        manager.dialog_data["lock"] = result.lock
        await manager.switch_to(ActivationSG.locked)
    elif result.outcome is Outcome.WAITING:
        assert result.opens_on is not None
        manager.dialog_data["opens_on"] = result.opens_on.isoformat()
        await manager.switch_to(ActivationSG.waiting)
    else:
        manager.dialog_data["card_id"] = result.card_id
        await manager.switch_to(ActivationSG.linked)


async def on_birth_text(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    value = activation.read_birth_date(text, today(manager))
    if value is None:
        # the ID typed again with the date, as on the step before: the pair, as typed now
        typed, born = activation.split_birth_date(text, today(manager))
        if born is None or not activation.is_insured_id(typed):
            set_error(manager, "date-invalid")
            return
        manager.dialog_data["insured_id"] = " ".join(typed.split())
        value = born
    await _submit(manager, value)


async def on_birth_picked(
    _event: ChatEvent, _widget: ManagedCalendar, manager: DialogManager, picked: date, /
) -> None:
    if picked > today(manager):
        set_error(manager, "date-invalid")
        await manager.switch_to(ActivationSG.birth_date)
        return
    await _submit(manager, picked)


async def id_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The ID the date of birth goes with: typed, or from the `/start` link that opened the
    step (its start data, shown before the dialog data holds it)."""
    link = dialog_manager.start_data if isinstance(dialog_manager.start_data, dict) else {}
    typed = dialog_manager.dialog_data.get("insured_id") or link.get("insured_id") or ""
    return {
        "insured_id": activation.strip_label(typed),
        "from_link": typed == link.get("insured_id"),
    }


async def result_getter(
    dialog_manager: DialogManager, session: AsyncSession, member: Member, **_: Any
) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    result: dict[str, Any] = {}
    if opens := data.get("opens_on"):
        result["opens_on"] = fmt_date(date.fromisoformat(opens), dialog_manager)
    if until := data.get("locked_until"):
        result["until"] = fmt_time_or_datetime(datetime.fromisoformat(until), dialog_manager)
        result["id_locked"] = data.get("lock") == LockScope.INSURED_ID
    if card_id := data.get("card_id"):
        card = await get_card(session, member, card_id, today(dialog_manager))
        if card:
            result |= {"policy": card.policy_number, "holder": card.holder_name}
    return result


async def on_open_calendar(
    _callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    # a date of birth is years back: start from the years, not from this month
    calendar = manager.find("birth_cal")
    assert isinstance(calendar, ManagedCalendar)
    calendar.set_scope(CalendarScope.YEARS)
    await manager.switch_to(ActivationSG.birth_calendar)


async def on_restart(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    clear_error(manager)
    await manager.switch_to(ActivationSG.insured_id)


def activation_dialog() -> Dialog:
    return MemberDialog(
        text_step(
            "activation-id-prompt",
            "insured_id",
            on_insured_id,
            ActivationSG.insured_id,
            back_button(),
        ),
        member_window(
            # the ID taken, so a typo shows before the date is checked against it
            I18nFormat("link-activate-id", when="from_link"),
            I18nFormat("activation-id-taken", when=F["insured_id"] & ~F["from_link"]),
            I18nFormat("activation-birth-prompt"),
            TextInput(id="birth_date", on_success=on_birth_text),
            MessageInput(on_not_text),
            Button(I18nButtonText("btn-pick-date"), id="calendar", on_click=on_open_calendar),
            Button(I18nButtonText("btn-back"), id=BACK, on_click=on_restart),
            getter=id_getter,
            state=ActivationSG.birth_date,
        ),
        member_window(
            I18nFormat("activation-birth-calendar"),
            BirthDateCalendar(id="birth_cal", on_click=on_birth_picked),
            back_button(ActivationSG.birth_date),
            state=ActivationSG.birth_calendar,
        ),
        member_window(
            I18nFormat("activation-linked"),
            Column(
                Start(I18nButtonText("btn-my-cards"), id="cards", state=CardsSG.list),
                menu_button(),
            ),
            getter=result_getter,
            state=ActivationSG.linked,
            rests=True,
        ),
        member_window(
            I18nFormat("activation-waiting"),
            menu_button(),
            getter=result_getter,
            state=ActivationSG.waiting,
            rests=True,
        ),
        member_window(
            # the phone path and support, not only the menu (docs/security.md)
            I18nFormat("security-locked-id", when="id_locked"),
            I18nFormat("security-locked-account", when=~F["id_locked"]),
            Column(
                Start(I18nButtonText("btn-confirm-phone"), id="phone", state=PhoneSG.share),
                Start(I18nButtonText("btn-support"), id="support", state=SupportSG.info),
                menu_button(),
            ),
            getter=result_getter,
            state=ActivationSG.locked,
            rests=True,
        ),
    )
