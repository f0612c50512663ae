"""Main menu and help."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from aiogram import F
from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram.types import Message
from aiogram_dialog import Dialog, DialogManager, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Column, Row, Start, SwitchTo
from aiogram_dialog.widgets.text import Format
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.i18n import Translator, TranslatorHub
from bot.services import activation, cards
from bot.services.forms import (
    MENU_WORDS,
    asks_support_contacts,
    menu_asked,
    plain_phrase,
    shown_asked,
    typed_phrase,
    without_how,
)
from bot.services.names import given_name
from bot.services.phones import is_market_phone, phone_in_text
from dialogs.activation import start_with_id
from dialogs.common import (
    ContentIs,
    MemberDialog,
    back_button,
    card_status,
    keep_for_support,
    member_window,
    open_over_menu,
    opened_by_name,
    today,
    took_awaited,
)
from dialogs.drafts import draft_label, on_continue
from dialogs.phone import on_shared_contact, start_after_typed_phone
from dialogs.privacy import PrivacySG
from dialogs.states import (
    ActivationSG,
    CardsSG,
    LanguageSG,
    MainSG,
    MyRequestsSG,
    NewRequestSG,
    PhoneSG,
    ProfileSG,
    SupportSG,
)
from dialogs.suggest import offer_named
from dialogs.widgets import I18nButtonText, I18nFormat
from dialogs.widgets.cached import CachedKeyboard
from storage.models import Member

NOTICES = {
    "cancelled": "notice-cancelled",
    "expired": "notice-session-expired",
    # a deep link that could not open (dialogs/deeplinks.py)
    "link_not_yours": "link-request-not-yours",
    "link_needs_card": "link-needs-card",
}


async def menu_getter(
    dialog_manager: DialogManager,
    session: AsyncSession,
    member: Member,
    i18n: Translator,
    settings: Settings,
    **_: Any,
) -> dict[str, Any]:
    card_list = await cards.list_cards(session, member, today(dialog_manager))
    active = next((c for c in card_list if c.is_active), None)
    notice = NOTICES.get((dialog_manager.start_data or {}).get("notice", ""))  # type: ignore[union-attr]
    data: dict[str, Any] = {
        "notice": i18n(notice) if notice else "",
        "has_cards": bool(card_list),
        "phone_confirmed": member.phone_confirmed_at is not None,
        "name": given_name(member.full_name),
        "insurer": settings.insurer_name,
        "cards": len(card_list),
        # a request form left for the menu, kept to go on with (dialogs/drafts.py)
        "draft": await draft_label(dialog_manager, i18n, card_list),
    }
    if active:
        data |= {
            "active": True,
            "policy": active.policy_number,
            "holder": active.holder_name,
            "status": card_status(active, dialog_manager),
        }
    return data


async def on_menu_message(message: Message, _widget: MessageInput, manager: DialogManager) -> None:
    """A message on the menu: a request's number opens its page, a menu button typed its screen
    ("мои заявки", `typed_menu_item`), a language asked for is spoken (`opened_by_name`); else
    it is the one a request waits for, when one does.
    A member with no card who types their insured ID (the date of birth with it or not) is
    taken on with it to activation; one who has not confirmed a phone and types their number,
    to the phone step, told that a typed number cannot be checked. A member with cards who
    types an insured ID with a date of birth adds that card ("Add a card"). Other messages are
    kept for support."""
    if await opened_by_name(message, manager) or await took_awaited(message, manager):
        return
    text = message.text
    card_list: list[cards.CardView] = []
    if text is not None:
        typed, born = activation.split_birth_date(text, today(manager))
        card_list = await _cards(manager)
        member: Member = manager.middleware_data["member"]
        if not card_list and member.phone_confirmed_at is None and is_market_phone(text):
            await start_after_typed_phone(manager)
            return
        # with cards, only the pair is taken ("Add a card"): an ID alone may be a question's
        if activation.looks_like_insured_id(typed) and (born is not None or not card_list):
            await start_with_id(manager, text)
            return
        # "мой номер +77011234567": the number in a sentence, as typed alone
        said = phone_in_text(text) if not card_list and member.phone_confirmed_at is None else None
        if said is not None and is_market_phone(said):
            await start_after_typed_phone(manager)
            return
    keep_for_support(message, manager)
    await offer_named(message, manager, card_list if text is not None else None)


# the menu's buttons a member may type rather than press: each one's label, the screen it
# opens, and whether the menu shows it (to a member with cards, with a phone confirmed)
_MENU_ITEMS: dict[str, tuple[str, State, Callable[[bool, bool], bool]]] = {
    "new_request": ("btn-new-request", NewRequestSG.choose, lambda cards, _phone: cards),
    "my_requests": ("btn-my-requests", MyRequestsSG.list, lambda cards, _phone: cards),
    "cards": ("btn-my-cards", CardsSG.list, lambda cards, _phone: cards),
    "phone": ("btn-confirm-phone", PhoneSG.share, lambda _cards, phone: not phone),
    # (on the profile: a number confirmed, changed since)
    "change_phone": ("btn-change-phone", PhoneSG.share, lambda _cards, phone: phone),
    "activate": ("btn-activate", ActivationSG.insured_id, lambda _cards, _phone: True),
    "add_card": ("btn-add-card", ActivationSG.insured_id, lambda cards, _phone: cards),
    "profile": ("btn-profile", ProfileSG.view, lambda _cards, _phone: True),
    "privacy": ("btn-mydata", PrivacySG.summary, lambda _cards, _phone: True),
    "support": ("btn-support", SupportSG.info, lambda _cards, _phone: True),
    "language": ("btn-language", LanguageSG.select, lambda _cards, _phone: True),
    "help": ("btn-help", MainSG.help, lambda _cards, _phone: True),
}


@cache
def _menu_words(hub: TranslatorHub) -> dict[str, str]:
    """Each menu button's label in each of the bot's languages, as typed answers are compared,
    and the screens as people name them (`forms.MENU_WORDS`): built once."""
    labels = {
        typed_phrase(hub.get(locale)(key)): item
        for locale in hub.locales
        for item, (key, _state, _shown) in _MENU_ITEMS.items()
    }
    return {**MENU_WORDS, **labels}


async def typed_menu_item(
    text: str, manager: DialogManager, card_list: list[cards.CardView] | None = None
) -> str | None:
    """The menu button a whole message names, in any of the bot's languages ("мои заявки",
    "Мої картки", "help", "поменять язык"), when the menu shows it (`card_list`: the member's
    cards, when the caller has read them); None for any other, read without the database."""
    hub: TranslatorHub = manager.middleware_data["translators"]
    phrase = plain_phrase(text)
    item = _menu_words(hub).get(phrase)
    if item is None:  # "покажите мою карту", "где мой полис"; not "where is my request?", a
        # question about one made, which opens that one's page (`suggest._about_made`)
        words = _menu_words(hub)  # (asked how, "как добавить карту?", the same)
        shown = words.get(shown_asked(phrase)) or words.get(shown_asked(without_how(phrase)))
        item = shown if shown != "my_requests" else None
    item = item or menu_asked(text)  # "удалите мои данные", "как пользоваться ботом?"
    context = manager.current_context()
    on_support = context is not None and context.state == SupportSG.info
    if item is None and not on_support and asks_support_contacts(text):
        item = "support"  # "до скольки вы работаете?" (on its page: a message to support)
    if item is None or (item == "help" and phrase != typed_phrase(text)):
        return None  # ("please help" asks support for help, not for the help screen)
    if card_list is None:
        card_list = await _cards(manager)
    member: Member = manager.middleware_data["member"]
    phone = member.phone_confirmed_at is not None
    return item if _MENU_ITEMS[item][2](bool(card_list), phone) else None


async def opened_menu_item(message: Message, manager: DialogManager) -> bool:
    """On a screen that asks nothing, a menu button typed ("мої заявки" under "Request sent",
    or where the phone found the cards): its screen, over the menu, as from the menu; False
    for any other message."""
    item = await typed_menu_item(message.text, manager) if message.text else None
    if item is None:
        return False
    state = _MENU_ITEMS[item][1]
    if state == MainSG.help:
        await manager.start(state, mode=StartMode.RESET_STACK)
    else:
        await open_over_menu(manager, state)
    return True


async def _cards(manager: DialogManager) -> list[cards.CardView]:
    data = manager.middleware_data
    return await cards.list_cards(data["session"], data["member"], today(manager))


def menu_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            Format("{notice}", when="notice"),
            I18nFormat("menu-greeting-name", when="name"),
            I18nFormat("menu-greeting", when=~F["name"]),
            I18nFormat("menu-active-card", when="active"),
            I18nFormat("menu-no-card", when=~F["has_cards"]),
            I18nFormat("menu-draft", when="draft"),
            Button(
                I18nButtonText("btn-draft-continue"), id="draft", on_click=on_continue, when="draft"
            ),
            # the same for everyone with the same language and flags: rendered once each
            CachedKeyboard(
                Row(
                    Start(
                        I18nButtonText("btn-new-request"),
                        id="new_request",
                        state=NewRequestSG.choose,
                        when="has_cards",
                    ),
                    Start(
                        I18nButtonText("btn-my-requests"),
                        id="my_requests",
                        state=MyRequestsSG.list,
                        when="has_cards",
                    ),
                ),
                Column(
                    Start(
                        I18nButtonText("btn-my-cards"),
                        id="cards",
                        state=CardsSG.list,
                        when="has_cards",
                    ),
                    Start(
                        I18nButtonText("btn-confirm-phone"),
                        id="phone",
                        state=PhoneSG.share,
                        when=~F["phone_confirmed"],
                    ),
                    Start(
                        I18nButtonText("btn-activate"),
                        id="activate",
                        state=ActivationSG.insured_id,
                        when=~F["has_cards"],
                    ),
                    Start(
                        I18nButtonText("btn-add-card"),
                        id="add_card",
                        state=ActivationSG.insured_id,
                        when="has_cards",
                    ),
                ),
                Row(
                    Start(I18nButtonText("btn-profile"), id="profile", state=ProfileSG.view),
                    Start(I18nButtonText("btn-support"), id="support", state=SupportSG.info),
                ),
                Row(
                    Start(I18nButtonText("btn-language"), id="language", state=LanguageSG.select),
                    SwitchTo(I18nButtonText("btn-help"), id="help", state=MainSG.help),
                ),
                by=("has_cards", "phone_confirmed"),
            ),
            MessageInput(on_shared_contact, filter=ContentIs(ContentType.CONTACT)),
            getter=menu_getter,
            state=MainSG.menu,
            rests=True,
            on_message=on_menu_message,
        ),
        member_window(
            I18nFormat("help-text"),
            back_button(MainSG.menu),
            state=MainSG.help,
            rests=True,
            getter=menu_getter,
        ),
    )
