""" "Show my card" (the active card) and "Show this card" (the card whose page it is) as an
image (bot/ecard.py), drawn off the event loop, and sent again by its `file_id` while nothing
drawn on it changed (bot/services/ecards.py)."""

from __future__ import annotations

import asyncio
import html
import logging

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Button
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.ecard import ECard, draw_card, fingerprint
from bot.i18n import Translator
from bot.services import cards, ecards
from bot.services.cards import CardView
from dialogs.common import fmt_date, now, set_error, show_typing, today
from storage.models import Member, Relation
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


def ecard_of(card: CardView, manager: DialogManager) -> ECard:
    i18n: Translator = manager.middleware_data["i18n"]
    settings: Settings = manager.middleware_data["settings"]
    start, end = fmt_date(card.coverage_start, manager), fmt_date(card.coverage_end, manager)
    notes = {
        "waiting": i18n("ecard-note-waiting", date=start),
        "expired": i18n("ecard-note-expired", date=end),
    }
    return ECard(
        insurer=settings.insurer_name,
        title=i18n("ecard-title"),
        rows=(
            (i18n("ecard-program"), card.program),
            (i18n("ecard-insured"), card.holder_name),
            (i18n("ecard-insured-id"), card.insured_id),
            (i18n("ecard-policy"), card.policy_number),
            (i18n("ecard-coverage"), f"{start} – {end}"),
        ),
        status_kind=str(card.status),
        status=i18n(f"ecard-status-{card.status}"),
        status_note=notes.get(str(card.status), ""),
        hotline=i18n("ecard-hotline", phone=settings.support_hotline),
        qr_data=card.policy_number,
    )


async def _send_cached(bot: Bot, chat_id: int, file_id: str, caption: str) -> bool:
    """Send the image Telegram already has; False when it refuses the file_id (400)."""
    try:
        await bot.send_photo(chat_id, file_id, caption=caption)
    except TelegramBadRequest as error:
        log.info("the cached e-card's file_id was refused (%s); drawing it again", error.message)
        return False
    return True


async def on_show_ecard(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    """ "Show my card" on the list: the active card."""
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    card = await cards.active_card(session, member, today(manager))
    if card is None:
        set_error(manager, "ecard-no-active-card")
        return
    await _show(manager, card)


async def on_show_this_ecard(
    callback: CallbackQuery, _button: Button, manager: DialogManager
) -> None:
    """ "Show this card" on a card's page: that card, active or not (a child's at the clinic
    with a parent, whose own card stays the active one)."""
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    card_id = manager.dialog_data.get("card_id", 0)
    card = await cards.get_card(session, member, card_id, today(manager))
    if card is not None:  # (unlinked since the page was drawn: the page says so)
        await _show(manager, card)


def _caption(card: CardView, i18n: Translator) -> str:
    if card.relation == Relation.SELF:
        return i18n("ecard-caption")
    return i18n("ecard-caption-of", holder=html.escape(card.holder_name))


async def _show(manager: DialogManager, card: CardView) -> None:
    """The card's image, sent by the `file_id` Telegram keeps while nothing drawn on it
    changed, else drawn; the screen it was asked from is sent again below it."""
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    bot: Bot = manager.middleware_data["bot"]
    assert member.id is not None
    i18n: Translator = manager.middleware_data["i18n"]
    chat_id = manager.middleware_data["event_chat"].id
    drawn = ecard_of(card, manager)
    key = (member.id, card.card_id, i18n.locale)
    shown = fingerprint(drawn)
    caption = _caption(card, i18n)
    manager.show_mode = ShowMode.SEND  # the screen stays below the image
    async with show_typing(manager):
        file_id = await ecards.cached_file_id(session, *key, shown)
        if file_id is not None and await _send_cached(bot, chat_id, file_id, caption):
            return
        png = await asyncio.to_thread(draw_card, drawn)  # CPU: off the loop
        sent: Message = await bot.send_photo(
            chat_id, BufferedInputFile(png, filename="ecard.png"), caption=caption
        )
    if sent.photo:  # sent first, stored after: a failed commit only loses the cache
        await ecards.remember(session, *key, shown, sent.photo[-1].file_id, now(manager))
        uow: UnitOfWork = manager.middleware_data["uow"]
        if not await uow.commit():  # a rollback expires loaded rows; the cards screen reads it
            await session.refresh(member)
