"""The member's insurance cards and "change policy"."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Dialog, DialogManager
from aiogram_dialog.widgets.kbd import Button, Select
from aiogram_dialog.widgets.text import Format
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator
from bot.services import cards
from bot.services.forms import (
    CARD_SWITCH,
    OWN_CARD_WORDS,
    asks_card,
    asks_card_page,
    may_ask_card,
    typed_phrase,
)
from dialogs.common import (
    CHOSEN_MARK,
    MemberDialog,
    back_button,
    commit_now,
    fmt_date,
    member_window,
    on_free_message,
    open_over_menu,
    picked_id,
    today,
    typed_choice,
)
from dialogs.ecard import on_show_ecard, on_show_this_ecard
from dialogs.states import CardsSG
from dialogs.widgets import I18nButtonText, I18nFormat
from dialogs.widgets.pager import ScrollingGroup
from storage.models import Member
from storage.registry_values import Relation

# a card that takes no request today is marked in a list as its status is (cards.ftl)
STATUS_MARKS = {cards.CardStatus.WAITING: " · ⏳", cards.CardStatus.EXPIRED: " · ⚪️"}


def card_items(card_list: list[cards.CardView]) -> list[tuple[str, str]]:
    """Each card as a list's button: (its id, "✅ holder · policy", marked when it is not in
    force today)."""
    return [
        (
            str(c.card_id),
            (CHOSEN_MARK if c.is_active else "")
            + f"{c.holder_name} · {c.policy_number}{STATUS_MARKS.get(c.status, '')}",
        )
        for c in card_list
    ]


async def list_getter(
    dialog_manager: DialogManager, session: AsyncSession, member: Member, **_: Any
) -> dict[str, Any]:
    card_list = await cards.list_cards(session, member, today(dialog_manager))
    return {
        "cards": card_items(card_list),
        "count": len(card_list),
        "has_active": any(c.is_active for c in card_list),
    }


async def detail_getter(
    dialog_manager: DialogManager,
    session: AsyncSession,
    member: Member,
    i18n: Translator,
    **_: Any,
) -> dict[str, Any]:
    card = await cards.get_card(
        session, member, dialog_manager.dialog_data.get("card_id", 0), today(dialog_manager)
    )
    if card is None:
        return {"missing": True}
    return {
        "found": True,
        "policy": card.policy_number,
        "program": card.program,
        "holder": card.holder_name,
        "insured_id": card.insured_id,
        "relation": i18n(f"relation-{card.relation}"),
        "holder_type": i18n(f"holder-type-{card.holder_type}"),
        "start": fmt_date(card.coverage_start, dialog_manager),
        "end": fmt_date(card.coverage_end, dialog_manager),
        "status": i18n(f"card-status-{card.status}"),
        "is_active": card.is_active,
        "can_activate": not card.is_active,
    }


async def on_card(
    _event: CallbackQuery | Message, _widget: Any, manager: DialogManager, item: str
) -> None:
    card_id = picked_id(item)
    if card_id is None:  # not a button this list drew
        return
    manager.dialog_data["card_id"] = card_id
    await manager.switch_to(CardsSG.detail)


async def _card_named(
    text: str, manager: DialogManager
) -> tuple[list[cards.CardView], cards.CardView | None]:
    """The member's cards, and the one whose holder `text` names (`named_holder`), if any."""
    from dialogs.requests.named import named_holder  # (the requests' package imports this one)

    data = manager.middleware_data
    card_list = await cards.list_cards(data["session"], data["member"], today(manager))
    holder = named_holder(text, card_list)
    return card_list, holder[0] if holder else None


async def _not_a_card(message: Message, widget: Any, manager: DialogManager, text: str) -> None:
    """Text that names no card's button: a card's policy number ("SIP-2024-0002",
    `cards.card_numbered`), or a family member named by who they are ("сын", "карта дочки",
    "for my son") or by name, in either script ("Тарас" for "Taras Kovalenko"), opens their
    card; anything else is as on any screen that asks nothing."""
    if (asked := await _card_asked(text, manager)) is not None:  # "переключи на карту сына"
        if await _switched_if_asked(*asked, manager):
            await on_card(message, widget, manager, f"{asked[0].card_id}")
        return
    card_list, named = await _card_named(text, manager)
    card = cards.card_numbered(text, card_list) or named
    if card is not None:
        await on_card(message, widget, manager, f"{card.card_id}")
        return
    await on_free_message(message, widget, manager)


async def _card_asked(text: str, manager: DialogManager) -> tuple[cards.CardView, bool] | None:
    """The card a short message asks to see or to make active (`forms.asks_card`), by its
    holder's name or who they are ("картка Софії", "перемкни на картку доньки"), or the
    member's own ("переключи на мою карту"), and whether switching was asked; or a family
    member named alone ("Софія", "сын"), to see. None for any other message, or a member with
    one card."""
    from dialogs.requests.named import named_holder, names_self, without_relations

    alone = len(text.split()) == 1  # (a name, or who they are, and nothing else said)
    if not alone and not may_ask_card(text):
        return None
    data = manager.middleware_data
    card_list = await cards.list_cards(data["session"], data["member"], today(manager))
    holder = named_holder(text, card_list)
    rest = without_relations(holder[1] if holder else text)
    if alone:
        return (holder[0], False) if holder and not typed_phrase(rest) else None
    asked = asks_card(" ".join(w for w in rest.split() if not names_self(w)))
    if asked is None:
        return None
    card = holder[0] if holder else None
    if card is None and asked == CARD_SWITCH and OWN_CARD_WORDS & set(rest.casefold().split()):
        own = [c for c in card_list if c.relation == Relation.SELF]
        card = next((c for c in own if c.status is cards.CardStatus.ACTIVE), None)
    return (card, asked == CARD_SWITCH) if card is not None else None


async def opened_card_named(message: Message, manager: DialogManager) -> bool:
    """A family member's card asked for on a screen that asks nothing (`_card_asked`): its page
    opened over the menu, made the active card first when switching was asked (the page then
    says so); False for any other message."""
    asked = await _card_asked(message.text or "", manager)
    if asked is None:
        return False
    if await _switched_if_asked(*asked, manager):
        await open_over_menu(manager, CardsSG.detail, {"card_id": asked[0].card_id})
    return True


async def _switched_if_asked(card: cards.CardView, switch: bool, manager: DialogManager) -> bool:
    """`card` made the active one, and committed, when `switch` (the page shown next says so);
    False when that commit failed (the step stays, and says so: `commit_now`)."""
    if switch and not card.is_active:
        data = manager.middleware_data
        await cards.set_active_card(data["session"], data["member"], card.card_id)
        return await commit_now(manager)
    return True


async def opened_card_asked(message: Message, manager: DialogManager) -> bool:
    """A question the card's page answers ("коли почне діяти моя картка?", "до какого числа
    действует полис?", `forms.asks_card_page`): the page of the card it names (a family
    member's, `named_holder`), else the active one, opened over the menu; False for any other
    message, or a member with no card."""
    text = message.text or ""
    if not asks_card_page(text):
        return False
    card_list, named = await _card_named(text, manager)
    card = named or next((c for c in card_list if c.is_active), None)
    if card is None:
        return False
    await open_over_menu(manager, CardsSG.detail, {"card_id": card.card_id})
    return True


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """Opened at a card's page (`opened_card_asked`): that card."""
    if isinstance(start_data, dict) and isinstance(start_data.get("card_id"), int):
        manager.dialog_data["card_id"] = start_data["card_id"]


async def on_make_active(_callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    await cards.set_active_card(session, member, manager.dialog_data["card_id"])
    await commit_now(manager)  # the screen re-rendered after this marks the card active


def card_buttons(select_id: str, page_id: str, on_click: Any) -> ScrollingGroup:
    """The member's cards (`list_getter`'s), a button each, six a page."""
    return ScrollingGroup(
        Select(
            Format("{item[1]}"),
            id=select_id,
            item_id_getter=lambda item: item[0],
            items="cards",
            on_click=on_click,
        ),
        id=page_id,
        width=1,
        height=6,
        hide_on_single_page=True,
    )


def cards_dialog() -> Dialog:
    return MemberDialog(
        member_window(
            I18nFormat("cards-title"),
            card_buttons("card", "cards_page", on_card),
            # a name typed ("Софія") opens the one card it names
            typed_choice("cards", list_getter, on_card, otherwise=_not_a_card),
            Button(
                I18nButtonText("btn-show-ecard"),
                id="ecard",
                on_click=on_show_ecard,
                when="has_active",
            ),
            back_button(),
            getter=list_getter,
            state=CardsSG.list,
            rests=True,
        ),
        member_window(
            I18nFormat("card-details", when="found"),
            I18nFormat("card-active-mark", when="is_active"),
            I18nFormat("card-missing", when="missing"),
            Button(
                I18nButtonText("btn-make-active"),
                id="make_active",
                on_click=on_make_active,
                when="can_activate",
            ),
            Button(
                I18nButtonText("btn-show-this-ecard"),
                id="card_ecard",
                on_click=on_show_this_ecard,
                when="found",
            ),
            back_button(CardsSG.list),
            getter=detail_getter,
            state=CardsSG.detail,
            rests=True,
        ),
        on_start=on_start,
    )
