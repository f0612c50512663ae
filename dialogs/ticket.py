"""\"My card is not found\": a ticket to support with policy number, phone and full name."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Row, SwitchTo
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import tickets
from bot.services.phones import shown_phone
from bot.services.profile import NAME_MAX, clean_full_name
from dialogs.common import (
    MemberDialog,
    back_button,
    clear_error,
    commit_now,
    member_window,
    menu_button,
    now,
    text_step,
    typed_yes,
)
from dialogs.states import TicketSG
from dialogs.text_input import refuse_text
from dialogs.widgets import I18nButtonText, I18nFormat
from storage.models import Member


async def on_policy(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    typed, name = tickets.policy_and_name(text)  # "SIP-2026-0099, Олена Коваленко": both
    value = tickets.clean_policy_number(typed)
    if value is None:
        refuse_text(
            manager, text, tickets.POLICY_NUMBER_MAX, "ticket-policy-invalid", collapse=True
        )
        return
    clear_error(manager)
    manager.dialog_data["policy_number"] = value
    full_name = clean_full_name(name) if name else None
    if full_name is not None:
        manager.dialog_data["full_name"] = full_name
        await manager.switch_to(TicketSG.confirm)
        return
    await manager.switch_to(TicketSG.full_name)


async def on_policy_unknown(
    _callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    clear_error(manager)
    manager.dialog_data["policy_number"] = None
    await manager.switch_to(TicketSG.full_name)


async def on_name(_message: Message, _widget: Any, manager: DialogManager, text: str) -> None:
    value = clean_full_name(text)
    if value is None:
        refuse_text(manager, text, NAME_MAX, "profile-invalid-full_name", collapse=True)
        return
    clear_error(manager)
    manager.dialog_data["full_name"] = value
    await manager.switch_to(TicketSG.confirm)


async def on_use_profile_name(
    _callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    member: Member = manager.middleware_data["member"]
    manager.dialog_data["full_name"] = member.full_name
    await manager.switch_to(TicketSG.confirm)


async def on_send(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    ticket = await tickets.open_no_card_ticket(
        session,
        member,
        manager.dialog_data.get("policy_number"),
        manager.dialog_data["full_name"],
        now(manager),
    )
    ticket_id = ticket.id
    if not await commit_now(manager):
        return
    manager.dialog_data["ticket_id"] = ticket_id
    await manager.switch_to(TicketSG.sent)


async def ticket_getter(dialog_manager: DialogManager, member: Member, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    i18n: Translator = dialog_manager.middleware_data["i18n"]
    return {
        "policy_number": data.get("policy_number") or i18n("ticket-policy-not-known"),
        "full_name": data.get("full_name", ""),
        "profile_name": member.full_name or "",
        "phone": shown_phone(member.phone) if member.phone else "—",
        "ticket_id": data.get("ticket_id", 0),
    }


def ticket_dialog() -> Dialog:
    return MemberDialog(
        text_step(
            "ticket-policy-prompt",
            "policy",
            on_policy,
            TicketSG.policy_number,
            Button(I18nButtonText("btn-policy-unknown"), id="unknown", on_click=on_policy_unknown),
            back_button(),
        ),
        text_step(
            "ticket-name-prompt",
            "name",
            on_name,
            TicketSG.full_name,
            Button(
                I18nButtonText("btn-use-name"),
                id="use_name",
                on_click=on_use_profile_name,
                when="profile_name",
            ),
            back_button(TicketSG.policy_number),
            getter=ticket_getter,
        ),
        member_window(
            I18nFormat("ticket-confirm"),
            Row(
                Button(I18nButtonText("btn-send"), id="send", on_click=on_send),
                SwitchTo(I18nButtonText("btn-edit"), id="edit", state=TicketSG.policy_number),
            ),
            typed_yes(on_send),  # "да", "так", "yes" typed: sent
            Cancel(I18nButtonText("btn-cancel")),
            getter=ticket_getter,
            state=TicketSG.confirm,
        ),
        member_window(
            I18nFormat("ticket-sent"),
            Column(menu_button()),
            getter=ticket_getter,
            state=TicketSG.sent,
        ),
    )
