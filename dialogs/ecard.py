""" "Show my card": the active card as an image (bot/ecard.py), drawn off the event loop."""

from __future__ import annotations

import asyncio

from aiogram import Bot
from aiogram.types import BufferedInputFile, CallbackQuery
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Button
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.ecard import ECard, draw_card
from bot.i18n import Translator
from bot.services import cards
from bot.services.cards import CardView
from dialogs.common import fmt_date, set_error, show_typing, today
from storage.models import Member


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
            (i18n("ecard-policy"), card.policy_number),
            (i18n("ecard-coverage"), f"{start} – {end}"),
        ),
        status_kind=str(card.status),
        status=i18n(f"ecard-status-{card.status}"),
        status_note=notes.get(str(card.status), ""),
        hotline=i18n("ecard-hotline", phone=settings.support_hotline),
        qr_data=card.policy_number,
    )


async def on_show_ecard(callback: CallbackQuery, _button: Button, manager: DialogManager) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    member: Member = manager.middleware_data["member"]
    bot: Bot = manager.middleware_data["bot"]
    card = await cards.active_card(session, member, today(manager))
    if card is None:
        set_error(manager, "ecard-no-active-card")
        return
    i18n: Translator = manager.middleware_data["i18n"]
    async with show_typing(manager):
        png = await asyncio.to_thread(draw_card, ecard_of(card, manager))  # CPU: off the loop
        await bot.send_photo(
            manager.middleware_data["event_chat"].id,
            BufferedInputFile(png, filename="ecard.png"),
            caption=i18n("ecard-caption"),
        )
    manager.show_mode = ShowMode.SEND  # the cards stay below the image
