"""Phone confirmation with Telegram's contact button, and the no-card path."""

from __future__ import annotations

from typing import Any

from aiogram import F
from aiogram.enums import ContentType
from aiogram.types import Message
from aiogram_dialog import Dialog, DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Column, RequestContact, Start
from aiogram_dialog.widgets.markup.reply_keyboard import ReplyKeyboardFactory
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import activation, cards
from bot.services.cards import CardStatus
from bot.services.phones import is_market_phone, normalize_phone, shown_phone
from dialogs.activation import start_with_id
from dialogs.common import (
    ContentIs,
    MemberDialog,
    back_button,
    card_status,
    clear_error,
    commit_now,
    member_window,
    menu_button,
    now,
    on_free_message,
    set_error,
    show_typing,
    today,
)
from dialogs.deeplinks import PAYLOAD, open_link
from dialogs.states import ActivationSG, CardsSG, PhoneSG, TicketSG
from dialogs.widgets import I18nButtonText, I18nError, I18nFormat
from dialogs.widgets.i18n import ERROR_KEY
from storage.models import Member


async def take_contact(message: Message, manager: DialogManager) -> int | None:
    """A shared contact: when it is the member's own, their phone is confirmed and every card
    with it linked, committed; how many cards carry it. None when it was refused (the reason
    is the step's error) or could not be stored."""
    contact = message.contact
    assert contact is not None
    # Only the sender's own contact proves the phone: a forwarded or picked one does not.
    if message.from_user is None or contact.user_id != message.from_user.id:
        set_error(manager, "phone-not-yours")
        return None
    phone = normalize_phone(contact.phone_number)
    if phone is None:
        set_error(manager, "phone-invalid")
        return None
    clear_error(manager)
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    async with show_typing(manager):
        found = await cards.confirm_phone(session, member, phone, now(manager), today(manager))
        if not await commit_now(manager):
            return None
    return found


async def on_contact(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    found = await take_contact(message, manager)
    if found is None:
        return
    payload = (
        (manager.start_data or {}).get(PAYLOAD) if isinstance(manager.start_data, dict) else None
    )
    if found and payload:
        # onboarding done: on to where the member's /start link pointed
        await open_link(manager, payload, onboarded=True)
        return
    await manager.switch_to(PhoneSG.linked if found else PhoneSG.no_card)


async def on_shared_contact(message: Message, _widget: Any, manager: DialogManager) -> None:
    """A contact shared from Telegram's attach menu, not the "Confirm phone" button (on the
    menu, or on a screen that asks nothing): the same check, then the same screen. Refused
    (not the member's own, or no phone), the reason is said on the phone step, whose button
    it names."""
    found = await take_contact(message, manager)
    if found is not None:
        await manager.start(PhoneSG.linked if found else PhoneSG.no_card)
        return
    refused = manager.dialog_data.pop(ERROR_KEY, None)
    await start_phone_step(manager, refused["key"] if refused else "phone-use-button")


async def on_other_input(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    """A typed phone number is told it cannot be checked; an insured ID (the date of birth
    with it or not) goes on to activation with it, the other way in; else the button."""
    text = message.text or ""
    typed = is_market_phone(text)
    typed_id, _born = activation.split_birth_date(text, today(manager))
    if not typed and activation.looks_like_insured_id(typed_id):
        await start_with_id(manager, text)
        return
    set_error(manager, "phone-typed" if typed else "phone-use-button")


async def on_no_card_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """A message on "no card for this phone": an insured ID typed there (the screen offers
    activation by it; the date of birth with it or not) goes on to activation with it, as on
    the menu; anything else as on the menu too (`on_free_message`: kept for support)."""
    text = message.text or ""
    typed_id, _born = activation.split_birth_date(text, today(manager))
    if activation.looks_like_insured_id(typed_id):
        await start_with_id(manager, text)
        return
    await on_free_message(message, widget, manager)


async def start_after_typed_phone(manager: DialogManager) -> None:
    """The phone step, opened for a member who typed their number on the menu: told that a
    typed number cannot be checked, and shown the button that sends it."""
    await start_phone_step(manager, "phone-typed")


async def start_phone_step(manager: DialogManager, error: str) -> None:
    """The phone step opened with `error` above it (a number typed, a contact refused)."""
    await manager.start(PhoneSG.share, show_mode=ShowMode.NO_UPDATE)
    set_error(manager, error)
    manager.show_mode = ShowMode.SEND  # (started without a render: the step after it shows)
    await manager.show()


# cards listed by name on the screen after the phone is shared (a family's, as a rule): the
# registry may carry one phone on many more, which would not fit one message
HOLDERS_SHOWN = 10


async def result_getter(
    dialog_manager: DialogManager,
    session: AsyncSession,
    member: Member,
    i18n: Translator,
    **_: Any,
) -> dict[str, Any]:
    card_list = await cards.list_cards(session, member, today(dialog_manager))
    holders = [
        f"• {c.holder_name} — {c.policy_number} ({card_status(c, dialog_manager)})"
        for c in card_list[:HOLDERS_SHOWN]
    ]
    if len(card_list) > HOLDERS_SHOWN:  # a phone many cards carry: "My cards" pages them
        holders.append(i18n("phone-linked-more", count=len(card_list) - HOLDERS_SHOWN))
    return {
        "phone": shown_phone(member.phone) if member.phone else "",
        "count": len(card_list),
        "holders": "\n".join(holders),
        "waiting": any(c.status is CardStatus.WAITING for c in card_list),
    }


async def share_getter(dialog_manager: DialogManager, member: Member, **_: Any) -> dict[str, Any]:
    """A member whose number is confirmed already is asked for a changed one (the profile's
    "📱 Change phone number"): what it changes, with the number now."""
    phone = member.phone if member.phone_confirmed_at is not None else None
    return {"confirmed": phone is not None, "phone": shown_phone(phone) if phone else ""}


def phone_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            I18nFormat("phone-prompt", when=~F["confirmed"]),
            I18nFormat("phone-change-prompt", when="confirmed"),
            I18nError(),
            RequestContact(I18nButtonText("btn-share-phone")),
            back_button(),
            MessageInput(on_contact, filter=ContentIs(ContentType.CONTACT)),
            MessageInput(on_other_input),
            markup_factory=ReplyKeyboardFactory(resize_keyboard=True, one_time_keyboard=True),
            getter=share_getter,
            state=PhoneSG.share,
        ),
        member_window(
            I18nFormat("phone-linked"),
            I18nFormat("phone-linked-waiting", when="waiting"),
            Column(
                Start(I18nButtonText("btn-my-cards"), id="cards", state=CardsSG.list),
                menu_button(),
            ),
            getter=result_getter,
            state=PhoneSG.linked,
            rests=True,
        ),
        member_window(
            I18nFormat("phone-no-card"),
            Column(
                Start(I18nButtonText("btn-activate"), id="activate", state=ActivationSG.insured_id),
                Start(
                    I18nButtonText("btn-write-support"), id="ticket", state=TicketSG.policy_number
                ),
                menu_button(),
            ),
            MessageInput(on_no_card_text, content_types=ContentType.TEXT),
            getter=result_getter,
            state=PhoneSG.no_card,
            rests=True,
        ),
    )
