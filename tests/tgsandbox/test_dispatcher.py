"""End to end: an aiogram Dispatcher polling the emulator answers a simulated member."""

from __future__ import annotations

import asyncio

from aiogram import Bot, Dispatcher, F, Router
from aiogram.filters import CommandStart
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
)

from tests.polling_stop import stop_polling
from tests.tgsandbox.conftest import MEMBER
from tgsandbox import EmulatorState


def make_router() -> Router:
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        share = ReplyKeyboardMarkup(
            keyboard=[[KeyboardButton(text="Share phone", request_contact=True)]],
            resize_keyboard=True,
        )
        await message.answer("Share your phone", reply_markup=share)

    @router.message(F.contact)
    async def contact(message: Message) -> None:
        own = message.from_user is not None and message.contact is not None
        own = own and message.contact.user_id == message.from_user.id  # type: ignore[union-attr]
        markup = InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text="Cards", callback_data="cards")]]
        )
        await message.answer(
            "Phone confirmed" if own else "Only your own contact", reply_markup=markup
        )

    @router.callback_query(F.data == "cards")
    async def cards(query: CallbackQuery) -> None:
        await query.answer("Loading")
        assert isinstance(query.message, Message)
        await query.message.edit_text("<b>Your cards</b>", parse_mode="HTML")

    return router


async def test_polling_bot_talks_to_a_member(bot: Bot, state: EmulatorState) -> None:
    dp = Dispatcher()
    dp.include_router(make_router())
    polling = asyncio.create_task(dp.start_polling(bot, polling_timeout=1, handle_signals=False))

    def bot_said(text: str) -> dict | None:
        return next(
            (m for m in state.history(MEMBER) if m["from"]["is_bot"] and m.get("text") == text),
            None,
        )

    try:
        state.send_text(MEMBER, "/start")
        await state.wait_for(lambda: bot_said("Share your phone"), 3)
        assert state.chats[MEMBER].reply_keyboard is not None

        state.send_contact(MEMBER, own=False, contact_user_id=10002)
        await state.wait_for(lambda: bot_said("Only your own contact"), 3)

        state.send_contact(MEMBER)
        confirmed = await state.wait_for(lambda: bot_said("Phone confirmed"), 3)
        pressed = state.press_button(MEMBER, confirmed["message_id"], data="cards")
        record = state.callbacks[pressed["callback_query_id"]]
        await state.wait_for(lambda: bot_said("Your cards"), 3)
        assert record.answer is not None and record.answer["text"] == "Loading"
        assert bot_said("Your cards")["entities"][0]["type"] == "bold"  # type: ignore[index]
    finally:
        await stop_polling(dp, polling)
