"""Profile: full name, gender, date of birth, home and additional address."""

from __future__ import annotations

from typing import Any

from aiogram import F
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.input import MessageInput, TextInput
from aiogram_dialog.widgets.kbd import Button, Column, Row, Start, SwitchTo
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import profile
from bot.services.phones import shown_phone
from bot.services.profile import GENDER_UNSET, ProfileField
from dialogs.common import (
    MemberDialog,
    back_button,
    clear_error,
    commit_now,
    fmt_date,
    has_note,
    member_window,
    on_free_message,
    on_not_text,
    place_input,
    set_error,
    set_note,
    today,
    typed_choice,
)
from dialogs.privacy import PrivacySG
from dialogs.states import PhoneSG, ProfileSG
from dialogs.text_input import refuse_text
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from storage.models import Member


async def view_getter(
    dialog_manager: DialogManager, member: Member, i18n: Translator, **_: Any
) -> dict[str, Any]:
    empty = i18n("profile-empty")
    return {
        "full_name": member.full_name or empty,
        # the number Telegram confirmed, which the cards are found by (changed: shared again)
        "phone": shown_phone(member.phone) if member.phone else empty,
        "phone_confirmed": member.phone_confirmed_at is not None,
        "gender": i18n(f"gender-{member.gender}") if member.gender else empty,
        "birth_date": fmt_date(member.birth_date, dialog_manager) if member.birth_date else empty,
        "home_address": member.home_address or empty,
        "extra_address": member.extra_address or empty,
        "saved": has_note(dialog_manager, "saved"),
        "removed": has_note(dialog_manager, "removed"),
    }


async def edit_getter(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"field": dialog_manager.dialog_data.get("field", "")}


def _edit(field: ProfileField) -> Button:
    async def start_edit(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
        clear_error(manager)
        manager.dialog_data["field"] = field.value
        await manager.switch_to(ProfileSG.edit)

    return Button(
        I18nButtonText(f"btn-edit-{field.value}"), id=f"edit_{field.value}", on_click=start_edit
    )


async def on_value(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    field = ProfileField(manager.dialog_data["field"])
    if profile.asks_removal(field, text):  # "удалить", "-": the address emptied, not "удалить"
        await profile.remove_address(session, member, field)
        await _stored(manager, "removed")
        return
    if profile.names_other_address(field, text):  # "тот же, что и рабочий": that one copied
        other = profile.other_address(member, field)
        if other is None:
            set_error(manager, "profile-address-no-other")
            return
        text = other
    if not await profile.update_field(session, member, field, text, today(manager)):
        key = f"profile-invalid-{field.value}"
        max_len = profile.max_length(field)
        if max_len is None:
            set_error(manager, key)
        else:
            refuse_text(manager, text, max_len, key, collapse=True)
        return
    await _stored(manager, "saved")


async def on_view_message(message: Message, widget: Any, manager: DialogManager) -> None:
    """On the profile, a change typed rather than pressed: "изменить адрес" opens that field's
    step, "мой адрес: Киев, Крещатик 1", "мой день рождения 5 марта 1990" or "change my name
    to …" saves the new value as if typed there (its errors shown there), "я мужчина" the
    gender; any other message as on any screen that asks nothing (`profile.change_named`)."""
    asked = profile.change_named(message.text) if message.text else None
    if asked is None:
        await on_free_message(message, widget, manager)
        return
    field, value = asked
    clear_error(manager)
    if field == profile.GENDER_FIELD and value is not None:  # "я мужчина": saved
        await _save_gender(message, widget, manager, value)
        return
    if field == profile.GENDER_FIELD:
        await manager.switch_to(ProfileSG.gender)
        return
    manager.dialog_data["field"] = field
    await manager.switch_to(ProfileSG.edit)
    if value is not None:
        await on_value(message, widget, manager, value)


async def _stored(manager: DialogManager, note: str) -> None:
    """The change committed, then the profile shown with `note` ("saved", "removed")."""
    if not await commit_now(manager):
        return
    clear_error(manager)
    set_note(manager, note)
    await manager.switch_to(ProfileSG.view)


async def on_place(message: Message, widget: Any, manager: DialogManager, text: str) -> None:
    """A venue shared for an address is its address; for a name or a date, not an answer."""
    if manager.dialog_data["field"] in profile.ADDRESSES:
        await on_value(message, widget, manager, text)
    else:
        set_error(manager, "input-text-expected")


async def _save_gender(_event: Any, _widget: Any, manager: DialogManager, gender: str) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    await profile.set_gender(session, member, gender)
    if not await commit_now(manager):
        return
    set_note(manager, "saved")
    await manager.switch_to(ProfileSG.view)


def _set_gender(gender: str) -> Button:
    async def choose(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
        await _save_gender(callback, button, manager, gender)

    return Button(I18nButtonText(f"gender-{gender}"), id=f"gender_{gender}", on_click=choose)


async def genders_getter(i18n: Translator, **_: Any) -> dict[str, Any]:
    return {"genders": [(g, i18n(f"gender-{g}")) for g in ("female", "male", GENDER_UNSET)]}


def profile_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            I18nFormat("profile-saved", when="saved"),
            I18nFormat("profile-removed", when="removed"),
            I18nFormat("profile-view"),
            Column(
                _edit(ProfileField.FULL_NAME),
                SwitchTo(
                    I18nButtonText("btn-edit-gender"), id="edit_gender", state=ProfileSG.gender
                ),
                _edit(ProfileField.BIRTH_DATE),
                _edit(ProfileField.HOME_ADDRESS),
                _edit(ProfileField.EXTRA_ADDRESS),
            ),
            Start(
                I18nButtonText("btn-change-phone"),
                id="phone",
                state=PhoneSG.share,
                when="phone_confirmed",
            ),
            Start(I18nButtonText("btn-mydata"), id="mydata", state=PrivacySG.summary),
            back_button(),
            getter=view_getter,
            state=ProfileSG.view,
            # asks nothing: a change typed is made, another message kept for support
            rests=True,
            on_message=on_view_message,
        ),
        member_window(
            *(
                I18nFormat(f"profile-prompt-{f.value}", when=F["field"] == f.value)
                for f in ProfileField
            ),
            I18nError(),
            TextInput(id="value", on_success=on_value),
            place_input(on_place),  # an address shared as a venue
            MessageInput(on_not_text),
            back_button(ProfileSG.view),
            getter=edit_getter,
            state=ProfileSG.edit,
        ),
        member_window(
            I18nFormat("profile-prompt-gender"),
            Row(_set_gender("female"), _set_gender("male")),
            _set_gender(GENDER_UNSET),
            # typed ("жінка", "муж", "F") rather than pressed
            typed_choice("genders", genders_getter, _save_gender, profile.GENDER_WORDS),
            back_button(ProfileSG.view),
            state=ProfileSG.gender,
        ),
    )
